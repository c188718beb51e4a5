using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Vigie.Web.Data;
using Vigie.Web.Platform.Audit;

namespace Vigie.Web.Features.Accueil.Facilities;

/// <summary>
/// Editing a facility (Coordination): its fields and managers; deactivating or reactivating it; deleting
/// it only while no orientation refers to it (afterwards it is deactivated, so the history stays).
/// </summary>
[Authorize(Policy = AccueilPolicies.ManageFacilities)]
public sealed class EditModel(VigieDbContext db, IAuditLog audit, TimeProvider clock) : PageModel
{
    [TempData]
    public string? Status { get; set; }

    [BindProperty]
    public FacilityInput Input { get; set; } = new();

    public Guid Id { get; private set; }

    public string Name { get; private set; } = string.Empty;

    public bool IsActive { get; private set; }

    public bool IsUsed { get; private set; }

    private string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier)!;

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        var facility = await db.Facilities.AsNoTracking().Include(f => f.Managers).FirstOrDefaultAsync(f => f.Id == id);
        if (facility is null)
        {
            return NotFound();
        }

        Input = FacilityInput.Of(facility);
        await ShowAsync(facility);
        await audit.RecordAsync(AuditAction.Read, AuditRecordType.Facility, id.ToString());
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        var facility = await db.Facilities.Include(f => f.Managers).FirstOrDefaultAsync(f => f.Id == id);
        if (facility is null)
        {
            return NotFound();
        }

        var valid = Input.Validate(ModelState, nameof(Input));
        if (valid is not { } v || !ModelState.IsValid)
        {
            await ShowAsync(facility);
            return Page();
        }

        // The old rows go, the new ones are added as new (their ids are set client-side, so say so).
        db.FacilityManagers.RemoveRange(facility.Managers);
        db.FacilityManagers.AddRange(v.Managers);
        facility.Update(v.Details, v.Managers, UserId, clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync();
        await audit.RecordAsync(AuditAction.Update, AuditRecordType.Facility, id.ToString());
        Status = "Le lieu d'accueil est modifié.";
        return Redirect($"/accueil/{id}");
    }

    public async Task<IActionResult> OnPostDeactivateAsync(Guid id) => await SetActiveAsync(id, false);

    public async Task<IActionResult> OnPostReactivateAsync(Guid id) => await SetActiveAsync(id, true);

    public async Task<IActionResult> OnPostDeleteAsync(Guid id)
    {
        var facility = await db.Facilities.FirstOrDefaultAsync(f => f.Id == id);
        if (facility is null)
        {
            return NotFound();
        }

        if (await db.Orientations.AnyAsync(o => o.FacilityId == id))
        {
            Status = "Ce lieu a déjà reçu des orientations : il ne peut pas être supprimé. Désactivez-le plutôt.";
            return Redirect($"/accueil/{id}/modifier");
        }

        db.Facilities.Remove(facility);
        await db.SaveChangesAsync();
        await audit.RecordAsync(AuditAction.Delete, AuditRecordType.Facility, id.ToString());
        Status = $"Le lieu d'accueil « {facility.Name} » est supprimé.";
        return Redirect("/accueil");
    }

    private async Task<IActionResult> SetActiveAsync(Guid id, bool active)
    {
        var facility = await db.Facilities.FirstOrDefaultAsync(f => f.Id == id);
        if (facility is null)
        {
            return NotFound();
        }

        var now = clock.GetUtcNow().UtcDateTime;
        if (active)
        {
            facility.Reactivate(UserId, now);
        }
        else
        {
            facility.Deactivate(UserId, now);
        }

        await db.SaveChangesAsync();
        await audit.RecordAsync(AuditAction.Update, AuditRecordType.Facility, id.ToString());
        Status = active ? "Le lieu d'accueil est réactivé." : "Le lieu d'accueil est désactivé : il ne reçoit plus de nouvelle orientation.";
        return Redirect($"/accueil/{id}");
    }

    private async Task ShowAsync(Facility facility)
    {
        Id = facility.Id;
        Name = facility.Name;
        IsActive = facility.IsActive;
        IsUsed = await db.Orientations.AnyAsync(o => o.FacilityId == facility.Id);
    }
}
