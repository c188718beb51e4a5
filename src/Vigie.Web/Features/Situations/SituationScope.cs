using System.Security.Claims;
using Vigie.Web.Features.Compte;

namespace Vigie.Web.Features.Situations;

/// <summary>
/// Who sees which situations (ACCESS.md), applied inside the database query. The one place the
/// commission and mobile-team modules will extend. Out of scope means "does not exist": 404.
/// </summary>
public static class SituationScope
{
    public static IQueryable<Situation> VisibleTo(this IQueryable<Situation> situations, ClaimsPrincipal user)
    {
        if (user.IsInRole(Roles.Coordination))
        {
            return situations;
        }

        if (user.IsInRole(Roles.Professionnel) && Guid.TryParse(user.FindFirstValue(VigieClaimTypes.OrganisationId), out var organisation))
        {
            return situations.Where(s => s.ReferentOrganisationId == organisation);
        }

        return situations.Where(_ => false);
    }
}
