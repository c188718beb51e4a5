using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Vigie.Web.Data;
using Vigie.Web.Platform.Audit;

namespace Vigie.Web.Features.Lexique;

/// <summary>Editing a term (Coordination): everything but its key, which the form does not send and the entity does not change.</summary>
[Authorize(Policy = LexiquePolicies.Edit)]
public sealed class EditModel(VigieDbContext db, IAuditLog audit, LexiqueLinks links, TimeProvider clock) : PageModel
{
    [BindProperty]
    public TermInput Input { get; set; } = new();

    [TempData]
    public string? Status { get; set; }

    public string Title { get; private set; } = string.Empty;

    public async Task<IActionResult> OnGetAsync(string key)
    {
        var term = await db.LexiqueTerms.AsNoTracking().Include(t => t.Sources).FirstOrDefaultAsync(t => t.Key == key && t.IsActive);
        if (term is null)
        {
            return NotFound();
        }

        Title = term.Title;
        Input = TermInput.From(term);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string key)
    {
        var term = await db.LexiqueTerms.Include(t => t.Sources).FirstOrDefaultAsync(t => t.Key == key && t.IsActive);
        if (term is null)
        {
            return NotFound();
        }

        Title = term.Title;
        Input.Key = term.Key;
        var sources = Input.CheckSources(ModelState);
        if (!string.IsNullOrWhiteSpace(Input.Title))
        {
            await TermQueries.CheckUniqueAsync(db, ModelState, null, Input.Title, term.Id);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        term.Update(Input.Title!, Input.Definition!, Input.Synonyms, sources, clock.GetUtcNow().UtcDateTime, User.FindFirstValue(ClaimTypes.NameIdentifier)!);
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            await TermQueries.CheckUniqueAsync(db, ModelState, null, Input.Title!, term.Id);
            if (ModelState.IsValid)
            {
                throw;
            }

            return Page();
        }

        links.Invalidate();
        await audit.RecordAsync(AuditAction.Update, LexiqueAudit.Term, term.Id.ToString());
        Status = "Modifications enregistrées.";
        return RedirectToPage("Details", new { key });
    }
}
