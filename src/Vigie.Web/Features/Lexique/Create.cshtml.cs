using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Vigie.Web.Data;
using Vigie.Web.Platform.Audit;

namespace Vigie.Web.Features.Lexique;

/// <summary>A new term (Coordination): its key, given or taken from the title, is fixed from then on.</summary>
[Authorize(Policy = LexiquePolicies.Edit)]
public sealed class CreateModel(VigieDbContext db, IAuditLog audit, LexiqueLinks links, TimeProvider clock) : PageModel
{
    [BindProperty]
    public TermInput Input { get; set; } = new();

    [TempData]
    public string? Status { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var sources = Input.CheckSources(ModelState);
        var key = string.IsNullOrWhiteSpace(Input.Key) ? LexiqueTerm.KeyFrom(Input.Title ?? string.Empty) : Input.Key.Trim();
        if (!string.IsNullOrWhiteSpace(Input.Title))
        {
            await TermQueries.CheckUniqueAsync(db, ModelState, key, Input.Title, null);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var term = LexiqueTerm.Create(key, Input.Title!, Input.Definition!, Input.Synonyms, sources, clock.GetUtcNow().UtcDateTime, User.FindFirstValue(ClaimTypes.NameIdentifier)!);
        db.LexiqueTerms.Add(term);
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateException)
        {
            // Another person saved the same key or title in the meantime: say which, keep the form.
            db.ChangeTracker.Clear();
            await TermQueries.CheckUniqueAsync(db, ModelState, key, Input.Title!, null);
            if (ModelState.IsValid)
            {
                throw;
            }

            return Page();
        }

        links.Invalidate();
        await audit.RecordAsync(AuditAction.Create, LexiqueAudit.Term, term.Id.ToString());
        Status = $"Le terme « {term.Title} » est ajouté au lexique.";
        return RedirectToPage("Details", new { key = term.Key });
    }
}
