using Vigie.Web.Platform.Pdf;
using static Vigie.Web.Platform.Pdf.FrenchTypography;

namespace Vigie.Web.Features.Commission.Minutes;

/// <summary>One dated correction, as printed under the locked text.</summary>
public sealed record PrintedAmendment(int Number, DateTime At, string By, string Text);

/// <summary>
/// The locked minutes as a PDF: A4, the confidentiality line at the top of every page, "Compte
/// rendu de la séance n° … — page n / N" at the bottom, the reader's name and the date as a
/// watermark on every page; the text (its "# " and "## " lines as headings), then the amendments.
/// </summary>
public static class MinutesPdf
{
    public const string ConfidentialityLine = "Confidentiel — commission, diffusion interdite";

    private static readonly PdfTextStyle Body = new(10.5, LineSpacing: 1.35);
    private static readonly PdfTextStyle Heading = new(13, Bold: true, LineSpacing: 1.3);
    private static readonly PdfTextStyle SubHeading = new(11.5, Bold: true, LineSpacing: 1.3);
    private static readonly PdfTextStyle Muted = Body with { Italic = true, Grey = 90 };

    public static byte[] Render(int sessionNumber, string content, IReadOnlyList<PrintedAmendment> amendments, string watermark, DateTimeOffset createdAt)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(amendments);
        using var flow = new PdfFlowDocument(PdfPageSetup.A4);
        foreach (var (level, text) in MinutesDraft.Blocks(TypedText(content)))
        {
            if (level == 0)
            {
                flow.Paragraph(text, Body);
                flow.Space(PdfPageSetup.Mm(2));
            }
            else
            {
                flow.Space(PdfPageSetup.Mm(level == 2 ? 3 : 5));
                flow.Heading(text, level == 2 ? SubHeading : Heading);
                flow.Space(PdfPageSetup.Mm(1.5));
            }
        }

        if (amendments.Count > 0)
        {
            flow.Space(PdfPageSetup.Mm(6));
            flow.Heading(Label("Rectificatifs"), Heading);
            foreach (var amendment in amendments)
            {
                flow.Space(PdfPageSetup.Mm(3));
                flow.Paragraph(Label($"Rectificatif n° {amendment.Number} du {Platform.Web.ParisTime.Format(amendment.At)}, par ") + TypedText(amendment.By), Muted);
                flow.Paragraph(TypedText(amendment.Text), Body);
            }
        }

        var footer = $"Compte rendu de la séance n° {sessionNumber}";
        return flow.Render(
            new PdfProperties(footer, "Vigie", createdAt),
            new PdfPageMarks(
                Header: Label(ConfidentialityLine),
                Footer: (page, pages) => $"{footer} — page {page} / {pages}",
                Watermark: watermark));
    }
}
