using Microsoft.Extensions.DependencyInjection;
using Vigie.Tests.Infrastructure;
using Vigie.Tests.Situations;
using Vigie.Web.Features.Accueil;

namespace Vigie.Tests.Accueil;

/// <summary>
/// The capacity check and the occupancy figures against cases worked out by hand. A stay takes the
/// days from its arrival up to, not including, its end (the place is free again on the day of leaving).
/// </summary>
public sealed class OccupancyTests(VigieFactory factory) : IClassFixture<VigieFactory>
{
    private static DateOnly Mar(int day) => new(2024, 3, day);

    private static DateOnly Feb(int day) => new(2024, 2, day);

    private Task<T> WithOccupancyAsync<T>(Func<Occupancy, Task<T>> action) =>
        factory.WithScopeAsync(sp => action(sp.GetRequiredService<Occupancy>()));

    private async Task<Guid> SituationAsync(string name) =>
        await SituationFixtures.OpenAsync(factory, await factory.CreateOrganisationAsync(), name, "Test", new DateOnly(2009, 1, 1));

    /// <summary>
    /// Two places. A stays 1–9 March, B 5–14 March, C from 12 March with no end. Present: 1 on 1–4,
    /// 2 on 5–9, 1 on 10–11, 2 on 12–14, 1 from 15. A pending proposal, a refusal and another
    /// facility's stays take no place here.
    /// </summary>
    [Fact]
    public async Task The_capacity_check_finds_the_first_overbooked_day_across_overlapping_stays()
    {
        var facility = await AccueilFixtures.FacilityAsync(factory, "Foyer deux places", 2);
        var other = await AccueilFixtures.FacilityAsync(factory, "Autre foyer", 2);
        var situation = await SituationAsync("Capacite");
        await AccueilFixtures.OrientationAsync(factory, situation, facility, Mar(1), Mar(10));
        var b = await AccueilFixtures.OrientationAsync(factory, situation, facility, Mar(5), Mar(15));
        await AccueilFixtures.OrientationAsync(factory, situation, facility, Mar(12), null);
        await AccueilFixtures.OrientationAsync(factory, situation, facility, Mar(1), null, OrientationOutcome.EnAttente);
        await AccueilFixtures.OrientationAsync(factory, situation, facility, Mar(1), null, OrientationOutcome.Refuse);
        await AccueilFixtures.OrientationAsync(factory, situation, other, Mar(1), null);
        await AccueilFixtures.OrientationAsync(factory, situation, other, Mar(1), null);

        Task<CapacityExcess?> Check(DateOnly from, DateOnly? until, Guid? except = null) =>
            WithOccupancyAsync(o => o.FirstExcessAsync(facility, 2, from.DayNumber, until?.DayNumber ?? Orientation.OpenEnd, except));

        Assert.Null(await Check(Mar(1), Mar(5)));                       // 1 present on 1–4: room for one more, B arrives as it leaves
        Assert.Equal(new CapacityExcess(Mar(5), 3, 2), await Check(Mar(3), Mar(6)));   // B arrives on the 5th: 3 for 2 places
        Assert.Equal(new CapacityExcess(Mar(6), 3, 2), await Check(Mar(6), Mar(8)));   // starts inside the busy days
        Assert.Null(await Check(Mar(10), Mar(12)));                     // exactly the gap between A's end and C's arrival
        Assert.Equal(new CapacityExcess(Mar(12), 3, 2), await Check(Mar(10), Mar(13))); // one day too long
        Assert.Equal(new CapacityExcess(Mar(5), 3, 2), await Check(Feb(1), null));     // open-ended: the earliest busy day
        Assert.Null(await Check(Mar(20), Mar(25)));                     // only C after the 15th
        Assert.Null(await Check(Mar(5), Mar(15), except: b));           // B checked against the others when it is edited

        // A facility of one place already taken by C from the 12th: any stay touching it is over.
        Assert.Equal(new CapacityExcess(Mar(12), 2, 1),
            await WithOccupancyAsync(o => o.FirstExcessAsync(facility, 1, Mar(10).DayNumber, Mar(13).DayNumber, b)));
    }

    /// <summary>
    /// February 2024 (29 days). X 1–10 Feb (10 days), Y 5 Feb–4 Mar (25 days in February, 4 in March),
    /// Z 20 Jan–2 Feb (2 days in February), W 8 Feb only (1 day). Days of presence in February: 38,
    /// average 38 / 29; the peak is 3 on 8 February (X, Y, W). March: 4 days / 31, peak 1.
    /// </summary>
    [Fact]
    public async Task Monthly_average_and_peak_are_computed_by_the_database()
    {
        var facility = await AccueilFixtures.FacilityAsync(factory, "Foyer mensuel", 3);
        var situation = await SituationAsync("Mensuel");
        await AccueilFixtures.OrientationAsync(factory, situation, facility, Feb(1), Feb(11));
        await AccueilFixtures.OrientationAsync(factory, situation, facility, Feb(5), Mar(5), OrientationOutcome.Fugue);
        await AccueilFixtures.OrientationAsync(factory, situation, facility, new DateOnly(2024, 1, 20), Feb(3));
        await AccueilFixtures.OrientationAsync(factory, situation, facility, Feb(8), Feb(9));

        Assert.Equal(38, await WithOccupancyAsync(o => o.PresenceDaysAsync(facility, Feb(1).DayNumber, Mar(1).DayNumber)));
        Assert.Equal(3, await WithOccupancyAsync(o => o.PeakAsync(facility, Feb(1).DayNumber, Mar(1).DayNumber)));
        Assert.Equal(2, await WithOccupancyAsync(o => o.PeakAsync(facility, Feb(9).DayNumber, Mar(1).DayNumber)));

        var months = await WithOccupancyAsync(o => o.ByMonthAsync(facility, Mar(31), months: 3));
        Assert.Equal("2024-01-01 2024-02-01 2024-03-01", string.Join(" ", months.Select(m => AccueilFixtures.Iso(m.Month))));
        Assert.Equal(12.0 / 31, months[0].Average, 6); // Z: 20–31 January
        Assert.Equal(38.0 / 29, months[1].Average, 6);
        Assert.Equal(3, months[1].Peak);
        Assert.Equal(4.0 / 31, months[2].Average, 6);
        Assert.Equal(1, months[2].Peak);

        // The current month is counted up to today: on 2 March, Y alone on 2 days out of 2.
        var partial = await WithOccupancyAsync(o => o.ByMonthAsync(facility, Mar(2), months: 1));
        Assert.Equal(1.0, Assert.Single(partial).Average, 6);

        var present = await WithOccupancyAsync(o => o.PresentByFacilityAsync(Feb(8)));
        Assert.Equal(3, present[facility]);
        present = await WithOccupancyAsync(o => o.PresentByFacilityAsync(Feb(11)));
        Assert.Equal(1, present[facility]); // X left on the 11th
    }

    [Fact]
    public void Orientation_rules_refuse_incoherent_dates_and_outcomes()
    {
        var today = Mar(20);
        static OrientationDates D(DateOnly proposed, DateOnly? start = null, DateOnly? planned = null, DateOnly? end = null) => new(proposed, start, planned, end);
        IEnumerable<string> Fields(OrientationDates dates, OrientationOutcome outcome, bool endReason = false) =>
            OrientationRules.Check(dates, outcome, endReason, today).Select(e => e.Field);

        Assert.Empty(Fields(D(Mar(1)), OrientationOutcome.EnAttente));
        Assert.Empty(Fields(D(Mar(1), Mar(2), Mar(30)), OrientationOutcome.Admis));
        Assert.Empty(Fields(D(Mar(1), Mar(2), null, Mar(10)), OrientationOutcome.FinDePriseEnCharge, endReason: true));
        Assert.Contains("ProposedOn", Fields(D(Mar(21)), OrientationOutcome.EnAttente));
        Assert.Contains("StartOn", Fields(D(Mar(5), Mar(4)), OrientationOutcome.Admis));
        Assert.Contains("StartOn", Fields(D(Mar(5)), OrientationOutcome.Admis));
        Assert.Contains("PlannedEndOn", Fields(D(Mar(1), Mar(5), Mar(5)), OrientationOutcome.Admis));
        Assert.Contains("ActualEndOn", Fields(D(Mar(1), Mar(5), null, Mar(4)), OrientationOutcome.Fugue));
        Assert.Contains("ActualEndOn", Fields(D(Mar(1), Mar(5), null, Mar(21)), OrientationOutcome.Fugue));
        Assert.Contains("ActualEndOn", Fields(D(Mar(1), Mar(5)), OrientationOutcome.Fugue));
        Assert.Contains("EndReason", Fields(D(Mar(1), Mar(5), null, Mar(10)), OrientationOutcome.FinDePriseEnCharge));
        Assert.Contains("Outcome", Fields(D(Mar(1), Mar(5), null, Mar(10)), OrientationOutcome.Admis));
        Assert.Contains("StartOn", Fields(D(Mar(1), Mar(5)), OrientationOutcome.Refuse));
    }
}
