using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Vigie.Web.Features.Compte;

/// <summary>Second step of login, reached only with the short-lived cookie Identity sets after a correct password.</summary>
[AllowAnonymous]
public sealed class LoginCodeModel(SignInManager<VigieUser> signIn, SignInFlow flow) : PageModel
{
    [BindProperty]
    public string? Code { get; set; }

    [BindProperty]
    public string? RecoveryCode { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Retour { get; set; }

    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync() =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null ? RedirectToPage("/Compte/Login") : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (user is null)
        {
            return RedirectToPage("/Compte/Login");
        }

        var code = (Code ?? string.Empty).Replace(" ", string.Empty, StringComparison.Ordinal);
        var result = await signIn.TwoFactorAuthenticatorSignInAsync(code, isPersistent: false, rememberClient: false);
        await flow.RecordSecondStepAsync(user, result, recoveryCode: false);
        return Outcome(result);
    }

    public async Task<IActionResult> OnPostRecoveryAsync()
    {
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (user is null)
        {
            return RedirectToPage("/Compte/Login");
        }

        var code = (RecoveryCode ?? string.Empty).Trim();
        var result = await signIn.TwoFactorRecoveryCodeSignInAsync(code);
        await flow.RecordSecondStepAsync(user, result, recoveryCode: true);
        return Outcome(result);
    }

    private IActionResult Outcome(Microsoft.AspNetCore.Identity.SignInResult result)
    {
        if (result.Succeeded)
        {
            return LocalRedirect(LoginModel.LocalReturn(Retour));
        }

        if (result.IsLockedOut)
        {
            Error = "Trop d'échecs : le compte est bloqué pendant 15 minutes.";
            return Page();
        }

        Error = "Code incorrect ou expiré. Vérifiez l'heure de votre téléphone et saisissez le code affiché.";
        Code = null;
        ModelState.Remove(nameof(Code));
        RecoveryCode = null;
        ModelState.Remove(nameof(RecoveryCode));
        return Page();
    }
}
