using System.Security.Claims;
using Vigie.Web.Features.Compte;

namespace Vigie.Web.Features.Situations;

/// <summary>
/// Who sees which situations (ACCESS.md), applied inside the database query. The one place the
/// commission and mobile-team modules will extend. Out of scope means "does not exist": 404.
/// <list type="bullet">
/// <item>Coordination: all situations.</item>
/// <item>Professionnel: those of their organisation, those they are assigned to (assignment not
/// ended), and those they opened by emergency access in the last 24 hours.</item>
/// <item>Every other role: none (for now).</item>
/// </list>
/// Closed situations follow the same rule.
/// </summary>
public static class SituationScope
{
    public static IQueryable<Situation> VisibleTo(this IQueryable<Situation> situations, ClaimsPrincipal user, DateTime now)
    {
        if (user.IsInRole(Roles.Coordination))
        {
            return situations;
        }

        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier);
        if (user.IsInRole(Roles.Professionnel) && userId is not null
            && Guid.TryParse(user.FindFirstValue(VigieClaimTypes.OrganisationId), out var organisation))
        {
            return situations.Where(s => s.ReferentOrganisationId == organisation
                || s.Assignments.Any(a => a.UserId == userId && a.EndedAt == null)
                || s.EmergencyAccesses.Any(e => e.UserId == userId && e.ExpiresAt > now));
        }

        return situations.Where(_ => false);
    }

    /// <summary>
    /// Who may manage a situation they see: close, reopen, correct the identity, share. Coordination
    /// and the Professionnels of the referent organisation; not a professional it is shared with
    /// (they contribute to the trame and the steps) nor an emergency access (read only).
    /// </summary>
    public static bool MayManage(ClaimsPrincipal user, Situation situation) =>
        user.IsInRole(Roles.Coordination) || (user.IsInRole(Roles.Professionnel) && IsOwnOrganisation(user, situation));

    /// <summary>How the user reaches a situation they can see, to explain it on the page.</summary>
    public static bool IsOwnOrganisation(ClaimsPrincipal user, Situation situation) =>
        IsOwnOrganisation(user, situation.ReferentOrganisationId);

    /// <summary>Whether the user belongs to the given referent organisation.</summary>
    public static bool IsOwnOrganisation(ClaimsPrincipal user, Guid referentOrganisationId) =>
        Guid.TryParse(user.FindFirstValue(VigieClaimTypes.OrganisationId), out var organisation)
        && referentOrganisationId == organisation;
}
