using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Vigie.Web.Data;

namespace Vigie.Web.Features.Compte;

/// <summary>
/// Checks a session cookie on every request: the account still exists, is active, and its security
/// stamp is the one the session was opened with. Anything else ends the session (the user is sent
/// to the login page). Every change that must end sessions updates the stamp.
/// </summary>
public static class SessionValidator
{
    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var principal = context.Principal;
        var userId = principal?.FindFirstValue(ClaimTypes.NameIdentifier);
        var services = context.HttpContext.RequestServices;
        var stampClaim = services.GetRequiredService<Microsoft.Extensions.Options.IOptions<IdentityOptions>>().Value.ClaimsIdentity.SecurityStampClaimType;
        var stamp = principal?.FindFirstValue(stampClaim);
        if (userId is not null && stamp is not null)
        {
            var db = services.GetRequiredService<VigieDbContext>();
            var current = await db.Users.AsNoTracking()
                .Where(u => u.Id == userId)
                .Select(u => new { u.SecurityStamp, u.IsActive })
                .FirstOrDefaultAsync(context.HttpContext.RequestAborted);
            if (current is not null && current.IsActive && current.SecurityStamp == stamp)
            {
                return;
            }
        }

        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
    }
}
