using Microsoft.EntityFrameworkCore;
using Vigie.Web.Data;
using Vigie.Web.Features.Situations.Timeline;

namespace Vigie.Web.Features.Signalements;

/// <summary>
/// Signalements on the timeline, from the situation's events of this module: drafted, validated by
/// an author, sent, effectué, échec, à vérifier, settled, the parquet's reference recorded. Titles
/// name the reference, never the content.
/// </summary>
public sealed class SignalementTimelineSource(VigieDbContext db) : ITimelineSource
{
    public const string Category = "Signalements";

    public async Task<IReadOnlyList<TimelineEntry>> ReadAsync(Guid situationId, CancellationToken cancellationToken)
    {
        var events = await db.SituationEvents.AsNoTracking()
            .Where(e => e.SituationId == situationId && SignalementEvents.All.Contains(e.Kind))
            .OrderBy(e => e.At).ThenBy(e => e.Id)
            .ToListAsync(cancellationToken);
        var references = await db.Signalements.AsNoTracking().Where(s => s.SituationId == situationId)
            .ToDictionaryAsync(s => s.Id.ToString(), s => (s.Reference, s.Kind), cancellationToken);
        return events.Select(e =>
            {
                var (reference, kind) = e.Detail is not null && references.TryGetValue(e.Detail, out var r) ? r : ("?", SignalementKind.Signalement);
                var what = $"{SignalementLabels.ShortKind(kind)} {reference}";
                var (title, caption, alert) = e.Kind switch
                {
                    SignalementEvents.Drafted => ($"{what} : brouillon rédigé", "Par", (string?)null),
                    SignalementEvents.Validated => ($"{what} : texte validé", "Validé par", null),
                    SignalementEvents.Sent => ($"{what} : envoi confirmé", "Par", null),
                    SignalementEvents.Accepted => ($"{what} : effectué (accepté par le serveur du destinataire)", "Envoyé par", null),
                    SignalementEvents.Failed => ($"{what} : échec de l'envoi", "Envoyé par", "Échec"),
                    SignalementEvents.Uncertain => ($"{what} : envoi à vérifier", "Envoyé par", "À vérifier"),
                    SignalementEvents.Resolved => ($"{what} : envoi incertain réglé", "Par", null),
                    SignalementEvents.ParquetReference => ($"{what} : référence du parquet enregistrée", "Par", null),
                    _ => ($"{what}", "Par", null),
                };
                return new TimelineEntry(e.At, Category, title) { ActorId = e.ActorId, ActorCaption = caption, Alert = alert, Urgent = alert is not null };
            })
            .ToList();
    }
}
