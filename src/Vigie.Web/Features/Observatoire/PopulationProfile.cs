using Microsoft.EntityFrameworkCore;
using Vigie.Web.Data;
using Vigie.Web.Features.Situations;
using Vigie.Web.Features.Situations.LegalSteps;
using Vigie.Web.Features.Situations.Trame;

namespace Vigie.Web.Features.Observatoire;

/// <summary>How many situations share a year of counting, a level, a year of birth and an age at detection in months (null: unknown).</summary>
public sealed record ProfileRow(int Year, QualificationLevel? Level, int BirthYear, int? AgeInMonths, int Count);

/// <summary>
/// The open-ended distributions of the population (indicators 1, 3 and 4) in ONE grouped query: a few
/// thousand groups at most (five years × three levels × the birth years × the ages in months), from
/// which each indicator sums its own margin. Three GROUP BY scans of the population cost about twice as much.
/// </summary>
public static class PopulationProfile
{
    public static async Task<IReadOnlyList<ProfileRow>> ReadAsync(IQueryable<Situation> population, CancellationToken cancellationToken = default)
    {
        // Age in whole months from the birth month to the detection month (the birth day is encrypted).
        var rows = await population
            .Select(s => new
            {
                s.CountedOn.Year,
                s.Level,
                s.BirthYear,
                Months = s.DetectedOn != null && s.BirthMonth != null
                    ? s.DetectedOn.Value.Year * 12 + s.DetectedOn.Value.Month - (s.BirthYear * 12 + s.BirthMonth.Value)
                    : (int?)null,
            })
            .GroupBy(s => new { s.Year, s.Level, s.BirthYear, s.Months })
            .Select(g => new { g.Key.Year, g.Key.Level, g.Key.BirthYear, g.Key.Months, Count = g.Count() })
            .ToListAsync(cancellationToken);
        return rows.Select(r => new ProfileRow(r.Year, r.Level, r.BirthYear, r.Months, r.Count)).ToList();
    }
}

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
