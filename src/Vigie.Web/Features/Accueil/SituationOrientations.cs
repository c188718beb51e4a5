using Microsoft.EntityFrameworkCore;
using Vigie.Web.Data;

namespace Vigie.Web.Features.Accueil;

/// <summary>One orientation as the situation's page lists it (no free text: the reasons are on the orientations page).</summary>
public sealed record OrientationSummary(Guid FacilityId, string Facility, OrientationOutcome Outcome, DateOnly ProposedOn, DateOnly? StartOn,
    DateOnly? PlannedEndOn, DateOnly? ActualEndOn);

/// <summary>
/// The orientations section of a situation's page. Called by that page only, after it has checked
/// that the user sees the situation.
/// </summary>
public sealed class SituationOrientations(VigieDbContext db)
{
    public async Task<IReadOnlyList<OrientationSummary>> OfAsync(Guid situationId) =>
        await db.Orientations.AsNoTracking().Where(o => o.SituationId == situationId)
            .OrderByDescending(o => o.ProposedOn).ThenByDescending(o => o.CreatedAt)
            .Select(o => new OrientationSummary(o.FacilityId, o.Facility!.Name, o.Outcome, o.ProposedOn, o.StartOn, o.PlannedEndOn, o.ActualEndOn))
            .ToListAsync();
}
