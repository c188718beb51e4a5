using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Vigie.Web.Data;
using Vigie.Web.Platform.Statistics;

namespace Vigie.Web.Features.Formation;

/// <summary>
/// The people trained, as the database counts them: distinct people by employer category and year of
/// the sessions in a period, and the cumulative distinct count from the first session to the end of
/// the period. A person counts once per year, and once in the cumulative count, however many sessions,
/// in the employer category of their last session of that year (of the whole span, for the cumulative
/// count): the categories of a year add up to that year's distinct people.
/// </summary>
public sealed record TrainingFigureSet(
    DateOnly From,
    DateOnly To,
    IReadOnlyList<int> Years,
    int[,] ByCategoryAndYear,
    int[] Cumulative,
    DateOnly? FirstSession,
    int Sessions,
    int Participations)
{
    public static readonly IReadOnlyList<EmployerCategory> Categories = Enum.GetValues<EmployerCategory>();

    public int CumulativeTotal => Cumulative.Sum();

    public CountTable ByYearTable() => new("Personnes différentes formées, par catégorie d'employeur et année", "Catégorie d'employeur",
        Categories.Select(FormationLabels.Category).ToList(), Years.Select(y => y.ToString(CultureInfo.InvariantCulture)).ToList(),
        ByCategoryAndYear, hasRowTotals: false, hasColumnTotals: true);

    public CountTable CumulativeTable() => CountTable.Distribution(
        FirstSession is { } first
            ? $"Personnes différentes formées depuis {Since(first)}, jusqu'au {To.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)}"
            : "Personnes différentes formées depuis la première session",
        "Catégorie d'employeur", "Personnes", Categories.Select((c, i) => (FormationLabels.Category(c), Cumulative[i])).ToList());

    /// <summary>"décembre 2020".</summary>
    public static string Since(DateOnly first) => first.ToString("MMMM yyyy", CultureInfo.GetCultureInfo("fr-FR"));

    public static async Task<TrainingFigureSet> ComputeAsync(VigieDbContext db, DateOnly from, DateOnly to, CancellationToken cancellationToken = default)
    {
        var attended = from p in db.TrainingParticipations.AsNoTracking()
                       join s in db.TrainingSessions.AsNoTracking() on p.SessionId equals s.Id
                       select new Attendance { PersonId = p.PersonId, Date = s.Date, RecordedAt = p.RecordedAt, Category = p.Category };

        // Each person once per year, in the category of their last session of that year: the participations
        // with no later one of the same person in the same year (NOT EXISTS, which both databases plan on the person's index).
        var lastOfYear = attended.Where(a => a.Date >= from && a.Date <= to
            && !attended.Any(b => b.PersonId == a.PersonId && b.Date.Year == a.Date.Year
                && (b.Date > a.Date || (b.Date == a.Date && b.RecordedAt > a.RecordedAt))));
        var byYear = await lastOfYear
            .GroupBy(a => new { a.Date.Year, a.Category })
            .Select(g => new { g.Key.Year, g.Key.Category, Count = g.Select(a => a.PersonId).Distinct().Count() })
            .ToListAsync(cancellationToken);
        // Each person once since the first session, in the category of their last session up to the end of the period.
        var lastOfAll = attended.Where(a => a.Date <= to
            && !attended.Any(b => b.PersonId == a.PersonId && b.Date <= to
                && (b.Date > a.Date || (b.Date == a.Date && b.RecordedAt > a.RecordedAt))));
        var cumulative = await lastOfAll
            .GroupBy(a => a.Category)
            .Select(g => new { Category = g.Key, Count = g.Select(a => a.PersonId).Distinct().Count() })
            .ToListAsync(cancellationToken);
        var first = await db.TrainingSessions.AsNoTracking().Where(s => s.Date <= to)
            .Select(s => (DateOnly?)s.Date).MinAsync(cancellationToken);
        var sessions = await db.TrainingSessions.AsNoTracking().CountAsync(s => s.Date >= from && s.Date <= to, cancellationToken);
        var participations = await attended.CountAsync(a => a.Date >= from && a.Date <= to, cancellationToken);

        var years = Enumerable.Range(from.Year, to.Year - from.Year + 1).ToList();
        var categories = Categories.ToList();
        var cells = new int[categories.Count, years.Count];
        foreach (var row in byYear)
        {
            cells[categories.IndexOf(row.Category), row.Year - from.Year] += row.Count;
        }

        var totals = new int[categories.Count];
        foreach (var row in cumulative)
        {
            totals[categories.IndexOf(row.Category)] += row.Count;
        }

        return new TrainingFigureSet(from, to, years, cells, totals, first, sessions, participations);
    }
}

/// <summary>One participation with its session's day, as the figures' queries read it.</summary>
public sealed class Attendance
{
    public Guid PersonId { get; init; }

    public DateOnly Date { get; init; }

    public DateTime RecordedAt { get; init; }

    public EmployerCategory Category { get; init; }
}
