namespace Vigie.Web.Platform.Pdf;

/// <summary>How a line of text sits in its column.</summary>
public enum PdfAlign
{
    Left,
    Center,
    Right,
}

/// <summary>
/// A text style in DejaVu Sans: size in points, bold and italic faces, a grey level (0 is black,
/// 255 white), and the line height as a multiple of the size.
/// </summary>
public sealed record PdfTextStyle(double Size, bool Bold = false, bool Italic = false, byte Grey = 0, double LineSpacing = 1.3)
{
    public double LineHeight => Size * LineSpacing;
}

/// <summary>One paragraph of a column: its text (lines separated by "\n"), style and alignment.</summary>
public sealed record PdfSpan(string Text, PdfTextStyle Style, PdfAlign Align = PdfAlign.Left);

/// <summary>A column of a <see cref="PdfFlowDocument.Columns"/> block: left edge and width from the content's left edge, in points.</summary>
public sealed record PdfColumn(double X, double Width, IReadOnlyList<PdfSpan> Spans);

/// <summary>Page size and margins, in points.</summary>
public sealed record PdfPageSetup(double Width, double Height, double MarginLeft, double MarginTop, double MarginRight, double MarginBottom)
{
    /// <summary>A4 portrait with 2 cm margins.</summary>
    public static PdfPageSetup A4 { get; } = new(Mm(210), Mm(297), Mm(20), Mm(20), Mm(20), Mm(20));

    public double ContentWidth => Width - MarginLeft - MarginRight;

    public double ContentHeight => Height - MarginTop - MarginBottom;

    /// <summary>Millimetres to points.</summary>
    public static double Mm(double millimetres) => millimetres * 72 / 25.4;
}

/// <summary>The document information dictionary: title, author, and a creation date given by the caller, never read from the clock.</summary>
public sealed record PdfProperties(string Title, string Author, DateTimeOffset CreatedAt, string? Subject = null);

/// <summary>
/// What every page carries besides the flow: a header line, a footer computed from the page number
/// and the page count ("page n / N"), and a watermark drawn diagonally in light grey under the text.
/// </summary>
public sealed record PdfPageMarks(string? Header = null, Func<int, int, string>? Footer = null, string? Watermark = null);
