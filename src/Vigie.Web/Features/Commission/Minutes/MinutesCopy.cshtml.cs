using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Vigie.Web.Data;
using Vigie.Web.Features.Compte;
using Vigie.Web.Platform.Audit;
using Vigie.Web.Platform.Crypto;
using Vigie.Web.Platform.Web;

namespace Vigie.Web.Features.Commission.Minutes;

/// <summary>
/// A PDF copy of the locked minutes and their amendments, when Coordination allowed it, with the
/// reader's name and the date as a watermark on every page. Audited (export). 404 when the minutes
/// are out of reach, not locked, or the copy is not allowed.
/// </summary>
[Authorize(Policy = Policies.Commission)]
public sealed class MinutesCopyModel(VigieDbContext db, FieldCipher cipher, IAuditLog audit, TimeProvider clock, IOptions<CommissionOptions> options) : PageModel
{
    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var minutes = await MinutesAccess.FindAsync(db, User, id, now, options.Value.MemberAccessAfterClosure);
        if (minutes is not { Status: MinutesStatus.Verrouillee, PdfAllowed: true })
        {
            return NotFound();
        }

        var number = await db.CommissionSessions.Where(s => s.Id == id).Select(s => s.Number).SingleAsync();
        var userId = User.FindFirstValue(ClaimTypes.NameIdentifier);
        var reader = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => u.DisplayName).SingleAsync();
        var amendments = await db.MinutesAmendments.AsNoTracking().Where(a => a.MinutesId == minutes.Id).OrderBy(a => a.Number)
            .Select(a => new { a.Number, a.At, By = db.Users.Where(u => u.Id == a.ById).Select(u => u.DisplayName).FirstOrDefault(), a.TextEncrypted })
            .ToListAsync();
        var pdf = MinutesPdf.Render(number, cipher.Decrypt(minutes.ContentEncrypted, SessionMinutes.ContentPurpose),
            [.. amendments.Select(a => new PrintedAmendment(a.Number, a.At, a.By ?? "compte inconnu", cipher.Decrypt(a.TextEncrypted, MinutesAmendment.TextPurpose)))],
            $"Copie de {reader} — {ParisTime.Format(now)}", clock.GetUtcNow());
        await audit.RecordAsync(AuditAction.Export, AuditRecordType.MinutesPdf, minutes.Id.ToString());
        return File(pdf, "application/pdf", $"compte-rendu-seance-{number}.pdf");
    }
}
