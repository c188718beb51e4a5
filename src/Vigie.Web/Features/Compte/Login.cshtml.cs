using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Vigie.Web.Features.Compte;

[AllowAnonymous]
public sealed class LoginModel(SignInFlow flow) : PageModel
{
    public const string GenericError =
        "Adresse e-mail ou mot de passe incorrect, ou compte bloqué. Après 5 échecs, le compte est bloqué 15 minutes.";

    [BindProperty]
    public string? Email { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Retour { get; set; }

    public string? Error { get; private set; }

    public bool Expired { get; private set; }

    public async Task OnGetAsync()
    {
        Expired = Retour is not null && Retour != "/";
        // Leaving any half-finished login behind: a fresh attempt starts from nothing.
        await HttpContext.SignOutAsync(IdentityConstants.TwoFactorUserIdScheme);
        await HttpContext.SignOutAsync(AccountsServiceCollectionExtensions.EnrolmentScheme);
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (string.IsNullOrWhiteSpace(Email) || string.IsNullOrEmpty(Password))
        {
            Error = "Saisissez votre adresse e-mail et votre mot de passe.";
            return Page();
        }

        var step = await flow.CheckPasswordAsync(Email, Password);
        var retour = LocalReturn(Retour) is var local && local != "/" ? local : null;
        switch (step)
        {
            case PasswordStep.NeedsCode:
                return RedirectToPage("/Compte/LoginCode", new { retour });
            case PasswordStep.NeedsEnrolment:
                return RedirectToPage("/Compte/Enrol", new { retour });
            default:
                Error = GenericError;
                Password = null;
                return Page();
        }
    }

    internal static string LocalReturn(string? url) =>
        !string.IsNullOrEmpty(url) && url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal)
            ? url
            : "/";
}
