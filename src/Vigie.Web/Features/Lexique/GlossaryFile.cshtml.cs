using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Vigie.Web.Data;
using Vigie.Web.Platform.Audit;
using Vigie.Web.Platform.Web;

namespace Vigie.Web.Features.Lexique;

/// <summary>The glossary as a PDF (<see cref="GlossaryPdf"/>), for every signed-in role. Audited (export).</summary>
public sealed class GlossaryFileModel(VigieDbContext db, IAuditLog audit, TimeProvider clock) : PageModel
{
    public async Task<IActionResult> OnGetAsync()
    {
        var terms = await TermQueries.ListAsync(db, null, cancellationToken: HttpContext.RequestAborted);
        var now = clock.GetUtcNow();
        var pdf = GlossaryPdf.Render(terms, ParisTime.FormatDate(now.UtcDateTime), now);
        await audit.RecordAsync(AuditAction.Export, LexiqueAudit.Glossary, "pdf");
        return File(pdf, "application/pdf", "lexique-vigie.pdf");
    }
}
