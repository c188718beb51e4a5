using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Vigie.Web.Data;
using Vigie.Web.Platform.Audit;

namespace Vigie.Web.Features.Annuaire;

/// <summary>A new directory entry (Administrateur, Coordination), with its contacts.</summary>
[Authorize(Policy = AnnuairePolicies.Edit)]
public sealed class CreateModel(VigieDbContext db, IAuditLog audit, TimeProvider clock) : PageModel
{
    [BindProperty]
    public EntryInput Input { get; set; } = new();

    public async Task OnGetAsync(Guid? organisation)
    {
        Input.OrganisationId = organisation;
        await LoadOrganisationsAsync();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var organisationName = await DirectoryQueries.OrganisationNameAsync(db, Input.OrganisationId, HttpContext.RequestAborted);
        var checkedInput = Input.Check(ModelState, organisationName);
        if (checkedInput is not { } valid)
        {
            await LoadOrganisationsAsync();
            return Page();
        }

        var entry = DirectoryEntry.Create(valid.Details, valid.Contacts, clock.GetUtcNow().UtcDateTime, User.FindFirstValue(ClaimTypes.NameIdentifier)!);
        db.DirectoryEntries.Add(entry);
        await db.SaveChangesAsync();
        await audit.RecordAsync(AuditAction.Create, AnnuaireAudit.Entry, entry.Id.ToString());
        TempData["Status"] = $"La fiche « {entry.Name} » est ajoutée à l'annuaire.";
        return RedirectToPage("Details", new { id = entry.Id });
    }

    private async Task LoadOrganisationsAsync() =>
        ViewData["Organisations"] = await DirectoryQueries.OrganisationsAsync(db, Input.OrganisationId, HttpContext.RequestAborted);
}
