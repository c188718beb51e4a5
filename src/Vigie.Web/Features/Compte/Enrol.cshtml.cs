using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using QRCoder;
using Vigie.Web.Platform.Audit;

namespace Vigie.Web.Features.Compte;

/// <summary>Mandatory TOTP enrolment, reached after a correct password by a user who has none yet.</summary>
[AllowAnonymous]
public sealed class EnrolModel(
    UserManager<VigieUser> users,
    SignInManager<VigieUser> signIn,
    SignInFlow flow,
    IAuditLog audit) : PageModel
{
    [BindProperty]
    public string? Code { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Retour { get; set; }

    public string? Error { get; private set; }

    public string FormattedKey { get; private set; } = string.Empty;

    public string QrCodeSvg { get; private set; } = string.Empty;

    public IReadOnlyList<string>? RecoveryCodes { get; private set; }

    public string Next { get; private set; } = "/";

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await flow.GetEnrollingUserAsync();
        if (user is null)
        {
            return RedirectToPage("/Compte/Login");
        }

        await ShowKeyAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await flow.GetEnrollingUserAsync();
        if (user is null)
        {
            return RedirectToPage("/Compte/Login");
        }

        var code = (Code ?? string.Empty).Replace(" ", string.Empty, StringComparison.Ordinal);
        if (!await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code))
        {
            Error = "Code incorrect. Vérifiez que l'heure de votre téléphone est exacte et saisissez le code affiché.";
            Code = null;
            await ShowKeyAsync(user);
            return Page();
        }

        await users.SetTwoFactorEnabledAsync(user, true);
        RecoveryCodes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10))?.ToList() ?? [];
        await audit.RecordAsync(AuditAction.MfaEnrolled, AuditRecordType.Account, user.Id, actorId: user.Id);
        await flow.EndEnrolmentAsync();
        await signIn.SignInAsync(user, isPersistent: false, authenticationMethod: "mfa");
        await audit.RecordAsync(AuditAction.LoginSucceeded, AuditRecordType.Account, user.Id, actorId: user.Id);
        Next = LoginModel.LocalReturn(Retour);
        return Page();
    }

    private async Task ShowKeyAsync(VigieUser user)
    {
        var key = await users.GetAuthenticatorKeyAsync(user) ?? string.Empty;

        FormattedKey = string.Join(' ', key.Chunk(4).Select(c => new string(c))).ToLowerInvariant();
        var label = Uri.EscapeDataString("Vigie:" + user.Email);
        var uri = $"otpauth://totp/{label}?secret={key}&issuer=Vigie&digits=6&period=30";
        using var data = QRCodeGenerator.GenerateQrCode(uri, QRCodeGenerator.ECCLevel.M);
        QrCodeSvg = new SvgQRCode(data).GetGraphic(5);
    }
}
