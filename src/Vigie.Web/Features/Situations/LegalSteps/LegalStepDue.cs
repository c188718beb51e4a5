using Microsoft.EntityFrameworkCore;
using Vigie.Web.Data;

namespace Vigie.Web.Features.Situations.LegalSteps;

/// <summary>Keeps <see cref="Situation.NextDueAt"/> equal to the earliest due date of the open steps.</summary>
public static class LegalStepDue
{
    /// <summary>
    /// Call after saving a change to a situation's steps: one UPDATE, computed by the database. The
    /// subquery filters on the situation only and leaves "open" to the aggregate, so that SQLite
    /// reads the situation's few steps through their index instead of every open step (its
    /// statistics make the (CompletedAt, DueAt) index look selective when it is not).
    /// </summary>
    public static Task<int> RefreshAsync(VigieDbContext db, Guid situationId, CancellationToken cancellationToken = default) =>
        db.Situations.Where(s => s.Id == situationId)
            .ExecuteUpdateAsync(
                set => set.SetProperty(
                    s => s.NextDueAt,
                    s => db.LegalSteps.Where(l => l.SituationId == s.Id).Min(l => l.CompletedAt == null ? l.DueAt : null)),
                cancellationToken);

    /// <summary>The same rule in memory, for steps written in bulk.</summary>
    public static DateTime? Earliest(IEnumerable<LegalStep> steps) =>
        steps.Where(l => l.CompletedAt == null && l.DueAt != null).Min(l => l.DueAt);
}
