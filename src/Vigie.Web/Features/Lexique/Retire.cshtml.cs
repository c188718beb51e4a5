using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Vigie.Web.Data;
using Vigie.Web.Platform.Audit;

namespace Vigie.Web.Features.Lexique;

/// <summary>
/// Retiring a term, after a confirmation that names the trame's labels linking to it: the term leaves
/// the glossary, the search and those labels; it stays in the database with its key, restorable.
/// </summary>
[Authorize(Policy = LexiquePolicies.Edit)]
public sealed class RetireModel(VigieDbContext db, IAuditLog audit, LexiqueLinks links, TimeProvider clock) : PageModel
{
    [TempData]
    public string? Status { get; set; }

    public string Key { get; private set; } = string.Empty;

    public string Title { get; private set; } = string.Empty;

    public IReadOnlyList<string> TrameLabels { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string key)
    {
        var term = await db.LexiqueTerms.AsNoTracking().Where(t => t.Key == key && t.IsActive).Select(t => new { t.Key, t.Title }).FirstOrDefaultAsync();
        if (term is null)
        {
            return NotFound();
        }

        Key = term.Key;
        Title = term.Title;
        TrameLabels = TermQueries.TrameLabels(key);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string key)
    {
        var term = await db.LexiqueTerms.FirstOrDefaultAsync(t => t.Key == key && t.IsActive);
        if (term is null)
        {
            return NotFound();
        }

        term.Retire(clock.GetUtcNow().UtcDateTime, User.FindFirstValue(ClaimTypes.NameIdentifier)!);
        await db.SaveChangesAsync();
        links.Invalidate();
        await audit.RecordAsync(AuditAction.Delete, LexiqueAudit.Term, term.Id.ToString());
        Status = $"Le terme « {term.Title} » est retiré du lexique. Il reste rétablissable depuis les termes retirés.";
        return RedirectToPage("Index");
    }
}
