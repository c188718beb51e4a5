using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Vigie.Web.Data;
using Vigie.Web.Platform.Audit;

namespace Vigie.Web.Features.Annuaire;

/// <summary>One directory entry with its contacts, for every signed-in role (a retired one for its editors only). Audited (read).</summary>
public sealed class DetailsModel(VigieDbContext db, IAuditLog audit, IAuthorizationService authorization, TimeProvider clock) : PageModel
{
    [TempData]
    public string? Status { get; set; }

    public EntryView Entry { get; private set; } = null!;

    public string? UpdatedBy { get; private set; }

    public bool CanEdit { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        var entry = await DirectoryQueries.FindAsync(db, id, HttpContext.RequestAborted);
        CanEdit = (await authorization.AuthorizeAsync(User, AnnuairePolicies.Edit)).Succeeded;
        if (entry is null || (!entry.IsActive && !CanEdit))
        {
            return NotFound();
        }

        Entry = entry;
        UpdatedBy = entry.UpdatedById is null ? null
            : await db.Users.AsNoTracking().Where(u => u.Id == entry.UpdatedById).Select(u => u.DisplayName).FirstOrDefaultAsync() ?? "compte supprimé";
        await audit.RecordAsync(AuditAction.Read, AnnuaireAudit.Entry, id.ToString());
        return Page();
    }

    public async Task<IActionResult> OnPostRestoreAsync(Guid id)
    {
        if (!(await authorization.AuthorizeAsync(User, AnnuairePolicies.Edit)).Succeeded)
        {
            return Forbid();
        }

        var entry = await db.DirectoryEntries.FirstOrDefaultAsync(e => e.Id == id);
        if (entry is null)
        {
            return NotFound();
        }

        if (!entry.IsActive)
        {
            entry.Restore(clock.GetUtcNow().UtcDateTime, User.FindFirstValue(ClaimTypes.NameIdentifier)!);
            await db.SaveChangesAsync();
            await audit.RecordAsync(AuditAction.Update, AnnuaireAudit.Entry, id.ToString());
        }

        Status = $"La fiche « {entry.Name} » est de nouveau dans l'annuaire.";
        return RedirectToPage(new { id });
    }
}
