using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Vigie.Web.Data;
using Vigie.Web.Platform.Audit;

namespace Vigie.Web.Features.Administration.Organisations;

public sealed class CreateModel(VigieDbContext db, IAuditLog audit, TimeProvider clock) : PageModel
{
    [BindProperty]
    public OrganisationInput Input { get; set; } = new();

    [TempData]
    public string? Status { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (ModelState.IsValid && await NameTakenAsync(db, Input.Name!, null))
        {
            ModelState.AddModelError("Input.Name", "Une organisation porte déjà ce nom.");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var organisation = Organisation.Create(Input.Name!, Input.Kind!.Value, Input.Territory, Input.Email, Input.Phone, clock.GetUtcNow().UtcDateTime);
        db.Organisations.Add(organisation);
        await db.SaveChangesAsync();
        await audit.RecordAsync(AuditAction.OrganisationCreated, AuditRecordType.Organisation, organisation.Id.ToString());
        Status = $"L'organisation « {organisation.Name} » a été créée.";
        return RedirectToPage("Index");
    }

    internal static Task<bool> NameTakenAsync(VigieDbContext db, string name, Guid? except)
    {
        var lower = name.Trim().ToLower();
        return db.Organisations.AnyAsync(o => o.Name.ToLower() == lower && o.Id != except);
    }
}
