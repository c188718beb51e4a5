using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Vigie.Web.Data;
using Vigie.Web.Features.Compte;
using Vigie.Web.Platform.Audit;

namespace Vigie.Web.Features.Signalements;

/// <summary>"Aperçu du PDF": the document as it stands, watermarked "PROJET — non envoyé" on every page. Audited.</summary>
[Authorize(Policy = Policies.Situations)]
public sealed class PreviewModel(VigieDbContext db, SignalementDocuments documents, IAuditLog audit, TimeProvider clock) : PageModel
{
    public async Task<IActionResult> OnGetAsync(Guid sid)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var found = await SignalementAccess.FindAsync(db, User, sid, now);
        if (found is null)
        {
            return NotFound();
        }

        var pdf = await documents.RenderAsync(found.Signalement, now, SignalementDocuments.DraftWatermark, HttpContext.RequestAborted);
        await audit.RecordAsync(AuditAction.Read, AuditRecordType.SignalementPreview, sid.ToString());
        return File(pdf, "application/pdf", $"projet-{SignalementMail.AttachmentName(found.Signalement)}");
    }
}
