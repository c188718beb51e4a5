using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Vigie.Web.Platform.Audit;

namespace Vigie.Web.Features.Compte;

public sealed class LogoutModel(SignInManager<VigieUser> signIn, UserManager<VigieUser> users, IAuditLog audit) : PageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await users.GetUserAsync(User);
        await audit.RecordAsync(AuditAction.Logout, AuditRecordType.Account, User.FindFirstValue(ClaimTypes.NameIdentifier));
        if (user is not null)
        {
            // Logging out ends every session of the account, not just this browser's.
            await users.UpdateSecurityStampAsync(user);
        }

        await signIn.SignOutAsync();
        return RedirectToPage("/Compte/Login");
    }
}
