using Microsoft.EntityFrameworkCore;
using Vigie.Web.Features.Situations;
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
