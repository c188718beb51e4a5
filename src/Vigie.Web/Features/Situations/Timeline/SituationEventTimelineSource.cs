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
    /// The signalements module's events ("signalement-…") are told by its own source.
    /// </summary>
    private static readonly string[] ToldElsewhere =
        [SituationEventKind.EvaluationValidated, SituationEventKind.LegalStepRecorded, SituationEventKind.LegalStepCompleted];

    public async Task<IReadOnlyList<TimelineEntry>> ReadAsync(Guid situationId, CancellationToken cancellationToken)
    {
        var events = await db.SituationEvents.AsNoTracking()
            .Where(e => e.SituationId == situationId && !ToldElsewhere.Contains(e.Kind) && !e.Kind.StartsWith("signalement-"))
            .OrderBy(e => e.At).ThenBy(e => e.Id)
            .ToListAsync(cancellationToken);
        // A share names the organisation of the professional it concerns (its id is the event's detail).
        var organisationIds = events.Where(e => e.Kind is SituationEventKind.Assigned or SituationEventKind.AssignmentEnded)
            .Select(e => Guid.TryParse(e.Detail, out var id) ? id : Guid.Empty).Where(id => id != Guid.Empty).Distinct().ToList();
        var organisations = organisationIds.Count == 0
            ? []
            : await db.Organisations.AsNoTracking().Where(o => organisationIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id.ToString(), o => o.Name, cancellationToken);
        return events.Select(e => new TimelineEntry(e.At, Category, SituationEventLabels.Title(e.Kind) ?? $"Événement « {e.Kind} »")
            {
                Detail = e.Detail is not null && organisations.TryGetValue(e.Detail, out var organisation)
                    ? $"Organisation : {organisation}"
                    : SituationEventLabels.Detail(e.Kind, e.Detail),
                ActorId = e.ActorId,
            })
            .ToList();
    }
}
