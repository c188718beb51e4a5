using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using PdfSharp.Pdf.IO;
using Vigie.Web.Data;
using Vigie.Web.Features.Compte;
using Vigie.Web.Platform.Audit;
using Vigie.Web.Platform.Crypto;
using Vigie.Web.Platform.Pdf;
using Vigie.Web.Platform.Web;

namespace Vigie.Web.Features.Signalements;

/// <summary>
/// "Télécharger le PDF envoyé": the stored bytes, opened with PDFsharp, with "Téléchargé par … le …"
/// drawn over every page (the file's fingerprint therefore differs from the one sent; the page says
/// so). Audited, with its own action.
/// </summary>
[Authorize(Policy = Policies.Situations)]
public sealed class SentPdfModel(VigieDbContext db, FieldCipher cipher, IAuditLog audit, TimeProvider clock) : PageModel
{
    public async Task<IActionResult> OnGetAsync(Guid sid)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var found = await SignalementAccess.FindAsync(db, User, sid, now);
        if (found?.Signalement.PdfEncrypted is not { } encrypted)
        {
            return NotFound();
        }

        var reader = await db.Users.AsNoTracking().Where(u => u.Id == SignalementAccess.UserId(User)).Select(u => u.DisplayName).SingleAsync();
        var pdf = Convert.FromBase64String(cipher.Decrypt(encrypted, Signalement.PdfPurpose));
        var marked = Watermark(pdf, $"Téléchargé par {reader} le {ParisTime.Format(now)}");
        await audit.RecordAsync(AuditAction.SignalementPdfDownloaded, AuditRecordType.SignalementSentPdf, sid.ToString());
        return File(marked, "application/pdf", $"envoye-{SignalementMail.AttachmentName(found.Signalement)}");
    }

    /// <summary>Draws <paramref name="text"/> on top of every page of an existing PDF, small and grey at the bottom and across the page.</summary>
    public static byte[] Watermark(byte[] pdf, string text)
    {
        PdfFonts.EnsureRegistered();
        using var input = new MemoryStream(pdf);
        using var document = PdfReader.Open(input, PdfDocumentOpenMode.Modify);
        var font = new XFont(PdfFonts.Family, 9, XFontStyleEx.Bold, new XPdfFontOptions(PdfFontEncoding.Unicode));
        var big = new XFont(PdfFonts.Family, 20, XFontStyleEx.Bold, new XPdfFontOptions(PdfFontEncoding.Unicode));
        var brush = new XSolidBrush(XColor.FromArgb(70, 200, 30, 30));
        foreach (var page in document.Pages)
        {
            using var gfx = XGraphics.FromPdfPage(page, XGraphicsPdfPageOptions.Append);
            var width = page.Width.Point;
            var height = page.Height.Point;
            gfx.DrawString(text, font, brush, new XPoint(width / 2, 20), XStringFormats.Center);
            var state = gfx.Save();
            gfx.RotateAtTransform(-Math.Atan2(height, width) * 180 / Math.PI, new XPoint(width / 2, height / 2));
            gfx.DrawString(text, big, brush, new XPoint(width / 2, height / 2 + 40), XStringFormats.Center);
            gfx.Restore(state);
        }

        using var output = new MemoryStream();
        document.Save(output);
        return output.ToArray();
    }
}
