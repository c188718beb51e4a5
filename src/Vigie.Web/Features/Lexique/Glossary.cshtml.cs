using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Vigie.Web.Data;
using Vigie.Web.Platform.Audit;
using Vigie.Web.Platform.Web;

namespace Vigie.Web.Features.Lexique;

/// <summary>
/// The printable glossary: every active term with its synonyms and sources, as a page made for
/// printing (the print stylesheet drops the navigation) and as a PDF. Both are audited as exports.
/// </summary>
public sealed class GlossaryModel(VigieDbContext db, IAuditLog audit, TimeProvider clock) : PageModel
{
    public IReadOnlyList<TermView> Terms { get; private set; } = [];

    public string MadeOn { get; private set; } = string.Empty;

    public async Task OnGetAsync()
    {
        Terms = await TermQueries.ListAsync(db, null, cancellationToken: HttpContext.RequestAborted);
        MadeOn = ParisTime.FormatDate(clock.GetUtcNow().UtcDateTime);
        await audit.RecordAsync(AuditAction.Export, LexiqueAudit.Glossary, "page");
    }
}
