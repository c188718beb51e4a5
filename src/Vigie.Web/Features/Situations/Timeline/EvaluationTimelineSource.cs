using Microsoft.EntityFrameworkCore;
using Vigie.Web.Data;
using Vigie.Web.Features.Situations.Trame;

namespace Vigie.Web.Features.Situations.Timeline;

/// <summary>Each validated evaluation: its number, who validated it and the level given.</summary>
public sealed class EvaluationTimelineSource(VigieDbContext db) : ITimelineSource
{
    public const string Category = "Évaluations";

    public async Task<IReadOnlyList<TimelineEntry>> ReadAsync(Guid situationId, CancellationToken cancellationToken)
    {
        var evaluations = await db.Evaluations.AsNoTracking()
            .Where(e => e.SituationId == situationId)
            .OrderBy(e => e.Number)
            .Select(e => new { e.Number, e.ValidatedAt, e.ValidatedById, e.Level })
            .ToListAsync(cancellationToken);
        return evaluations.Select(e => new TimelineEntry(e.ValidatedAt, Category, $"Évaluation n° {e.Number} validée")
            {
                Detail = e.Level switch
                {
                    QualificationLevel.EnRisque => "Qualification : en risque",
                    QualificationLevel.Averee => "Qualification : prostitution avérée",
                    _ => null,
                },
                ActorId = e.ValidatedById,
                ActorCaption = "Validée par",
            })
            .ToList();
    }
}
