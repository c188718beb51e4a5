using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Vigie.Web.Data;
using Vigie.Web.Platform.Audit;
using Vigie.Web.Platform.Web;

namespace Vigie.Web.Features.Accueil.Facilities;

/// <summary>The facilities with their occupancy today (Coordination and Professionnels; no minor is named here).</summary>
public sealed class IndexModel(VigieDbContext db, Occupancy occupancy, IAuditLog audit, TimeProvider clock) : PageModel
{
    [TempData]
    public string? Status { get; set; }

    public IReadOnlyList<Row> Facilities { get; private set; } = [];

    public DateOnly Today { get; private set; }

    public bool MayManage => User.IsInRole(Compte.Roles.Coordination);

    public async Task OnGetAsync()
    {
        Today = DateOnly.FromDateTime(ParisTime.ToLocal(clock.GetUtcNow().UtcDateTime));
        var present = await occupancy.PresentByFacilityAsync(Today);
        var facilities = await db.Facilities.AsNoTracking()
            .OrderByDescending(f => f.IsActive).ThenBy(f => f.Name)
            .Select(f => new { f.Id, f.Name, f.Type, f.Capacity, f.IsActive, f.IsOutside, f.Departement })
            .ToListAsync();
        Facilities = facilities.Select(f => new Row(f.Id, f.Name, f.Type, f.Capacity, f.IsActive, f.IsOutside, f.Departement, present.GetValueOrDefault(f.Id))).ToList();
        await audit.RecordAsync(AuditAction.Read, AuditRecordType.FacilityList);
    }

    public sealed record Row(Guid Id, string Name, FacilityType Type, int? Capacity, bool IsActive, bool IsOutside, string? Departement, int Present)
    {
        public bool Over => Capacity is > 0 && Present > Capacity;
    }
}
