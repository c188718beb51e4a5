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

    public bool Confirmed { get; private set; }

    public string Next => LoginModel.LocalReturn(Retour);

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await stepUp.VerifyAsync(User, Code, LoginModel.LocalReturn(Retour)))
        {
            // A page of its own rather than a redirect: the action may be a download, which would
            // leave the user on this form with a spent code in it.
            Confirmed = true;
            Code = null;
            ModelState.Clear();
            return Page();
        }

        Error = "Code incorrect ou déjà utilisé. Attendez le code suivant et réessayez.";
        Code = null;
        ModelState.Remove(nameof(Code));
        return Page();
    }
}
