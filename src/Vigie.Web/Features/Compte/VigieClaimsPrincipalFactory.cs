using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Vigie.Web.Features.Compte;

public static class VigieClaimTypes
{
    public const string DisplayName = "vigie:name";
    public const string OrganisationId = "vigie:org";
    public const string StepUpAt = "vigie:step-up";
}

/// <summary>Adds the display name and organisation to the session, so pages and scopes need no extra query.</summary>
public sealed class VigieClaimsPrincipalFactory(
    UserManager<VigieUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<VigieUser, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(VigieUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(VigieClaimTypes.DisplayName, user.DisplayName));
        identity.AddClaim(new Claim(VigieClaimTypes.OrganisationId, user.OrganisationId.ToString()));
        if (user.MustChangePassword)
        {
            identity.AddClaim(new Claim(PasswordChangeGate.ClaimType, "1"));
        }
        return identity;
    }
}
