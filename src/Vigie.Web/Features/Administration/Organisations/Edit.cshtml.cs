using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Vigie.Web.Data;
using Vigie.Web.Platform.Audit;

namespace Vigie.Web.Features.Administration.Organisations;

public sealed class EditModel(VigieDbContext db, IAuditLog audit, TimeProvider clock) : PageModel
{
    [BindProperty]
    public OrganisationInput Input { get; set; } = new();

    [TempData]
    public string? Status { get; set; }

    public string Name { get; private set; } = string.Empty;

    public bool IsActive { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        var organisation = await db.Organisations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == id);
        if (organisation is null)
        {
            return NotFound();
        }

        Show(organisation);
        Input = new OrganisationInput
        {
            Name = organisation.Name,
            Kind = organisation.Kind,
            Territory = organisation.Territory,
            Email = organisation.Email,
            Phone = organisation.Phone,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        var organisation = await db.Organisations.FirstOrDefaultAsync(o => o.Id == id);
        if (organisation is null)
        {
            return NotFound();
        }

        Show(organisation);
        if (ModelState.IsValid && await CreateModel.NameTakenAsync(db, Input.Name!, id))
        {
            ModelState.AddModelError("Input.Name", "Une autre organisation porte déjà ce nom.");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        organisation.Update(Input.Name!, Input.Kind!.Value, Input.Territory, Input.Email, Input.Phone, clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync();
        await audit.RecordAsync(AuditAction.OrganisationUpdated, AuditRecordType.Organisation, id.ToString());
        Status = "Modifications enregistrées.";
        return RedirectToPage(new { id });
    }

    public Task<IActionResult> OnPostDeactivateAsync(Guid id) =>
        ChangeStatusAsync(id, false);

    public Task<IActionResult> OnPostReactivateAsync(Guid id) =>
        ChangeStatusAsync(id, true);

    private async Task<IActionResult> ChangeStatusAsync(Guid id, bool active)
    {
        var organisation = await db.Organisations.FirstOrDefaultAsync(o => o.Id == id);
        if (organisation is null)
        {
            return NotFound();
        }

        var now = clock.GetUtcNow().UtcDateTime;
        if (active)
        {
            organisation.Reactivate(now);
        }
        else
        {
            organisation.Deactivate(now);
        }

        await db.SaveChangesAsync();
        await audit.RecordAsync(active ? AuditAction.OrganisationReactivated : AuditAction.OrganisationDeactivated, AuditRecordType.Organisation, id.ToString());
        Status = active ? "Organisation réactivée." : "Organisation désactivée.";
        return RedirectToPage(new { id });
    }

    private void Show(Organisation organisation)
    {
        Name = organisation.Name;
        IsActive = organisation.IsActive;
    }
}
