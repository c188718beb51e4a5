using Microsoft.EntityFrameworkCore;
using Vigie.Web.Data;
using Vigie.Web.Features.Situations.Timeline;
using Vigie.Web.Platform.Crypto;
using Vigie.Web.Platform.Web;

namespace Vigie.Web.Features.Accueil;

/// <summary>
/// The orientations on a situation's timeline: proposed (with the reason), arrival, refusal, end
/// (with its motive) or runaway. Days are placed at midnight, Paris time.
/// </summary>
public sealed class OrientationTimelineSource(VigieDbContext db, FieldCipher cipher) : ITimelineSource
{
    public const string Category = "Accueil";

    public async Task<IReadOnlyList<TimelineEntry>> ReadAsync(Guid situationId, CancellationToken cancellationToken)
    {
        var rows = await db.Orientations.AsNoTracking().Where(o => o.SituationId == situationId)
            .Select(o => new
            {
                o.ProposedOn, o.StartOn, o.ActualEndOn, o.Outcome, o.ReasonEncrypted, o.EndReasonEncrypted,
                o.CreatedById, o.UpdatedById, o.UpdatedAt, Facility = o.Facility!.Name,
            })
            .ToListAsync(cancellationToken);
        var entries = new List<TimelineEntry>();
        foreach (var o in rows)
        {
            entries.Add(new TimelineEntry(At(o.ProposedOn), Category, $"Orientation proposée vers {o.Facility}")
            {
                Detail = cipher.Decrypt(o.ReasonEncrypted, Orientation.ReasonPurpose),
                ActorId = o.CreatedById, ActorCaption = "Enregistrée par",
            });
            if (o.Outcome == OrientationOutcome.Refuse)
            {
                entries.Add(new TimelineEntry(o.UpdatedAt, Category, $"Orientation vers {o.Facility} refusée") { ActorId = o.UpdatedById, ActorCaption = "Enregistré par" });
            }

            if (o.StartOn is { } start && Orientation.TakesPlace(o.Outcome))
            {
                entries.Add(new TimelineEntry(At(start), Category, $"Arrivée à {o.Facility}"));
            }

            if (o.ActualEndOn is { } end)
            {
                entries.Add(new TimelineEntry(At(end), Category, o.Outcome == OrientationOutcome.Fugue ? $"Fugue de {o.Facility}" : $"Fin de prise en charge à {o.Facility}")
                {
                    Detail = o.EndReasonEncrypted is null ? null : cipher.Decrypt(o.EndReasonEncrypted, Orientation.EndReasonPurpose),
                });
            }
        }

        return entries;
    }

    private static DateTime At(DateOnly day) => ParisTime.ToUtc(day.ToDateTime(TimeOnly.MinValue));
}
