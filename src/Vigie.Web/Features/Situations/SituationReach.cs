using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Vigie.Web.Data;
using Vigie.Web.Features.Compte;

namespace Vigie.Web.Features.Situations;

/// <summary>How a user reaches a situation they can see, for the pages to say so.</summary>
public enum ReachKind
{
    /// <summary>Coordination, or the referent organisation: nothing to explain.</summary>
    Ordinary,
    Assignment,
    Emergency,
}

public sealed record SituationReach(ReachKind Kind, DateTime? EmergencyUntil = null)
{
    public static readonly SituationReach Ordinary = new(ReachKind.Ordinary);

    /// <summary>An emergency access reads; it does not change the trame or the steps.</summary>
    public bool MayContribute => Kind != ReachKind.Emergency;

    /// <summary>Call only for a situation already found through <see cref="SituationScope.VisibleTo"/>.</summary>
    public static async Task<SituationReach> OfAsync(VigieDbContext db, ClaimsPrincipal user, Guid situationId, Guid referentOrganisationId, DateTime now)
    {
        if (user.IsInRole(Roles.Coordination) || SituationScope.IsOwnOrganisation(user, referentOrganisationId))
        {
            return Ordinary;
        }

        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier);
        if (await db.SituationAssignments.AnyAsync(a => a.SituationId == situationId && a.UserId == userId && a.EndedAt == null))
        {
            return new SituationReach(ReachKind.Assignment);
        }

        var until = await db.EmergencyAccesses
            .Where(e => e.SituationId == situationId && e.UserId == userId && e.ExpiresAt > now)
            .MaxAsync(e => (DateTime?)e.ExpiresAt);
        return until is null ? Ordinary : new SituationReach(ReachKind.Emergency, DateTime.SpecifyKind(until.Value, DateTimeKind.Utc));
    }
}
