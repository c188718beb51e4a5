using Microsoft.EntityFrameworkCore;
using Vigie.Web.Data;
using Vigie.Web.Features.Situations;
using Vigie.Web.Features.Situations.LegalSteps;

namespace Vigie.Web.Features.Observatoire;

/// <summary>One delay, in days, and how many situations waited that long.</summary>
public sealed record DelayCount(int Days, int Count);

/// <summary>Indicator 5's data: situations with each legal step, and the delays detection → first signalement.</summary>
public sealed record LegalStepFigures(IReadOnlyDictionary<LegalStepKind, int> SituationsWithStep, IReadOnlyList<DelayCount> DelaysInDays)
{
    public static async Task<LegalStepFigures> ReadAsync(VigieDbContext db, IQueryable<Situation> population, IReadOnlyList<LegalStepKind> kinds,
        CancellationToken cancellationToken = default)
    {
        var withStep = await db.LegalSteps.AsNoTracking()
            .Where(l => kinds.Contains(l.Kind) && population.Any(s => s.Id == l.SituationId))
            .GroupBy(l => l.Kind)
            .Select(g => new { Kind = g.Key, Count = g.Select(l => l.SituationId).Distinct().Count() })
            .ToDictionaryAsync(r => r.Kind, r => r.Count, cancellationToken);

        // Delay in days from detection to the first signalement: both dates as day numbers (integer
        // arithmetic both databases run, see DayNumber), grouped by delay.
        var firsts = db.LegalSteps.Where(l => l.Kind == LegalStepKind.Signalement)
            .GroupBy(l => l.SituationId).Select(g => new { SituationId = g.Key, At = g.Min(l => l.OccurredAt) });
        var pairs = from first in firsts
                    join s in population on first.SituationId equals s.Id
                    where s.DetectedOn != null
                    select new DatePair
                    {
                        FromYear = s.DetectedOn!.Value.Year, FromMonth = s.DetectedOn.Value.Month, FromDay = s.DetectedOn.Value.Day,
                        ToYear = first.At.Year, ToMonth = first.At.Month, ToDay = first.At.Day,
                    };
        var delays = await pairs.Select(DayNumber.DaysBetween)
            .GroupBy(days => days).Select(g => new { Days = g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);
        return new LegalStepFigures(withStep, delays.Select(d => new DelayCount(d.Days, d.Count)).ToList());
    }
}
