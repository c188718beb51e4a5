using System.Globalization;
using Vigie.Web.Features.Situations;
using Vigie.Web.Features.Situations.Trame;

namespace Vigie.Web.Features.Observatoire;

/// <summary>
/// What the observatory counts: the minors (one situation each, <see cref="Situation.CountsForMinor"/>)
/// counted in a period of <see cref="Situation.CountedOn"/> (detection date, else opening day), both ends
/// included, optionally in one territory and at one level.
/// </summary>
public sealed record ObservatoryFilter(DateOnly From, DateOnly To, string? Territory, QualificationLevel? Level)
{
    public static ObservatoryFilter Year(int year, string? territory = null, QualificationLevel? level = null) =>
        new(new DateOnly(year, 1, 1), new DateOnly(year, 12, 31), territory, level);

    public bool IsWholeYear => From.Month == 1 && From.Day == 1 && To == new DateOnly(From.Year, 12, 31);

    public IQueryable<Situation> Apply(IQueryable<Situation> situations)
    {
        var query = situations.Where(s => s.CountsForMinor && s.CountedOn >= From && s.CountedOn <= To);
        if (Territory is not null)
        {
            query = query.Where(s => s.Territory == Territory);
        }

        if (Level is not null)
        {
            query = query.Where(s => s.Level == Level);
        }

        return query;
    }

    /// <summary>"du 01/01/2025 au 31/12/2025" or "année 2025", with the territory and level when given.</summary>
    public string Describe()
    {
        var period = IsWholeYear
            ? $"année {From.Year}"
            : $"du {From.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)} au {To.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)}";
        var parts = new List<string> { period };
        if (Territory is not null)
        {
            parts.Add($"territoire : {Territory}");
        }

        if (Level is not null)
        {
            parts.Add($"niveau : {SituationLabels.Level(Level).ToLowerInvariant()}");
        }

        return string.Join(", ", parts);
    }

    /// <summary>The audit record id: the filters, never a name.</summary>
    public string AuditId() => string.Create(CultureInfo.InvariantCulture,
        $"{From:O}/{To:O}{(Territory is null ? "" : "|" + Territory)}{(Level is null ? "" : "|" + Level)}");
}
