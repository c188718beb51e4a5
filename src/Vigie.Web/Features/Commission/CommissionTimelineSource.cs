using Microsoft.EntityFrameworkCore;
using Vigie.Web.Data;
using Vigie.Web.Features.Situations.Timeline;
using Vigie.Web.Platform.Crypto;

namespace Vigie.Web.Features.Commission;

/// <summary>
/// The commission on a situation's timeline: review requested, accepted, declined or withdrawn;
/// presented at a session; each decision (its label as title, its detail below); the
/// co-accompaniment proposed, accepted, refused, ended. Titles carry no case text.
/// </summary>
public sealed class CommissionTimelineSource(VigieDbContext db, FieldCipher cipher) : ITimelineSource
{
    public const string Category = "Commission";

    public async Task<IReadOnlyList<TimelineEntry>> ReadAsync(Guid situationId, CancellationToken cancellationToken)
    {
        var entries = new List<TimelineEntry>();
        var requests = await db.ReviewRequests.AsNoTracking().Where(r => r.SituationId == situationId).ToListAsync(cancellationToken);
        foreach (var r in requests)
        {
            entries.Add(new TimelineEntry(r.RequestedAt, Category, r.Urgent ? "Passage en commission demandé (urgent)" : "Passage en commission demandé")
            {
                ActorId = r.RequestedById, ActorCaption = "Demandé par",
            });
            if (r.DecidedAt is { } decided)
            {
                var title = r.Status switch
                {
                    ReviewRequestStatus.Acceptee => "Demande de passage en commission acceptée",
                    ReviewRequestStatus.Refusee => "Demande de passage en commission refusée",
                    ReviewRequestStatus.Retiree => "Demande de passage en commission retirée",
                    _ => null,
                };
                if (title is not null)
                {
                    entries.Add(new TimelineEntry(decided, Category, title)
                    {
                        ActorId = r.DecidedById,
                        Detail = r.DeclineReasonEncrypted is null ? null : cipher.Decrypt(r.DeclineReasonEncrypted, ReviewRequest.DeclinePurpose),
                    });
                }
            }
        }

        var items = await db.AgendaItems.AsNoTracking().Where(i => i.SituationId == situationId)
            .Select(i => new { i.Session!.Number, i.Session.StartsAt, i.Session.Status, i.Decisions })
            .ToListAsync(cancellationToken);
        foreach (var i in items)
        {
            var session = CommissionAgenda.Title(i.Number, i.StartsAt);
            entries.Add(new TimelineEntry(i.StartsAt, Category, i.Status == SessionStatus.Annulee
                ? $"Inscrite à la séance n° {i.Number} (séance annulée)"
                : $"Présentée à la séance n° {i.Number} du {Platform.Web.ParisTime.FormatDate(i.StartsAt)}"));
            foreach (var d in i.Decisions)
            {
                entries.Add(new TimelineEntry(d.CreatedAt, Category, $"Décision de la commission : {CommissionLabels.Decision(d.Kind)}")
                {
                    Detail = d.DetailEncrypted is null ? session : $"{session} — {cipher.Decrypt(d.DetailEncrypted, CommissionDecision.DetailPurpose)}",
                    ActorId = d.CreatedById,
                    ActorCaption = "Enregistrée par",
                });
            }
        }

        var accompaniments = await db.Accompaniments.AsNoTracking().Where(a => a.SituationId == situationId).ToListAsync(cancellationToken);
        foreach (var a in accompaniments)
        {
            entries.Add(new TimelineEntry(a.ProposedAt, Category, "Co-accompagnement par l'équipe mobile proposé") { ActorId = a.ProposedById });
            if (a.ConsentRecordedAt is { } consent && a.Status is AccompanimentStatus.Acceptee or AccompanimentStatus.Refusee or AccompanimentStatus.Terminee)
            {
                var refused = a.Status == AccompanimentStatus.Refusee;
                entries.Add(new TimelineEntry(consent, Category, refused ? "Co-accompagnement refusé par le jeune" : "Co-accompagnement accepté par le jeune")
                {
                    ActorId = a.ConsentRecordedById, ActorCaption = "Enregistré par",
                });
            }

            if (a.EndedAt is { } ended)
            {
                entries.Add(new TimelineEntry(ended, Category, "Co-accompagnement terminé")
                {
                    Detail = a.EndReason is { } reason ? CommissionLabels.EndReason(reason) : null,
                    ActorId = a.EndedById,
                });
            }
        }

        return entries;
    }
}
