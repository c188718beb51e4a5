using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Vigie.Web.Data;
using Vigie.Web.Platform.Audit;

namespace Vigie.Web.Features.Lexique;

/// <summary>One term with its sources, when and by whom it last changed, and the trame's labels that link to it. Audited (read).</summary>
public sealed class DetailsModel(VigieDbContext db, IAuditLog audit, IAuthorizationService authorization, LexiqueLinks links, TimeProvider clock) : PageModel
{
    [TempData]
    public string? Status { get; set; }

    public TermView Term { get; private set; } = null!;

    public string? UpdatedBy { get; private set; }

    public bool CanEdit { get; private set; }

    public IReadOnlyList<string> TrameLabels { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string key)
    {
        var term = await TermQueries.FindAsync(db, key, HttpContext.RequestAborted);
        CanEdit = (await authorization.AuthorizeAsync(User, LexiquePolicies.Edit)).Succeeded;
        // A retired term is Coordination's to see (and restore); for others it is gone.
        if (term is null || (!term.IsActive && !CanEdit))
        {
            return NotFound();
        }

        Term = term;
        UpdatedBy = term.UpdatedById is null ? null
            : await db.Users.AsNoTracking().Where(u => u.Id == term.UpdatedById).Select(u => u.DisplayName).FirstOrDefaultAsync() ?? "compte supprimé";
        TrameLabels = TermQueries.TrameLabels(key);
        await audit.RecordAsync(AuditAction.Read, LexiqueAudit.Term, term.Id.ToString());
        return Page();
    }

    public async Task<IActionResult> OnPostRestoreAsync(string key)
    {
        if (!(await authorization.AuthorizeAsync(User, LexiquePolicies.Edit)).Succeeded)
        {
            return Forbid();
        }

        var term = await db.LexiqueTerms.FirstOrDefaultAsync(t => t.Key == key);
        if (term is null)
        {
            return NotFound();
        }

        if (!term.IsActive)
        {
            term.Restore(clock.GetUtcNow().UtcDateTime, User.FindFirstValue(ClaimTypes.NameIdentifier)!);
            await db.SaveChangesAsync();
            links.Invalidate();
            await audit.RecordAsync(AuditAction.Update, LexiqueAudit.Term, term.Id.ToString());
        }

        Status = $"Le terme « {term.Title} » est de nouveau dans le lexique.";
        return RedirectToPage(new { key });
    }
}
