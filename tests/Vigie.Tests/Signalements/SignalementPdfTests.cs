using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;
using Vigie.Web.Features.Signalements.Documents;
using Vigie.Web.Platform.Pdf;

namespace Vigie.Tests.Signalements;

/// <summary>
/// The signalement PDF read back with PdfPig: what a clerk reads must be there, in order, on pages
/// that are all numbered, whatever people typed.
/// </summary>
public sealed partial class SignalementPdfTests
{
    private static readonly DateTimeOffset CreatedAt = new(2026, 11, 29, 10, 30, 0, TimeSpan.Zero);
    private static readonly double Margin = PdfPageSetup.Mm(20);

    private static readonly string[] SectionTitles =
    [
        "Identité du/de la mineur(e) et situation familiale",
        "Faits constatés",
        "Paroles du/de la mineur(e)",
        "Indicateurs observés",
        "Famille et titulaires de l'autorité parentale",
        "Actions déjà menées",
        "Analyse de la situation",
        "Mesures sollicitées",
    ];

    [Fact]
    public void Every_section_title_and_the_letterhead_are_in_the_pdf()
    {
        var text = Squeeze(string.Concat(PageTexts(Render(Document()))));

        Assert.Contains(Squeeze(SignalementDocument.SignalementTitle), text);
        foreach (var (title, number) in SectionTitles.Select((t, i) => (t, i + 1)))
        {
            Assert.Contains(Squeeze($"{number}. {title}"), text);
        }

        foreach (var expected in new[]
        {
            "Réf. : SIG-2026-000123", "Lyon, le 29 novembre 2026", "Service de protection de l'enfance",
            "Monsieur le Procureur de la République", "Copie à :", "CRIP du Rhône", "Mineur(e) concerné(e)",
            "Prénom(s) :", "Camille", "Fait à Lyon, le 29 novembre 2026", "Jeanne Exemple", "Signature :",
        })
        {
            Assert.Contains(Squeeze(expected), text);
        }
    }

    [Fact]
    public void Accented_and_special_characters_round_trip()
    {
        const string Special = "é è ê à ç œ Œ É « » ’ — … ù û ï ô Ç À";
        var doc = Document(sections:
        [
            new DocumentSection(1, "Faits constatés", [new TextParagraph($"Texte : {Special}")]),
            new DocumentSection(2, "Indicateurs observés", [new LabelledList([new LabelledValue("Cœur d'Éloïse", Special)])]),
        ]);

        var text = Squeeze(string.Concat(PageTexts(Render(doc))));

        Assert.Contains(Squeeze($"Texte : {Special}"), text);
        Assert.Contains(Squeeze($"Cœur d'Éloïse : {Special}"), text);
    }

    [Fact]
    public void Every_page_says_page_n_of_the_page_count()
    {
        var pdf = Render(Document(sections: [new DocumentSection(2, "Faits constatés", NumberedWords(1500, 50))]));
        using var document = PdfDocument.Open(pdf);
        var pages = document.GetPages().ToList();

        Assert.True(pages.Count >= 3, $"{pages.Count} pages");
        foreach (var page in pages)
        {
            Assert.Contains($"Signalement SIG-2026-000123 — page {page.Number} / {pages.Count}", Spaces(page.Text));
            Assert.Contains(Squeeze(SignalementPdf.ConfidentialityLine), Squeeze(page.Text));
        }
    }

    [Fact]
    public void Ten_pages_of_facts_flow_over_pages_with_every_word_once_and_in_order_inside_the_margins()
    {
        const int Words = 5500;
        var pdf = Render(Document(sections: [.. Sections().Select(s => s.Number == 2 ? s with { Paragraphs = NumberedWords(Words, 60) } : s)]));
        using var document = PdfDocument.Open(pdf);
        var pages = document.GetPages().ToList();

        Assert.True(pages.Count >= 10, $"{pages.Count} pages");
        var found = pages.SelectMany(p => WordPattern().Matches(p.Text).Select(m => m.Value)).ToList();
        Assert.Equal(Enumerable.Range(1, Words).Select(Word), found);

        // No line cut at a page bottom: every word of the facts lies whole between the margins.
        foreach (var page in pages)
        {
            foreach (var word in page.GetWords().Where(w => w.Text.StartsWith("mot", StringComparison.Ordinal)))
            {
                Assert.InRange(word.BoundingBox.Bottom, Margin - 0.5, page.Height - Margin + 0.5);
                Assert.InRange(word.BoundingBox.Top, Margin - 0.5, page.Height - Margin + 0.5);
                Assert.InRange(word.BoundingBox.Right, Margin - 0.5, page.Width - Margin + 0.5);
            }
        }
    }

    [Fact]
    public void A_3000_character_word_without_spaces_is_broken_inside_the_margins_and_nothing_is_lost()
    {
        var word = new StringBuilder();
        for (var i = 0; word.Length < 3000; i++)
        {
            word.Append((char)('a' + (i % 26))).Append(i % 10);
        }

        var longWord = word.ToString(0, 3000);
        var pdf = Render(Document(sections: [new DocumentSection(2, "Faits constatés", [new TextParagraph($"Avant {longWord} après")])]));
        using var document = PdfDocument.Open(pdf);

        // Its lines run on to the next page: read the pages' bodies only, without headers and footers.
        var text = Squeeze(string.Concat(document.GetPages().Select(BodyText)));
        Assert.Contains($"Avant{longWord}après", text);
        Assert.True(document.NumberOfPages >= 2, $"{document.NumberOfPages} pages");
        foreach (var page in document.GetPages())
        {
            Assert.InRange(page.Letters.Min(l => l.BoundingBox.Left), Margin - 1, page.Width);
            Assert.InRange(page.Letters.Max(l => l.BoundingBox.Right), Margin, page.Width - Margin + 0.5);
        }
    }

    [Fact]
    public void A_long_link_breaks_after_a_slash_or_a_hyphen_rather_than_inside_a_word()
    {
        var link = "https://exemple.invalid/" + string.Concat(Enumerable.Range(1, 40).Select(i => $"dossier-numero{i:00}/"));
        var pdf = Render(Document(sections: [new DocumentSection(2, "Faits constatés", [new TextParagraph(link)])]));
        using var document = PdfDocument.Open(pdf);

        var lines = document.GetPages().SelectMany(Lines).Select(l => string.Concat(l.Select(x => x.Value)).Trim())
            .SkipWhile(l => !l.StartsWith("https://", StringComparison.Ordinal)).ToList();
        var linkLines = lines.TakeWhile(l => !l.Contains("Identité", StringComparison.Ordinal) && !l.StartsWith('3')).ToList();
        var brokenLines = linkLines.TakeWhile(l => !link.EndsWith(l, StringComparison.Ordinal)).ToList();

        Assert.Equal(link, string.Concat(linkLines.Take(brokenLines.Count + 1)));
        Assert.True(brokenLines.Count >= 2, $"{brokenLines.Count} broken lines");
        Assert.All(brokenLines, line => Assert.True(line[^1] is '/' or '-', line));
    }

    [Fact]
    public void The_information_preoccupante_title_fits_on_one_line_and_signature_labels_line_up()
    {
        var doc = Document() with { Kind = SignalementDocumentKind.InformationPreoccupante, Reference = "IP-2026-000042" };
        using var document = PdfDocument.Open(Render(doc));
        var words = document.GetPages().SelectMany(p => p.GetWords().Select(w => (p.Number, w.Text, Baseline: Math.Round(w.Letters[0].StartBaseLine.Y, 1)))).ToList();

        var title = words.Where(w => w.Number == 1 && w.Baseline > Margin && w.Text is "Information" or "prostitution").ToList();
        Assert.Equal(2, title.Count);
        Assert.Equal(title[0].Baseline, title[1].Baseline);

        // Two authors with different numbers of lines: both "Signature" labels on one baseline.
        var signatures = words.Where(w => w.Text == "Signature").ToList();
        Assert.Equal(2, signatures.Count);
        Assert.Equal((signatures[0].Number, signatures[0].Baseline), (signatures[1].Number, signatures[1].Baseline));
    }

    [Fact]
    public void The_watermark_is_on_every_page_when_given()
    {
        const string Watermark = "Téléchargé par Camille Martin le 29/11/2026 à 14:05";
        var pdf = SignalementPdf.Render(
            Document(sections: [new DocumentSection(2, "Faits constatés", NumberedWords(1200, 40))]),
            new PdfRenderOptions(CreatedAt, Watermark));

        var pages = PageTexts(pdf);
        Assert.True(pages.Count >= 2, $"{pages.Count} pages");
        Assert.All(pages, text => Assert.Contains(Squeeze(Watermark), Squeeze(text)));
    }

    [Fact]
    public void Without_a_watermark_no_page_carries_one()
    {
        var pages = PageTexts(Render(Document(sections: [new DocumentSection(2, "Faits constatés", NumberedWords(1200, 40))])));

        Assert.All(pages, text => Assert.DoesNotContain("Téléchargé", text, StringComparison.Ordinal));
    }

    [Fact]
    public void Html_and_script_typed_in_a_paragraph_are_printed_literally()
    {
        const string Typed = "<script>alert('x')</script> <b>gras</b> &amp; &lt;i&gt; <img src=x onerror=alert(1)>";
        var text = Squeeze(string.Concat(PageTexts(Render(Document(sections:
        [
            new DocumentSection(2, "Faits constatés", [new TextParagraph(Typed)]),
            new DocumentSection(4, "Indicateurs observés", [new LabelledList([new LabelledValue("Autre", Typed)])]),
        ])))));

        Assert.Equal(2, Regex.Count(text, Regex.Escape(Squeeze(Typed))));
    }

    [Fact]
    public void Empty_sections_and_an_empty_document_render_and_say_so()
    {
        var emptySections = Document(sections:
        [
            new DocumentSection(1, "Faits constatés", []),
            new DocumentSection(2, "Paroles du/de la mineur(e)", [new TextParagraph(""), new TextParagraph("  \r\n\t ")]),
            new DocumentSection(3, "Indicateurs observés", [new LabelledList([])]),
        ]);
        var text = Squeeze(string.Concat(PageTexts(Render(emptySections))));
        Assert.Equal(3, Regex.Count(text, Regex.Escape(Squeeze(SignalementPdf.EmptySection))));

        var bare = new SignalementDocument(
            SignalementDocumentKind.Signalement, "SIG-2026-000001", new DocumentSender("", [], null, null),
            [], [], "", new DateOnly(2026, 1, 1), [], [], []);
        var pages = PageTexts(Render(bare));
        Assert.Single(pages);
        Assert.Contains("page 1 / 1", Spaces(pages[0]));
    }

    [Fact]
    public void Characters_the_font_lacks_and_broken_text_do_not_stop_the_rendering()
    {
        var typed = "中文 — 🦄🏳️‍🌈 — e\u0301 — \uFFFF \uD800 fin" + new string(' ', 600) + "suite\n" + new string(' ', 5000) + "indenté";
        var pdf = Render(Document(sections: [new DocumentSection(2, "Faits constatés", [new TextParagraph(typed)])]));
        using var document = PdfDocument.Open(pdf);

        var text = Squeeze(string.Concat(document.GetPages().Select(p => p.Text)));
        Assert.Contains("fin", text, StringComparison.Ordinal);
        Assert.Contains("suiteindenté", text, StringComparison.Ordinal);
        Assert.All(document.GetPages(), page =>
            Assert.InRange(page.Letters.Max(l => l.BoundingBox.Right), Margin, page.Width - Margin + 0.5));
    }

    [Fact]
    public void The_document_information_has_the_creation_date_given_the_title_and_Vigie_as_author()
    {
        using var document = PdfDocument.Open(Render(Document()));

        Assert.Equal(CreatedAt, document.Information.GetCreatedDateTimeOffset());
        Assert.Equal("Vigie", document.Information.Author);
        Assert.Equal("Signalement SIG-2026-000123", document.Information.Title);
    }

    [Fact]
    public void An_information_preoccupante_has_its_own_title_and_footer()
    {
        var doc = Document() with { Kind = SignalementDocumentKind.InformationPreoccupante, Reference = "IP-2026-000042" };
        var pages = PageTexts(Render(doc));

        var text = Squeeze(string.Concat(pages));
        Assert.Contains(Squeeze(SignalementDocument.InformationPreoccupanteTitle), text);
        Assert.DoesNotContain(Squeeze(SignalementDocument.SignalementTitle), text);
        Assert.Contains($"Information préoccupante IP-2026-000042 — page 1 / {pages.Count}", Spaces(pages[0]));
    }

    [Fact]
    public void No_line_starts_with_a_french_punctuation_mark_typed_after_a_space()
    {
        var typed = string.Join(' ', Enumerable.Range(1, 200).Select(i => i % 3 == 0 ? $"Pourquoi ? mot{i} :" : $"« citation{i} » ; fin{i} !"));
        var pdf = Render(Document(sections: [new DocumentSection(2, "Faits constatés", [new TextParagraph(typed)])]));
        using var document = PdfDocument.Open(pdf);

        var lineStarts = 0;
        foreach (var page in document.GetPages())
        {
            foreach (var line in Lines(page))
            {
                var first = line.First(l => !string.IsNullOrWhiteSpace(l.Value)).Value[0];
                Assert.DoesNotContain(first, ":;!?»");
                var last = line.Last(l => !string.IsNullOrWhiteSpace(l.Value)).Value[0];
                Assert.NotEqual('«', last);
                lineStarts++;
            }
        }

        Assert.True(lineStarts > 20, $"{lineStarts} lines");
    }

    [Fact]
    public void A_heading_is_never_left_at_the_bottom_of_a_page_without_two_lines_of_its_text()
    {
        // The filler pushes the heading one line further down at each round, across a page end.
        for (var filler = 44; filler <= 60; filler++)
        {
            var sections = new List<DocumentSection>
            {
                new(1, "Faits constatés", [.. Enumerable.Range(1, filler).Select(i => new TextParagraph($"ligne{i:000}"))]),
                new(2, "Titre surveillé", [new TextParagraph(string.Join(' ', Enumerable.Range(1, 40).Select(i => $"suite{i:00}")))]),
            };
            using var document = PdfDocument.Open(Render(Document(sections: sections)));

            var headingPage = PageOf(document, "Titresurveillé");
            var firstLinesPage = PageOf(document, "suite01");
            var secondLine = document.GetPages().SelectMany(p => Lines(p).Select(l => (p.Number, Text: string.Concat(l.Select(x => x.Value)))))
                .SkipWhile(l => !l.Text.Contains("suite01", StringComparison.Ordinal)).Skip(1).First();
            Assert.Equal(headingPage, firstLinesPage);
            Assert.Equal(headingPage, secondLine.Number);
        }
    }

    [Fact]
    public void Rendering_in_parallel_registers_the_fonts_once_and_gives_the_same_text()
    {
        var doc = Document();
        var texts = new string[8];

        Parallel.For(0, texts.Length, i =>
        {
            PdfFonts.EnsureRegistered();
            texts[i] = string.Join('\f', PageTexts(Render(doc)));
        });

        Assert.All(texts, t => Assert.Equal(texts[0], t));
    }

    [Theory]
    [InlineData("Nom :", "Nom\u00A0:")]
    [InlineData("Nom:", "Nom\u00A0:")]
    [InlineData("Pourquoi ?", "Pourquoi\u202F?")]
    [InlineData("Attention!", "Attention\u202F!")]
    [InlineData("un ; deux", "un\u202F; deux")]
    [InlineData("«Vigie»", "«\u00A0Vigie\u00A0»")]
    [InlineData("« Vigie »", "«\u00A0Vigie\u00A0»")]
    [InlineData("Quoi ?!", "Quoi\u202F?!")]
    [InlineData("à 10:30", "à 10:30")]
    [InlineData("https://exemple.invalid/?page=2", "https://exemple.invalid/?page=2")]
    public void Labels_get_french_no_break_spaces(string label, string expected) =>
        Assert.Equal(expected, FrenchTypography.Label(label));

    [Fact]
    public void Typed_text_is_kept_but_for_line_endings_tabs_and_control_characters()
    {
        Assert.Equal("a\nb\nc\nd", FrenchTypography.TypedText("a\r\nb\rc\nd"));
        Assert.Equal("col1    col2", FrenchTypography.TypedText("col1\tcol2"));
        Assert.Equal("bip", FrenchTypography.TypedText("b\u0007ip"));
        Assert.Equal("Pourquoi ? « mot » <b>", FrenchTypography.TypedText("Pourquoi ? « mot » <b>"));
        Assert.Equal(string.Empty, FrenchTypography.TypedText(null));
    }

    [Fact]
    public void French_dates_are_written_out_with_the_first_of_the_month_as_1er()
    {
        Assert.Equal("29 novembre 2026", FrenchDate.Written(new DateOnly(2026, 11, 29)));
        Assert.Equal("1er décembre 2026", FrenchDate.Written(new DateOnly(2026, 12, 1)));
        Assert.Equal("Lyon, le 2 février 2027", FrenchDate.PlaceAndDate("Lyon", new DateOnly(2027, 2, 2)));
    }

    [Fact]
    public void The_written_date_of_an_instant_is_the_paris_calendar_date()
    {
        // 23:30 UTC on 29 November is 00:30 on 30 November in Paris (UTC+1 in winter).
        Assert.Equal("30 novembre 2026", FrenchDate.Written(new DateTimeOffset(2026, 11, 29, 23, 30, 0, TimeSpan.Zero)));
        // 21:30 UTC on 30 June is 23:30 the same day in Paris (UTC+2 in summer).
        Assert.Equal("30 juin 2026", FrenchDate.Written(new DateTimeOffset(2026, 6, 30, 21, 30, 0, TimeSpan.Zero)));
    }

    private static byte[] Render(SignalementDocument doc) => SignalementPdf.Render(doc, new PdfRenderOptions(CreatedAt));

    private static string Word(int i) => $"mot{i.ToString("0000", CultureInfo.InvariantCulture)}";

    /// <summary>"mot0001 mot0002 …" in paragraphs of <paramref name="perParagraph"/> words.</summary>
    private static List<DocumentParagraph> NumberedWords(int count, int perParagraph) =>
        [.. Enumerable.Range(1, count).Chunk(perParagraph).Select(chunk => new TextParagraph(string.Join(' ', chunk.Select(Word))))];

    private static SignalementDocument Document(IReadOnlyList<DocumentSection>? sections = null) => new(
        SignalementDocumentKind.Signalement,
        "SIG-2026-000123",
        new DocumentSender("Service de protection de l'enfance", ["1 place de l'Exemple", "69003 Lyon"], "04 00 00 00 00", "pe@exemple.invalid"),
        [new DocumentRecipient("Monsieur le Procureur de la République", ["Parquet des mineurs", "Tribunal judiciaire de Lyon"])],
        [new DocumentRecipient("CRIP du Rhône", ["2 rue de l'Exemple", "69003 Lyon"])],
        "Lyon",
        new DateOnly(2026, 11, 29),
        [new LabelledValue("Nom", "MARTIN"), new LabelledValue("Prénom(s)", "Camille"), new LabelledValue("Né(e) le", "3 avril 2011")],
        sections ?? Sections(),
        [
            new DocumentAuthor("Jeanne Exemple", "Assistante sociale", "Service de protection de l'enfance", "04 00 00 00 01", "je@exemple.invalid"),
            new DocumentAuthor("Paul Exemple", "Éducateur", "Prévention spécialisée", null, null),
        ]);

    private static List<DocumentSection> Sections() =>
        [.. SectionTitles.Select((title, i) => new DocumentSection(i + 1, title, [new TextParagraph($"Contenu de la section {i + 1}.")]))];

    private static List<string> PageTexts(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return [.. document.GetPages().Select(p => p.Text)];
    }

    private static int PageOf(PdfDocument document, string squeezed) =>
        document.GetPages().First(p => Squeeze(p.Text).Contains(squeezed, StringComparison.Ordinal)).Number;

    /// <summary>The letters of a page grouped into lines by baseline, top to bottom, each left to right (upright text only).</summary>
    private static IEnumerable<List<Letter>> Lines(Page page) =>
        page.Letters
            .Where(l => l.TextOrientation == TextOrientation.Horizontal)
            .GroupBy(l => Math.Round(l.StartBaseLine.Y, 1))
            .OrderByDescending(g => g.Key)
            .Select(g => g.OrderBy(l => l.StartBaseLine.X).ToList())
            .Where(line => line.Any(l => !string.IsNullOrWhiteSpace(l.Value)));

    /// <summary>The letters between the top and bottom margins, in the order they were drawn.</summary>
    private static string BodyText(Page page) =>
        string.Concat(page.Letters.Where(l => l.StartBaseLine.Y > Margin && l.StartBaseLine.Y < page.Height - Margin).Select(l => l.Value));

    /// <summary>Text without any whitespace (ordinary, no-break or narrow no-break), to compare across line breaks.</summary>
    private static string Squeeze(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));

    /// <summary>No-break spaces as ordinary spaces.</summary>
    private static string Spaces(string text) => text.Replace('\u00A0', ' ').Replace('\u202F', ' ');

    [GeneratedRegex(@"mot\d{4}")]
    private static partial Regex WordPattern();
}
