using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Vigie.Web.Platform.Audit;

namespace Vigie.Web.Features.Compte;

/// <summary>New recovery codes, after a fresh authenticator code (a stolen session alone cannot mint them).</summary>
[Authorize(Policy = Policies.RecentStepUp)]
public sealed class RecoveryCodesModel(UserManager<VigieUser> users, IAuditLog audit) : PageModel
{
    public int Remaining { get; private set; }

    public IReadOnlyList<string>? Codes { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return NotFound();
        }

        Remaining = await users.CountRecoveryCodesAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return NotFound();
        }

        Codes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10))?.ToList() ?? [];
        await audit.RecordAsync(AuditAction.RecoveryCodesRenewed, AuditRecordType.Account, user.Id);
        return Page();
    }
}
