using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Vigie.Web.Data;
using Vigie.Web.Platform.Audit;

namespace Vigie.Web.Features.Accueil.Facilities;

/// <summary>A new facility (Coordination).</summary>
[Authorize(Policy = AccueilPolicies.ManageFacilities)]
public sealed class CreateModel(VigieDbContext db, IAuditLog audit, TimeProvider clock) : PageModel
{
    [TempData]
    public string? Status { get; set; }

    [BindProperty]
    public FacilityInput Input { get; set; } = new();

    public void OnGet() => Input.WithBlankRows();

    public async Task<IActionResult> OnPostAsync()
    {
        var valid = Input.Validate(ModelState, nameof(Input));
        if (valid is not { } v || !ModelState.IsValid)
        {
            return Page();
        }

        var facility = Facility.Create(v.Details, v.Managers, User.FindFirstValue(ClaimTypes.NameIdentifier)!, clock.GetUtcNow().UtcDateTime);
        db.Facilities.Add(facility);
        await db.SaveChangesAsync();
        await audit.RecordAsync(AuditAction.Create, AuditRecordType.Facility, facility.Id.ToString());
        Status = $"Le lieu d'accueil « {facility.Name} » est créé.";
        return Redirect($"/accueil/{facility.Id}");
    }
}
