using Microsoft.EntityFrameworkCore;
using Vigie.Web.Data;
using Vigie.Web.Features.Situations.Timeline;
using Vigie.Web.Platform.Crypto;
using Vigie.Web.Platform.Web;

namespace Vigie.Web.Features.Situations.LegalSteps;

/// <summary>
/// The legal steps on the timeline: the step itself; then, when it was followed up, the date it was
/// marked done (and whether the deadline was kept); otherwise its due date, to come or overdue.
/// </summary>
public sealed class LegalStepTimelineSource(VigieDbContext db, FieldCipher cipher, TimeProvider clock) : ITimelineSource
{
    public const string Category = "Étapes légales";

    public async Task<IReadOnlyList<TimelineEntry>> ReadAsync(Guid situationId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var steps = await db.LegalSteps.AsNoTracking()
            .Where(s => s.SituationId == situationId)
            .ToListAsync(cancellationToken);
        var entries = new List<TimelineEntry>();
        foreach (var step in steps)
        {
            entries.Add(new TimelineEntry(step.OccurredAt, Category, LegalStepLabels.Kind(step.Kind))
            {
                Detail = Describe(step),
                ActorId = step.RecordedById,
                ActorCaption = "Enregistrée par",
            });
            var due = LegalStepLabels.Due(step.Kind);
            if (step.CompletedAt is { } done && step.DueAt is { } dueAt)
            {
                entries.Add(new TimelineEntry(done, Category, $"Fait : {due}")
                {
                    Detail = $"{(done <= dueAt ? "Échéance respectée" : "Échéance dépassée")} (le {ParisTime.Format(dueAt)})",
                    ActorId = step.CompletedById,
                });
            }
            else if (step.DueAt is { } open)
            {
                var state = LegalStepStates.Of(open, null, now);
                entries.Add(new TimelineEntry(open, Category, $"Échéance : {due}")
                {
                    Detail = $"Après : {LegalStepLabels.Kind(step.Kind)}",
                    ActorId = step.ResponsibleUserId,
                    ActorCaption = "Responsable",
                    Alert = state == LegalStepState.Overdue ? "En retard" : "À venir",
                    Urgent = state == LegalStepState.Overdue,
                });
            }
        }

        return entries;
    }

    private string? Describe(LegalStep step)
    {
        var parts = new List<string>();
        if (step.Kind == LegalStepKind.RevoyureCommission && step.DueAt is { } revoyure)
        {
            parts.Add($"Revoyure le {ParisTime.Format(revoyure)}");
        }

        if (step.Recipient is not null)
        {
            parts.Add($"Destinataire : {step.Recipient}");
        }

        if (step.ExternalReferenceEncrypted is not null)
        {
            parts.Add($"Référence : {cipher.Decrypt(step.ExternalReferenceEncrypted, LegalStep.ReferencePurpose)}");
        }

        return parts.Count == 0 ? null : string.Join(" · ", parts);
    }
}
