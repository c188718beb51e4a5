using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Vigie.Web.Data;
using Vigie.Web.Features.Signalements.Documents;
using Vigie.Web.Features.Situations;
using Vigie.Web.Platform.Crypto;

namespace Vigie.Web.Features.Signalements;

/// <summary>
/// Turns a signalement (its drafted sections, authors and recipients, and the minor's identity
/// from the situation) into the <see cref="SignalementDocument"/> the PDF renderer lays out, then
/// into PDF bytes. Used by the preview (watermarked) and by the sending (no watermark).
/// </summary>
public sealed class SignalementDocuments(VigieDbContext db, FieldCipher cipher, IOptions<SignalementsOptions> options)
{
    public const string DraftWatermark = "PROJET — non envoyé";

    public async Task<byte[]> RenderAsync(Signalement signalement, DateTime nowUtc, string? watermark, CancellationToken cancellationToken = default)
    {
        var document = await BuildAsync(signalement, nowUtc, cancellationToken);
        var createdAt = new DateTimeOffset(DateTime.SpecifyKind(nowUtc, DateTimeKind.Utc));
        return SignalementPdf.Render(document, new PdfRenderOptions(createdAt, watermark));
    }

    public async Task<SignalementDocument> BuildAsync(Signalement signalement, DateTime nowUtc, CancellationToken cancellationToken = default)
    {
        var settings = options.Value;
        var situation = await db.Situations.AsNoTracking().SingleAsync(s => s.Id == signalement.SituationId, cancellationToken);
        var identity = situation.ReadIdentity(cipher);
        var content = SignalementContent.Decrypt(cipher, signalement.ContentEncrypted);
        var recipients = SignalementRecipient.FromJson(signalement.RecipientsJson);
        var date = FrenchDate.ParisDate(new DateTimeOffset(DateTime.SpecifyKind(nowUtc, DateTimeKind.Utc)));
        var born = situation.Sex switch { Sex.Fille => "Née le", Sex.Garcon => "Né le", _ => "Né(e) le" };
        List<LabelledValue> minor =
        [
            new("Nom", identity.LastName),
            new("Prénom(s)", identity.FirstName),
            new(born, FrenchDate.Written(identity.BirthDate)),
            new("Sexe", SituationLabels.Sex(situation.Sex)),
        ];
        if (!string.IsNullOrWhiteSpace(situation.Territory))
        {
            minor.Add(new("Territoire", situation.Territory));
        }

        var sections = SignalementContent.Sections
            .Select((section, i) => new DocumentSection(i + 1, section.Title, Paragraphs(content[section.Key])))
            .ToList();
        return new SignalementDocument(
            signalement.Kind == SignalementKind.Signalement ? SignalementDocumentKind.Signalement : SignalementDocumentKind.InformationPreoccupante,
            signalement.Reference,
            new DocumentSender(settings.Sender.Organisation, settings.Sender.AddressLines, settings.Sender.Phone, settings.Sender.Email),
            [.. recipients.Where(r => !r.Copy).Select(r => new DocumentRecipient(r.Name, r.AddressLines))],
            [.. recipients.Where(r => r.Copy).Select(r => new DocumentRecipient(r.Name, r.AddressLines))],
            settings.Place,
            date,
            minor,
            sections,
            [.. signalement.Authors.OrderBy(a => a.Position).Select(a => new DocumentAuthor(a.Name, a.Function, a.Organisation, a.Phone, a.Email))]);
    }

    /// <summary>Blank lines separate paragraphs; single line breaks stay inside a paragraph.</summary>
    private static List<DocumentParagraph> Paragraphs(string text) =>
        [.. SignalementContent.Normalise(text).Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(p => (DocumentParagraph)new TextParagraph(p))];

    /// <summary>The SHA-256 of the PDF bytes, lower-case hex.</summary>
    public static string Sha256(byte[] pdf) => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(pdf));
}
