using Vigie.Web.Platform.Pdf;
using static Vigie.Web.Platform.Pdf.FrenchTypography;

namespace Vigie.Web.Features.Lexique;

/// <summary>
/// The glossary as a PDF: A4, a title and the date it was made, then every active term in
/// alphabetical order (title, synonyms, definition, sources with their address), each kept on one
/// page when it fits; "Lexique — page n / N" at the bottom of every page. No watermark: the lexique
/// holds no personal data and is meant to be handed out.
/// </summary>
public static class GlossaryPdf
{
    private static readonly PdfTextStyle Title = new(18, Bold: true);
    private static readonly PdfTextStyle Intro = new(10, Italic: true, Grey: 80);
    private static readonly PdfTextStyle TermTitle = new(12.5, Bold: true);
    private static readonly PdfTextStyle Body = new(10.5, LineSpacing: 1.35);
    private static readonly PdfTextStyle Muted = new(9.5, Italic: true, Grey: 70, LineSpacing: 1.3);

    public static byte[] Render(IReadOnlyList<TermView> terms, string madeOn, DateTimeOffset createdAt)
    {
        ArgumentNullException.ThrowIfNull(terms);
        using var flow = new PdfFlowDocument(PdfPageSetup.A4);
        flow.Paragraph(Label("Lexique — le langage commun"), Title);
        flow.Space(PdfPageSetup.Mm(2));
        flow.Paragraph(Label($"Les termes employés dans les formulaires de Vigie et leur définition ; {terms.Count} termes, à jour au {madeOn}."), Intro);
        foreach (var term in terms)
        {
            flow.Space(PdfPageSetup.Mm(5));
            flow.KeepTogether(() =>
            {
                flow.Heading(TypedText(term.Title), TermTitle);
                flow.Space(PdfPageSetup.Mm(1));
                if (term.Synonyms is not null)
                {
                    flow.Paragraph(Label("Synonymes : ") + TypedText(term.Synonyms), Muted);
                }

                flow.Paragraph(TypedText(term.Definition), Body);
                foreach (var source in term.Sources)
                {
                    var text = TypedText(source.Text) + (source.Url is null ? string.Empty : " — " + source.Url);
                    flow.Paragraph(Label("Source : ") + text, Muted);
                }
            });
        }

        return flow.Render(
            new PdfProperties("Lexique", "Vigie", createdAt, "Glossaire des termes employés dans Vigie"),
            new PdfPageMarks(Footer: (page, pages) => $"Lexique — page {page} / {pages}"));
    }
}
