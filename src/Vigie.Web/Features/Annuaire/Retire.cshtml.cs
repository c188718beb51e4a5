using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Vigie.Web.Data;
using Vigie.Web.Platform.Audit;

namespace Vigie.Web.Features.Annuaire;

/// <summary>Retiring an entry, after a confirmation: it leaves the directory for readers; its editors can restore it.</summary>
[Authorize(Policy = AnnuairePolicies.Edit)]
public sealed class RetireModel(VigieDbContext db, IAuditLog audit, TimeProvider clock) : PageModel
{
    public Guid Id { get; private set; }

    public string Name { get; private set; } = string.Empty;

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        var entry = await db.DirectoryEntries.AsNoTracking().Where(e => e.Id == id && e.IsActive).Select(e => new { e.Id, e.Name }).FirstOrDefaultAsync();
        if (entry is null)
        {
            return NotFound();
        }

        (Id, Name) = (entry.Id, entry.Name);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        var entry = await db.DirectoryEntries.FirstOrDefaultAsync(e => e.Id == id && e.IsActive);
        if (entry is null)
        {
            return NotFound();
        }

        entry.Retire(clock.GetUtcNow().UtcDateTime, User.FindFirstValue(ClaimTypes.NameIdentifier)!);
        await db.SaveChangesAsync();
        await audit.RecordAsync(AuditAction.Delete, AnnuaireAudit.Entry, id.ToString());
        TempData["Status"] = $"La fiche « {entry.Name} » est retirée de l'annuaire.";
        return RedirectToPage("Index");
    }
}
