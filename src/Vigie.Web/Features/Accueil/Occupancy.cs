using Microsoft.EntityFrameworkCore;
using Vigie.Web.Data;

namespace Vigie.Web.Features.Accueil;

/// <summary>The first day a facility would hold more young people than its places, and how many.</summary>
public sealed record CapacityExcess(DateOnly Day, int Occupants, int Capacity);

/// <summary>One month of a facility's occupancy: average and peak number of young people present.</summary>
public sealed record MonthOccupancy(DateOnly Month, double Average, int Peak);

/// <summary>
/// Occupancy of the facilities, always counted by the database on the day numbers of
/// <see cref="Orientation"/>: a stay takes the days [<see cref="Orientation.OccupiedFrom"/>,
/// <see cref="Orientation.OccupiedUntil"/>). The number present only changes on the day someone
/// arrives, so the peak of a period is reached on its first day or on an arrival day inside it: the
/// database counts who is present on each of those days, never day by day over the whole range.
/// </summary>
public sealed class Occupancy(VigieDbContext db)
{
    /// <summary>The stays of a facility that take places, leaving one orientation aside (the one being edited).</summary>
    private IQueryable<Orientation> Stays(Guid facilityId, Guid? except) =>
        db.Orientations.AsNoTracking().Where(o => o.FacilityId == facilityId && o.OccupiedFrom != null && (except == null || o.Id != except));

    /// <summary>Young people present on a day in each facility (only facilities with someone present).</summary>
    public async Task<Dictionary<Guid, int>> PresentByFacilityAsync(DateOnly day, CancellationToken cancellationToken = default)
    {
        var d = day.DayNumber;
        return await db.Orientations.AsNoTracking()
            .Where(o => o.OccupiedFrom != null && o.OccupiedFrom <= d && o.OccupiedUntil > d)
            .GroupBy(o => o.FacilityId)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Key, x => x.Count, cancellationToken);
    }

    /// <summary>
    /// The first day of [<paramref name="from"/>, <paramref name="until"/>) (day numbers) on which one
    /// more stay would make the facility exceed <paramref name="capacity"/>, or null when it fits.
    /// </summary>
    public async Task<CapacityExcess?> FirstExcessAsync(Guid facilityId, int capacity, int from, int until, Guid? except,
        CancellationToken cancellationToken = default)
    {
        var overlapping = Stays(facilityId, except).Where(o => o.OccupiedFrom < until && o.OccupiedUntil > from);
        var atStart = await overlapping.CountAsync(o => o.OccupiedFrom <= from, cancellationToken);
        if (atStart + 1 > capacity)
        {
            return new CapacityExcess(DateOnly.FromDayNumber(from), atStart + 1, capacity);
        }

        // Arrivals inside the period: the number present on each arrival day, the earliest over capacity.
        var first = await overlapping.Where(o => o.OccupiedFrom > from)
            .Select(o => new
            {
                Day = o.OccupiedFrom!.Value,
                Present = overlapping.Count(p => p.OccupiedFrom <= o.OccupiedFrom && p.OccupiedUntil > o.OccupiedFrom),
            })
            .Where(x => x.Present + 1 > capacity)
            .OrderBy(x => x.Day)
            .FirstOrDefaultAsync(cancellationToken);
        return first is null ? null : new CapacityExcess(DateOnly.FromDayNumber(first.Day), first.Present + 1, capacity);
    }

    /// <summary>The most young people present on one day of [<paramref name="from"/>, <paramref name="until"/>).</summary>
    public async Task<int> PeakAsync(Guid facilityId, int from, int until, CancellationToken cancellationToken = default)
    {
        var overlapping = Stays(facilityId, null).Where(o => o.OccupiedFrom < until && o.OccupiedUntil > from);
        var atStart = await overlapping.CountAsync(o => o.OccupiedFrom <= from, cancellationToken);
        var later = await overlapping.Where(o => o.OccupiedFrom > from)
            .Select(o => overlapping.Count(p => p.OccupiedFrom <= o.OccupiedFrom && p.OccupiedUntil > o.OccupiedFrom))
            .MaxAsync(c => (int?)c, cancellationToken);
        return Math.Max(atStart, later ?? 0);
    }

    /// <summary>Days of presence summed over the stays, within [<paramref name="from"/>, <paramref name="until"/>).</summary>
    public async Task<long> PresenceDaysAsync(Guid facilityId, int from, int until, CancellationToken cancellationToken = default)
    {
        return await Stays(facilityId, null).Where(o => o.OccupiedFrom < until && o.OccupiedUntil > from)
            .SumAsync(o => (long)((o.OccupiedUntil!.Value < until ? o.OccupiedUntil.Value : until) - (o.OccupiedFrom!.Value > from ? o.OccupiedFrom.Value : from)),
                cancellationToken);
    }

    /// <summary>
    /// The last <paramref name="months"/> calendar months up to <paramref name="today"/> (the current
    /// month counted up to today included): average presence (days of presence / days) and peak.
    /// </summary>
    public async Task<IReadOnlyList<MonthOccupancy>> ByMonthAsync(Guid facilityId, DateOnly today, int months = 12,
        CancellationToken cancellationToken = default)
    {
        var rows = new List<MonthOccupancy>();
        var current = new DateOnly(today.Year, today.Month, 1);
        for (var i = months - 1; i >= 0; i--)
        {
            var month = current.AddMonths(-i);
            var from = month.DayNumber;
            var until = Math.Min(month.AddMonths(1).DayNumber, today.DayNumber + 1);
            var days = await PresenceDaysAsync(facilityId, from, until, cancellationToken);
            var peak = await PeakAsync(facilityId, from, until, cancellationToken);
            rows.Add(new MonthOccupancy(month, (double)days / (until - from), peak));
        }

        return rows;
    }
}
