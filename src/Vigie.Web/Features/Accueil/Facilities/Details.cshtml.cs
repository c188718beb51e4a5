using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Vigie.Web.Data;
using Vigie.Web.Features.Situations;
using Vigie.Web.Platform.Audit;
using Vigie.Web.Platform.Crypto;
using Vigie.Web.Platform.Statistics;
using Vigie.Web.Platform.Web;

namespace Vigie.Web.Features.Accueil.Facilities;

/// <summary>
/// One facility: its details and managers, who is there today against its places, its occupancy over
/// the last twelve months (chart and table), and its current orientations. A young person is named
/// only to a user who sees their situation; the others are counted, not named.
/// </summary>
public sealed class DetailsModel(VigieDbContext db, Occupancy occupancy, FieldCipher cipher, IAuditLog audit, TimeProvider clock) : PageModel
{
    [TempData]
    public string? Status { get; set; }

    public Facility Facility { get; private set; } = null!;

    public DateOnly Today { get; private set; }

    public int Present { get; private set; }

    public IReadOnlyList<MonthOccupancy> Months { get; private set; } = [];

    public CountTable Chart { get; private set; } = null!;

    public IReadOnlyList<CurrentRow> Current { get; private set; } = [];

    /// <summary>Current orientations of situations the user does not see.</summary>
    public int OutOfScope { get; private set; }

    public bool MayManage => User.IsInRole(Compte.Roles.Coordination);

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        var facility = await db.Facilities.AsNoTracking().Include(f => f.Managers).FirstOrDefaultAsync(f => f.Id == id);
        if (facility is null)
        {
            return NotFound();
        }

        Facility = facility;
        var now = clock.GetUtcNow().UtcDateTime;
        Today = DateOnly.FromDateTime(ParisTime.ToLocal(now));
        var d = Today.DayNumber;
        Present = (await occupancy.PresentByFacilityAsync(Today)).GetValueOrDefault(id);
        Months = await occupancy.ByMonthAsync(id, Today);
        Chart = ChartTable(facility, Months);

        var current = db.Orientations.AsNoTracking()
            .Where(o => o.FacilityId == id && ((o.OccupiedFrom <= d && o.OccupiedUntil > d) || o.Outcome == OrientationOutcome.EnAttente));
        var rows = await (from o in current
                          join s in db.Situations.AsNoTracking().VisibleTo(User, now) on o.SituationId equals s.Id
                          orderby o.Outcome, o.StartOn, o.ProposedOn
                          select new { o.Id, o.SituationId, o.Outcome, o.ProposedOn, o.StartOn, o.PlannedEndOn, s.FirstNameEncrypted, s.LastNameEncrypted })
            .ToListAsync();
        Current = rows.Select(r => new CurrentRow(r.Id, r.SituationId, Situation.DisplayName(cipher, r.FirstNameEncrypted, r.LastNameEncrypted),
            r.Outcome, r.ProposedOn, r.StartOn, r.PlannedEndOn, r.Outcome == OrientationOutcome.Admis && r.PlannedEndOn < Today)).ToList();
        OutOfScope = await current.CountAsync() - Current.Count;
        await audit.RecordAsync(AuditAction.Read, AuditRecordType.Facility, id.ToString());
        return Page();
    }

    /// <summary>The chart's data: the peak of each month and, when counted, the places.</summary>
    private static CountTable ChartTable(Facility facility, IReadOnlyList<MonthOccupancy> months)
    {
        var withPlaces = facility.TracksCapacity;
        var cells = new int[months.Count, withPlaces ? 2 : 1];
        for (var i = 0; i < months.Count; i++)
        {
            cells[i, 0] = months[i].Peak;
            if (withPlaces)
            {
                cells[i, 1] = facility.Capacity!.Value;
            }
        }

        var labels = months.Select(m => m.Month.ToString("MM/yyyy", System.Globalization.CultureInfo.InvariantCulture)).ToList();
        return new CountTable($"Occupation de {facility.Name} sur douze mois", "Mois", labels,
            withPlaces ? ["Présence maximale", "Places"] : ["Présence maximale"], cells, hasRowTotals: false, hasColumnTotals: false);
    }

    public sealed record CurrentRow(Guid Id, Guid SituationId, string Name, OrientationOutcome Outcome, DateOnly ProposedOn, DateOnly? StartOn,
        DateOnly? PlannedEndOn, bool PlannedEndPassed);
}
