using Vigie.Web.Platform.Pdf;
using static Vigie.Web.Platform.Pdf.FrenchTypography;

namespace Vigie.Web.Features.Signalements.Documents;

/// <summary>
/// The PDF of a signalement or an information préoccupante, as a court clerk expects a letter: A4,
/// 2 cm margins; the sender top left and the recipients on the right; reference and place and date;
/// the title in bold, centred; the minor's identity; the numbered sections; the authors, each with a
/// line to sign on. Every page carries the confidentiality line at the top and
/// "Signalement SIG-… — page n / N" at the bottom, and the watermark when one is given. Pure: the
/// same document and options give the same pages.
/// </summary>
public static class SignalementPdf
{
    public const string ConfidentialityLine = "Confidentiel — données relatives à un(e) mineur(e)";

    /// <summary>Said in a section with no paragraph, so a blank is never mistaken for a lost page.</summary>
    public const string EmptySection = "Non renseigné.";

    private static readonly PdfTextStyle Body = new(10.5, LineSpacing: 1.35);
    private static readonly PdfTextStyle BodyBold = Body with { Bold = true };
    private static readonly PdfTextStyle Muted = Body with { Italic = true, Grey = 90 };
    private static readonly PdfTextStyle Block = new(9.5, LineSpacing: 1.3);
    private static readonly PdfTextStyle BlockBold = Block with { Bold = true };
    private static readonly PdfTextStyle BlockLabel = new(8.5, Bold: true, Grey: 80, LineSpacing: 1.4);
    private static readonly PdfTextStyle Title = new(13.5, Bold: true, LineSpacing: 1.3);
    private static readonly double[] TitleSizes = [13.5, 13, 12.5, 12];
    private static readonly PdfTextStyle SectionHeading = new(11.5, Bold: true, LineSpacing: 1.3);

    private static readonly double LabelWidth = PdfPageSetup.Mm(45);
    private static readonly double ColumnGap = PdfPageSetup.Mm(5);

    public static byte[] Render(SignalementDocument doc, PdfRenderOptions options)
    {
        ArgumentNullException.ThrowIfNull(doc);
        ArgumentNullException.ThrowIfNull(options);

        using var flow = new PdfFlowDocument(PdfPageSetup.A4);
        Letterhead(flow, doc);
        Identity(flow, doc.Minor);
        foreach (var section in doc.Sections)
        {
            Section(flow, section);
        }

        Signatures(flow, doc);

        var footerLead = $"{doc.KindName} {TypedText(doc.Reference)}";
        return flow.Render(
            new PdfProperties(footerLead, "Vigie", options.CreatedAt, doc.Title),
            new PdfPageMarks(
                Header: Label(ConfidentialityLine),
                Footer: (page, pages) => $"{footerLead} — page {page} / {pages}",
                Watermark: options.Watermark));
    }

    private static void Letterhead(PdfFlowDocument flow, SignalementDocument doc)
    {
        var width = flow.ContentWidth;
        var leftWidth = width * 0.46;
        var rightX = width * 0.54;

        var sender = new List<PdfSpan> { new(TypedText(doc.Sender.Organisation), BlockBold) };
        sender.AddRange(doc.Sender.AddressLines.Select(line => new PdfSpan(TypedText(line), Block)));
        if (!string.IsNullOrWhiteSpace(doc.Sender.Phone))
        {
            sender.Add(new PdfSpan(Label("Tél. : ") + TypedText(doc.Sender.Phone), Block));
        }

        if (!string.IsNullOrWhiteSpace(doc.Sender.Email))
        {
            sender.Add(new PdfSpan(Label("Courriel : ") + TypedText(doc.Sender.Email), Block));
        }

        var recipients = new List<PdfSpan>();
        AddRecipients(recipients, "À", doc.To);
        if (doc.Copy.Count > 0)
        {
            if (recipients.Count > 0)
            {
                recipients.Add(new PdfSpan(string.Empty, Block with { LineSpacing = 0.8 }));
            }

            AddRecipients(recipients, "Copie à", doc.Copy);
        }

        flow.Columns([new PdfColumn(0, leftWidth, sender), new PdfColumn(rightX, width - rightX, recipients)]);

        flow.Space(PdfPageSetup.Mm(9));
        flow.Columns(
        [
            new PdfColumn(0, leftWidth, [new PdfSpan(Label("Réf. : ") + TypedText(doc.Reference), BodyBold)]),
            new PdfColumn(rightX, width - rightX, [new PdfSpan(TypedText(FrenchDate.PlaceAndDate(doc.Place, doc.Date)), Body, PdfAlign.Right)]),
        ]);

        flow.Space(PdfPageSetup.Mm(8));
        // On one line when a slightly smaller size allows it, rather than one word alone on a second line.
        var title = Label(doc.Title);
        var style = TitleSizes.Select(size => Title with { Size = size }).FirstOrDefault(s => flow.Width(title, s) <= width) ?? Title;
        flow.Paragraph(title, style, PdfAlign.Center);
        flow.Space(PdfPageSetup.Mm(2));
        flow.Rule(width * 0.3, width * 0.4, height: 4, thickness: 0.6, grey: 100);
    }

    private static void AddRecipients(List<PdfSpan> spans, string label, IReadOnlyList<DocumentRecipient> recipients)
    {
        if (recipients.Count == 0)
        {
            return;
        }

        spans.Add(new PdfSpan(Label(label + " :"), BlockLabel));
        for (var i = 0; i < recipients.Count; i++)
        {
            if (i > 0)
            {
                spans.Add(new PdfSpan(string.Empty, Block with { LineSpacing = 0.6 }));
            }

            spans.Add(new PdfSpan(TypedText(recipients[i].Name), BlockBold));
            spans.AddRange(recipients[i].AddressLines.Select(line => new PdfSpan(TypedText(line), Block)));
        }
    }

    private static void Identity(PdfFlowDocument flow, IReadOnlyList<LabelledValue> minor)
    {
        if (minor.Count == 0)
        {
            return;
        }

        flow.Space(PdfPageSetup.Mm(6));
        flow.Heading(Label("Mineur(e) concerné(e)"), SectionHeading);
        flow.Space(PdfPageSetup.Mm(1.5));
        LabelledValues(flow, minor);
    }

    private static void Section(PdfFlowDocument flow, DocumentSection section)
    {
        flow.Space(PdfPageSetup.Mm(6));
        flow.Heading(Label($"{section.Number}. {section.Title}"), SectionHeading);
        flow.Space(PdfPageSetup.Mm(1.5));

        var printed = false;
        foreach (var paragraph in section.Paragraphs)
        {
            switch (paragraph)
            {
                case TextParagraph text when !string.IsNullOrWhiteSpace(text.Text):
                    if (printed)
                    {
                        flow.Space(PdfPageSetup.Mm(2.5));
                    }

                    flow.Paragraph(TypedText(text.Text), Body);
                    printed = true;
                    break;
                case LabelledList list when list.Items.Count > 0:
                    if (printed)
                    {
                        flow.Space(PdfPageSetup.Mm(2.5));
                    }

                    LabelledValues(flow, list.Items);
                    printed = true;
                    break;
            }
        }

        if (!printed)
        {
            flow.Paragraph(Label(EmptySection), Muted);
        }
    }

    private static void LabelledValues(PdfFlowDocument flow, IReadOnlyList<LabelledValue> items)
    {
        var valueX = LabelWidth + ColumnGap;
        for (var i = 0; i < items.Count; i++)
        {
            if (i > 0)
            {
                flow.Space(PdfPageSetup.Mm(1.2));
            }

            var label = items[i].Label.TrimEnd(' ', ':', NoBreakSpace);
            flow.Columns(
            [
                new PdfColumn(0, LabelWidth, [new PdfSpan(Label(label + " :"), BodyBold)]),
                new PdfColumn(valueX, flow.ContentWidth - valueX, [new PdfSpan(TypedText(items[i].Value), Body)]),
            ]);
        }
    }

    /// <summary>Place and date, then the authors two by two, each over a line to sign on; each pair stays on one page.</summary>
    private static void Signatures(PdfFlowDocument flow, SignalementDocument doc)
    {
        var width = flow.ContentWidth;
        var columnWidth = (width - ColumnGap) / 2;
        flow.Space(PdfPageSetup.Mm(10));
        flow.KeepTogether(() =>
        {
            flow.Paragraph(TypedText($"Fait à {doc.Place}, le {FrenchDate.Written(doc.Date)}"), Body);
            if (doc.Authors.Count == 0)
            {
                return;
            }

            flow.Space(PdfPageSetup.Mm(4));
            flow.Paragraph(Label(doc.Authors.Count == 1 ? "Signataire :" : "Signataires :"), BlockLabel);
            flow.Space(PdfPageSetup.Mm(1));
            AuthorPair(flow, doc.Authors.Take(2).ToList(), columnWidth);
        });

        for (var first = 2; first < doc.Authors.Count; first += 2)
        {
            var pair = doc.Authors.Skip(first).Take(2).ToList();
            flow.Space(PdfPageSetup.Mm(8));
            flow.KeepTogether(() => AuthorPair(flow, pair, columnWidth));
        }
    }

    private static void AuthorPair(PdfFlowDocument flow, IReadOnlyList<DocumentAuthor> authors, double columnWidth)
    {
        var columns = authors
            .Select((author, index) => new PdfColumn(index * (columnWidth + ColumnGap), columnWidth, AuthorLines(author)))
            .ToList();
        flow.Columns(columns);

        // The labels on one line across the pair, whatever the number of lines above each.
        flow.Space(Block.LineHeight * 0.8);
        flow.Columns([.. columns.Select(c => c with { Spans = [new PdfSpan(Label("Signature :"), Block with { Italic = true, Grey = 90 })] })]);
        flow.Space(PdfPageSetup.Mm(13));
        flow.Rules(columns.Select(c => (c.X, c.Width * 0.8)).ToList(), thickness: 0.5, grey: 90);
    }

    private static List<PdfSpan> AuthorLines(DocumentAuthor author)
    {
        var lines = new List<PdfSpan>
        {
            new(TypedText(author.Name), BlockBold),
            new(TypedText(author.Function), Block),
            new(TypedText(author.Organisation), Block),
        };
        if (!string.IsNullOrWhiteSpace(author.Phone))
        {
            lines.Add(new PdfSpan(Label("Tél. : ") + TypedText(author.Phone), Block));
        }

        if (!string.IsNullOrWhiteSpace(author.Email))
        {
            lines.Add(new PdfSpan(Label("Courriel : ") + TypedText(author.Email), Block));
        }

        return lines;
    }
}
