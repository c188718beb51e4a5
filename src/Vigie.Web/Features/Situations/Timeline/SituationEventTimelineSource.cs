using Microsoft.EntityFrameworkCore;
using Vigie.Web.Data;

namespace Vigie.Web.Features.Situations.Timeline;

/// <summary>What happened to the file itself: the <see cref="SituationEvent"/> rows.</summary>
public sealed class SituationEventTimelineSource(VigieDbContext db) : ITimelineSource
{
    public const string Category = "Dossier";

    /// <summary>
    /// Kinds another source tells better from its own rows (the step with its due date, the
    /// evaluation with its number): left out here so that nothing shows twice.
    /// </summary>
    private static readonly string[] ToldElsewhere =
        [SituationEventKind.EvaluationValidated, SituationEventKind.LegalStepRecorded, SituationEventKind.LegalStepCompleted];

    public async Task<IReadOnlyList<TimelineEntry>> ReadAsync(Guid situationId, CancellationToken cancellationToken)
    {
        var events = await db.SituationEvents.AsNoTracking()
            .Where(e => e.SituationId == situationId && !ToldElsewhere.Contains(e.Kind))
            .OrderBy(e => e.At).ThenBy(e => e.Id)
            .ToListAsync(cancellationToken);
        return events.Select(e => new TimelineEntry(e.At, Category, SituationEventLabels.Title(e.Kind) ?? $"Événement « {e.Kind} »")
            {
                Detail = SituationEventLabels.Detail(e.Kind, e.Detail),
                ActorId = e.ActorId,
            })
            .ToList();
    }
}
