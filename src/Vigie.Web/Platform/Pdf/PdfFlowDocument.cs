using System.Globalization;
using System.Text;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Vigie.Web.Platform.Pdf;

/// <summary>
/// A small flow layout on top of PDFsharp: paragraphs word-wrapped to the width of their column,
/// laid out line by line onto as many pages as they need, then drawn with a header, a "page n / N"
/// footer and an optional watermark on every page.
/// <list type="bullet">
/// <item>A page break never cuts a line: a line that does not fit goes whole to the next page.</item>
/// <item>A heading stays on the page of the first two lines that follow it; a paragraph leaves
/// neither its first line alone at the bottom of a page nor its last line alone at the top of the
/// next; <see cref="KeepTogether"/> keeps a block on one page when it fits on one.</item>
/// <item>A word wider than its column (a pasted link, a key held down) is broken between characters,
/// preferably after a / - . @ _.</item>
/// <item>Lines break at ordinary spaces only; « : ; ! ? » never start a line and « never ends one;
/// digit groups typed with spaces (a phone number, "1 500 €") stay on one line.</item>
/// </list>
/// Text is drawn as it is given: callers pass Vigie's wording through <see cref="FrenchTypography.Label"/>
/// and people's text through <see cref="FrenchTypography.TypedText"/>.
/// </summary>
public sealed class PdfFlowDocument : IDisposable
{
    private const double WidthTolerance = 0.01;

    private readonly PdfDocument _document = new();
    private readonly XGraphics _measure;
    private readonly Dictionary<(double Size, bool Bold, bool Italic), XFont> _fonts = [];
    private readonly List<Line> _lines = [];
    private double _pendingSpace;
    private int _pendingKeepLines;
    private bool _rendered;
    private bool _pendingBreak;
    private string? _pendingAnchor;
    private readonly Dictionary<string, int> _anchorPages = [];

    public PdfFlowDocument(PdfPageSetup page)
    {
        ArgumentNullException.ThrowIfNull(page);
        PdfFonts.EnsureRegistered();
        Page = page;
        _measure = XGraphics.CreateMeasureContext(new XSize(page.Width, page.Height), XGraphicsUnit.Point, XPageDirection.Downwards, _document.RenderEvents);
    }

    public PdfPageSetup Page { get; }

    /// <summary>Width between the left and right margins, in points.</summary>
    public double ContentWidth => Page.ContentWidth;

    /// <summary>The width of one line of <paramref name="text"/> in <paramref name="style"/>, in points.</summary>
    public double Width(string text, PdfTextStyle style)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(style);
        return Measure(text, Font(style));
    }

    /// <summary>Vertical space before the next line (collapsed at the top of a page).</summary>
    public void Space(double points) => _pendingSpace += points;

    /// <summary>A paragraph across the content width, or indented by <paramref name="indent"/> points.</summary>
    public void Paragraph(string text, PdfTextStyle style, PdfAlign align = PdfAlign.Left, double indent = 0) =>
        Columns([new PdfColumn(indent, ContentWidth - indent, [new PdfSpan(text, style, align)])]);

    /// <summary>A heading, kept on the page of the first two lines that follow it.</summary>
    public void Heading(string text, PdfTextStyle style, double indent = 0)
    {
        var start = _lines.Count;
        Paragraph(text, style, PdfAlign.Left, indent);
        for (var i = start; i < _lines.Count; i++)
        {
            _lines[i].KeepWithNext = true;
        }

        _pendingKeepLines = 1;
    }

    /// <summary>
    /// Columns side by side (sender and recipients, label and value), each wrapped to its own width;
    /// their lines are laid out row by row, so a page break falls between two rows.
    /// </summary>
    public void Columns(IReadOnlyList<PdfColumn> columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        var wrapped = columns.Select(column => column.Spans.SelectMany(span => WrapSpan(column, span)).ToList()).ToList();
        var rows = wrapped.Count == 0 ? 0 : wrapped.Max(c => c.Count);
        if (rows == 0)
        {
            return;
        }

        var start = _lines.Count;
        for (var row = 0; row < rows; row++)
        {
            var cells = wrapped.Where(c => row < c.Count).Select(c => c[row]).ToList();
            var line = new Line { Height = cells.Max(c => c.Height) };
            var baseline = cells.Max(c => c.Baseline);
            foreach (var cell in cells)
            {
                if (cell.Text.Length > 0)
                {
                    line.Runs.Add(new Run(Page.MarginLeft + cell.X, baseline, cell.Text, cell.Font, cell.Grey));
                }
            }

            Add(line);
        }

        // A lone first or last line would be orphaned on its page.
        var count = _lines.Count - start;
        if (count >= 2)
        {
            _lines[start].KeepWithNext = true;
            _lines[^2].KeepWithNext = true;
        }
    }

    /// <summary>A horizontal rule <paramref name="height"/> points high, drawn across its middle.</summary>
    public void Rule(double x, double width, double height = 6, double thickness = 0.5, byte grey = 120) =>
        Rules([(x, width)], height, thickness, grey);

    /// <summary>Rules side by side on one line (signature lines under columns), x from the content's left edge.</summary>
    public void Rules(IReadOnlyList<(double X, double Width)> segments, double height = 6, double thickness = 0.5, byte grey = 120)
    {
        ArgumentNullException.ThrowIfNull(segments);
        var line = new Line { Height = height };
        foreach (var (x, width) in segments)
        {
            line.Rules.Add(new RuleMark(Page.MarginLeft + x, height / 2, width, thickness, grey));
        }

        Add(line);
    }

    /// <summary>
    /// A PNG image <paramref name="width"/> × <paramref name="height"/> points at <paramref name="x"/>
    /// from the content's left edge, on one line of its own (never cut by a page break).
    /// </summary>
    public void Image(byte[] png, double width, double height, double x = 0)
    {
        ArgumentNullException.ThrowIfNull(png);
        var line = new Line { Height = height };
        line.Images.Add(new ImageMark(Page.MarginLeft + x, width, height, png));
        Add(line);
    }

    /// <summary>Names the next line, so <see cref="AnchorPages"/> tells on which page it landed (a table of contents).</summary>
    public void Anchor(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        _pendingAnchor = name;
    }

    /// <summary>After <see cref="Render"/>: the page number (from 1) of each anchor.</summary>
    public IReadOnlyDictionary<string, int> AnchorPages => _anchorPages;

    /// <summary>The next line starts a new page (the cover, the table of contents).</summary>
    public void PageBreak()
    {
        _pendingSpace = 0;
        _pendingBreak = true;
    }

    /// <summary>Everything added inside <paramref name="block"/> stays on one page when it fits on one.</summary>
    public void KeepTogether(Action block)
    {
        ArgumentNullException.ThrowIfNull(block);
        var start = _lines.Count;
        block();
        for (var i = start; i < _lines.Count - 1; i++)
        {
            _lines[i].KeepWithNext = true;
        }
    }

    /// <summary>Lays the flow out onto pages and writes the PDF. Once only.</summary>
    public byte[] Render(PdfProperties properties, PdfPageMarks marks)
    {
        ArgumentNullException.ThrowIfNull(properties);
        ArgumentNullException.ThrowIfNull(marks);
        if (_rendered)
        {
            throw new InvalidOperationException("A flow document is rendered once.");
        }

        _rendered = true;

        var pages = Paginate();
        SetProperties(properties);
        var total = pages.Count;
        for (var number = 1; number <= total; number++)
        {
            var page = _document.AddPage();
            page.Width = XUnit.FromPoint(Page.Width);
            page.Height = XUnit.FromPoint(Page.Height);
            using var gfx = XGraphics.FromPdfPage(page, XGraphicsUnit.Point);
            if (!string.IsNullOrWhiteSpace(marks.Watermark))
            {
                DrawWatermark(gfx, marks.Watermark);
            }

            if (!string.IsNullOrEmpty(marks.Header))
            {
                DrawHeader(gfx, marks.Header);
            }

            foreach (var (line, top) in pages[number - 1])
            {
                Draw(gfx, line, top);
            }

            if (marks.Footer is not null)
            {
                DrawFooter(gfx, marks.Footer(number, total));
            }
        }

        using var output = new MemoryStream();
        _document.Save(output, closeStream: false);
        return output.ToArray();
    }

    public void Dispose()
    {
        _measure.Dispose();
        _document.Dispose();
    }

    /// <summary>Places every line on a page, from the top margin down, never below the bottom margin.</summary>
    private List<List<(Line Line, double Top)>> Paginate()
    {
        var top = Page.MarginTop;
        var bottom = Page.Height - Page.MarginBottom;
        var pages = new List<List<(Line, double)>> { new() };
        var y = top;
        var decidedUntil = -1;
        for (var i = 0; i < _lines.Count; i++)
        {
            var line = _lines[i];
            if (line.BreakBefore && pages[^1].Count > 0)
            {
                pages.Add([]);
                y = top;
            }

            var atTop = pages[^1].Count == 0;

            // A chain of lines kept together goes to a new page as a whole when it fits on one.
            if (i > decidedUntil && line.KeepWithNext)
            {
                var end = i;
                var height = line.Height;
                while (_lines[end].KeepWithNext && end + 1 < _lines.Count)
                {
                    end++;
                    height += _lines[end].SpaceBefore + _lines[end].Height;
                }

                decidedUntil = end;
                if (!atTop && height <= Page.ContentHeight && y + line.SpaceBefore + height > bottom)
                {
                    pages.Add([]);
                    y = top;
                    atTop = true;
                }
            }

            var space = atTop ? 0 : line.SpaceBefore;
            if (!atTop && y + space + line.Height > bottom)
            {
                pages.Add([]);
                y = top;
                space = 0;
            }

            pages[^1].Add((line, y + space));
            y += space + line.Height;
            if (line.Anchor is not null)
            {
                _anchorPages[line.Anchor] = pages.Count;
            }
        }

        return pages;
    }

    private void Add(Line line)
    {
        line.SpaceBefore = _pendingSpace;
        line.BreakBefore = _pendingBreak;
        line.Anchor = _pendingAnchor;
        _pendingSpace = 0;
        _pendingBreak = false;
        _pendingAnchor = null;
        if (_pendingKeepLines > 0)
        {
            line.KeepWithNext = true;
            _pendingKeepLines--;
        }

        _lines.Add(line);
    }

    private void Draw(XGraphics gfx, Line line, double top)
    {
        foreach (var run in line.Runs)
        {
            gfx.DrawString(run.Text, run.Font, Brush(run.Grey), new XPoint(run.X, top + run.Baseline), XStringFormats.BaseLineLeft);
        }

        foreach (var rule in line.Rules)
        {
            var y = top + rule.Y;
            gfx.DrawLine(new XPen(Grey(rule.Grey), rule.Thickness), rule.X, y, rule.X + rule.Width, y);
        }

        foreach (var image in line.Images)
        {
            using var stream = new MemoryStream(image.Png, writable: false);
            using var picture = XImage.FromStream(stream);
            gfx.DrawImage(picture, image.X, top, image.Width, image.Height);
        }
    }

    private void DrawHeader(XGraphics gfx, string header)
    {
        var style = new PdfTextStyle(8, Italic: true, Grey: 70);
        var font = Font(style);
        var y = Page.MarginTop * 0.55;
        foreach (var (text, width) in Wrap(header, font, ContentWidth).Take(1))
        {
            gfx.DrawString(text, font, Brush(style.Grey), new XPoint(Page.MarginLeft + ((ContentWidth - width) / 2), y), XStringFormats.BaseLineLeft);
        }

        gfx.DrawLine(new XPen(Grey(160), 0.4), Page.MarginLeft, y + 4, Page.Width - Page.MarginRight, y + 4);
    }

    private void DrawFooter(XGraphics gfx, string footer)
    {
        var style = new PdfTextStyle(8, Grey: 70);
        var font = Font(style);
        var y = Page.Height - (Page.MarginBottom * 0.45);
        gfx.DrawLine(new XPen(Grey(160), 0.4), Page.MarginLeft, y - 10, Page.Width - Page.MarginRight, y - 10);
        foreach (var (text, width) in Wrap(footer, font, ContentWidth).Take(1))
        {
            gfx.DrawString(text, font, Brush(style.Grey), new XPoint(Page.Width - Page.MarginRight - width, y), XStringFormats.BaseLineLeft);
        }
    }

    /// <summary>The watermark along the page's diagonal, as large as fits in 70 % of it (at most 36 pt), light grey, under the text.</summary>
    private void DrawWatermark(XGraphics gfx, string watermark)
    {
        var text = watermark.ReplaceLineEndings(" ");
        var diagonal = Math.Sqrt((Page.Width * Page.Width) + (Page.Height * Page.Height));
        var widthAtOnePoint = Measure(text, Font(new PdfTextStyle(10, Bold: true))) / 10;
        var size = Math.Clamp(diagonal * 0.7 / Math.Max(widthAtOnePoint, 0.01), 6, 36);
        var font = Font(new PdfTextStyle(Math.Round(size, 1), Bold: true));
        var angle = -Math.Atan2(Page.Height, Page.Width) * 180 / Math.PI;
        var centre = new XPoint(Page.Width / 2, Page.Height / 2);
        var state = gfx.Save();
        gfx.RotateAtTransform(angle, centre);
        gfx.DrawString(text, font, Brush(220), centre, XStringFormats.Center);
        gfx.Restore(state);
    }

    private void SetProperties(PdfProperties properties)
    {
        _document.Info.Title = properties.Title;
        _document.Info.Author = properties.Author;
        _document.Info.Creator = properties.Author;
        if (properties.Subject is not null)
        {
            _document.Info.Subject = properties.Subject;
        }

        // In UTC, whatever the server's time zone.
        _document.Info.CreationDate = properties.CreatedAt.UtcDateTime;
        _document.Info.ModificationDate = properties.CreatedAt.UtcDateTime;
        _document.Language = "fr-FR";
    }

    private IEnumerable<Cell> WrapSpan(PdfColumn column, PdfSpan span)
    {
        var font = Font(span.Style);
        var height = span.Style.LineHeight;

        // The baseline sits so that the font's own line box is centred in the line height.
        var ascent = font.Metrics.Ascent * span.Style.Size / font.Metrics.UnitsPerEm;
        var descent = font.Metrics.Descent * span.Style.Size / font.Metrics.UnitsPerEm;
        var baseline = ((height - (ascent + descent)) / 2) + ascent;
        foreach (var (text, width) in Wrap(span.Text, font, column.Width))
        {
            var x = span.Align switch
            {
                PdfAlign.Center => column.X + ((column.Width - width) / 2),
                PdfAlign.Right => column.X + column.Width - width,
                _ => column.X,
            };
            yield return new Cell(x, text, font, span.Style.Grey, height, baseline);
        }
    }

    /// <summary>
    /// Greedy line breaking at ordinary spaces. Spaces at the start of a paragraph line are kept
    /// (indentation typed on purpose); spaces at a break are dropped.
    /// </summary>
    private List<(string Text, double Width)> Wrap(string text, XFont font, double maxWidth)
    {
        var lines = new List<(string, double)>();
        var spaceWidth = Measure(" ", font);
        var limit = maxWidth + WidthTolerance;
        var current = new StringBuilder();
        foreach (var paragraphLine in text.Split('\n'))
        {
            var width = 0.0;
            var hasWord = false;
            var continuation = false;
            void Flush()
            {
                lines.Add((current.ToString(), width));
                current.Clear();
                width = 0;
                hasWord = false;
                continuation = true;
            }

            foreach (var (spaces, word) in Words(paragraphLine))
            {
                var wordWidth = Measure(word, font);

                // A word that fits on a line goes whole to the next one; a word longer than a line
                // starts where it is, unless less than a quarter of the line is left.
                var room = limit - width - (spaces * spaceWidth);
                if (hasWord && wordWidth > room && (wordWidth <= limit || room < limit / 4))
                {
                    Flush();
                }

                // Indentation typed at the start of a line is kept, up to half the line.
                var kept = hasWord ? spaces : continuation ? 0 : Math.Min(spaces, (int)(limit / 2 / spaceWidth));
                current.Append(' ', kept);
                width += kept * spaceWidth;
                if (width + wordWidth <= limit)
                {
                    current.Append(word);
                    width += wordWidth;
                    hasWord = true;
                    continue;
                }

                // A word longer than the line: broken between characters (never inside a surrogate
                // pair nor before a combining mark), after a / - . @ _ when one leaves the line at
                // least half full, so that links and addresses break where a reader expects.
                var breakAt = -1;
                var widthAtBreak = 0.0;
                var index = 0;
                while (index < word.Length)
                {
                    var length = StringInfo.GetNextTextElementLength(word, index);
                    var element = word.Substring(index, length);
                    var elementWidth = Measure(element, font);
                    if (current.Length > 0 && width + elementWidth > limit)
                    {
                        if (breakAt > 0 && breakAt < current.Length && widthAtBreak >= limit / 2)
                        {
                            var rest = current.ToString(breakAt, current.Length - breakAt);
                            var restWidth = width - widthAtBreak;
                            current.Length = breakAt;
                            width = widthAtBreak;
                            Flush();
                            current.Append(rest);
                            width = restWidth;
                        }
                        else
                        {
                            Flush();
                        }

                        breakAt = -1;
                    }

                    current.Append(element);
                    width += elementWidth;
                    hasWord = true;
                    index += length;
                    if (element is "/" or "-" or "." or "@" or "_")
                    {
                        breakAt = current.Length;
                        widthAtBreak = width;
                    }
                }
            }

            lines.Add((current.ToString(), width));
            current.Clear();
        }

        return lines;
    }

    /// <summary>
    /// The words of one line and the spaces before each; a word made of « : ; ! ? » marks joins the
    /// word before it, and a « joins the word after it, spaces included, so no break falls there.
    /// </summary>
    private static List<(int Spaces, string Word)> Words(string line)
    {
        var words = new List<(int Spaces, string Word)>();
        var i = 0;
        while (i < line.Length)
        {
            var spaces = 0;
            while (i < line.Length && line[i] == ' ')
            {
                spaces++;
                i++;
            }

            if (i == line.Length)
            {
                break;
            }

            var start = i;
            while (i < line.Length && line[i] != ' ')
            {
                i++;
            }

            var word = line[start..i];
            if (words.Count > 0 && (FrenchTypography.BindsToPreviousWord(word[0])
                || FrenchTypography.BindsToNextWord(words[^1].Word[^1])
                || IsSpacedNumber(words[^1].Word, word)))
            {
                words[^1] = (words[^1].Spaces, words[^1].Word + new string(' ', spaces) + word);
            }
            else
            {
                words.Add((spaces, word));
            }
        }

        return words;
    }

    /// <summary>
    /// Groups of digits typed with spaces ("06 00 00 00 01", "1 500") and a unit after a number
    /// ("300 €", "40 %") stay on one line.
    /// </summary>
    private static bool IsSpacedNumber(string previous, string word) =>
        EndsWithDigitGroup(previous) && ((word.Length <= 4 && word.All(char.IsAsciiDigit)) || word is "€" or "%" or "€." or "%." or "€," or "%,");

    private static bool EndsWithDigitGroup(string word)
    {
        var digits = 0;
        for (var i = word.Length - 1; i >= 0 && char.IsAsciiDigit(word[i]); i--)
        {
            digits++;
        }

        return digits is > 0 and <= 4 && (digits == word.Length || !char.IsLetterOrDigit(word[^(digits + 1)]));
    }

    private double Measure(string text, XFont font) => text.Length == 0 ? 0 : _measure.MeasureString(text, font).Width;

    private XFont Font(PdfTextStyle style)
    {
        var key = (style.Size, style.Bold, style.Italic);
        if (!_fonts.TryGetValue(key, out var font))
        {
            var face = (style.Bold, style.Italic) switch
            {
                (true, true) => XFontStyleEx.BoldItalic,
                (true, false) => XFontStyleEx.Bold,
                (false, true) => XFontStyleEx.Italic,
                _ => XFontStyleEx.Regular,
            };
            font = new XFont(PdfFonts.Family, style.Size, face, new XPdfFontOptions(PdfFontEncoding.Unicode));
            _fonts[key] = font;
        }

        return font;
    }

    private static XColor Grey(byte level) => XColor.FromArgb(level, level, level);

    private static XSolidBrush Brush(byte level) => new(Grey(level));

    private sealed record Cell(double X, string Text, XFont Font, byte Grey, double Height, double Baseline);

    private sealed record Run(double X, double Baseline, string Text, XFont Font, byte Grey);

    private sealed record RuleMark(double X, double Y, double Width, double Thickness, byte Grey);

    private sealed record ImageMark(double X, double Width, double Height, byte[] Png);

    private sealed class Line
    {
        public double Height { get; init; }

        public double SpaceBefore { get; set; }

        public bool KeepWithNext { get; set; }

        public bool BreakBefore { get; set; }

        public string? Anchor { get; set; }

        public List<Run> Runs { get; } = [];

        public List<RuleMark> Rules { get; } = [];

        public List<ImageMark> Images { get; } = [];
    }
}
