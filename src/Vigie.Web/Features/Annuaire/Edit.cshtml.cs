using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Vigie.Web.Data;
using Vigie.Web.Platform.Audit;

namespace Vigie.Web.Features.Annuaire;

/// <summary>Editing a directory entry and its contacts (Administrateur, Coordination).</summary>
[Authorize(Policy = AnnuairePolicies.Edit)]
public sealed class EditModel(VigieDbContext db, IAuditLog audit, TimeProvider clock) : PageModel
{
    [BindProperty]
    public EntryInput Input { get; set; } = new();

    public string Name { get; private set; } = string.Empty;

    public Guid Id { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        var entry = await db.DirectoryEntries.AsNoTracking().Include(e => e.Contacts).FirstOrDefaultAsync(e => e.Id == id && e.IsActive);
        if (entry is null)
        {
            return NotFound();
        }

        (Id, Name) = (entry.Id, entry.Name);
        Input = EntryInput.From(entry);
        await LoadOrganisationsAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        var entry = await db.DirectoryEntries.Include(e => e.Contacts).FirstOrDefaultAsync(e => e.Id == id && e.IsActive);
        if (entry is null)
        {
            return NotFound();
        }

        (Id, Name) = (entry.Id, entry.Name);
        var organisationName = await DirectoryQueries.OrganisationNameAsync(db, Input.OrganisationId, HttpContext.RequestAborted);
        var checkedInput = Input.Check(ModelState, organisationName);
        if (checkedInput is not { } valid)
        {
            await LoadOrganisationsAsync();
            return Page();
        }

        entry.Update(valid.Details, valid.Contacts, clock.GetUtcNow().UtcDateTime, User.FindFirstValue(ClaimTypes.NameIdentifier)!);
        await db.SaveChangesAsync();
        await audit.RecordAsync(AuditAction.Update, AnnuaireAudit.Entry, entry.Id.ToString());
        TempData["Status"] = "Modifications enregistrées.";
        return RedirectToPage("Details", new { id });
    }

    private async Task LoadOrganisationsAsync() =>
        ViewData["Organisations"] = await DirectoryQueries.OrganisationsAsync(db, Input.OrganisationId, HttpContext.RequestAborted);
}
