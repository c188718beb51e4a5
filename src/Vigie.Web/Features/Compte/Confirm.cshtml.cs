using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Vigie.Web.Features.Compte;

/// <summary>The step-up page: a fresh TOTP code, then back to the sensitive page that asked for it.</summary>
public sealed class ConfirmModel(StepUp stepUp) : PageModel
{
    [BindProperty]
    public string? Code { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Retour { get; set; }

    public string? Error { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await stepUp.VerifyAsync(User, Code, LoginModel.LocalReturn(Retour)))
        {
            return LocalRedirect(LoginModel.LocalReturn(Retour));
        }

        Error = "Code incorrect ou déjà utilisé. Attendez le code suivant et réessayez.";
        Code = null;
        return Page();
    }
}
