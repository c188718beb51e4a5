using System.Buffers.Binary;
using System.Xml.Linq;
using SkiaSharp;
using Vigie.Web.Platform.Charts;
using Vigie.Web.Platform.Statistics;

namespace Vigie.Tests.Platform;

public sealed class StatChartTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    private static readonly string[] Families = ["Biparentale", "Monoparentale (mère)", "Monoparentale (père)", "Recomposée", "Tiers digne de confiance", "Autre"];

    /// <summary>Six categories, one column, a total row; "Autre" (3) is a small count and "Recomposée" (48) masked.</summary>
    private static ProtectedTable FamiliesWithHiddenCells()
    {
        var table = CountTable.Distribution("Situations par configuration familiale", "Configuration familiale", "Situations",
            [(Families[0], 120), (Families[1], 85), (Families[2], 64), (Families[3], 48), (Families[4], 27), (Families[5], 3)]);
        var marks = new CellMark[table.ExtendedRows, table.ExtendedColumns];
        marks[3, 0] = CellMark.Masked;
        marks[5, 0] = CellMark.Small;
        return ProtectedTable.WithMarks(table, 5, marks);
    }

    /// <summary>Ten years × two series; girls in 2019 (row 4, a count of 2) are hidden.</summary>
    private static ProtectedTable YearsBySex(bool hideOne)
    {
        var years = Enumerable.Range(2015, 10).Select(y => y.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();
        var cells = new int[10, 2];
        for (var r = 0; r < 10; r++)
        {
            cells[r, 0] = 40 + (r * 7);
            cells[r, 1] = 35 + (r * 5);
        }

        cells[4, 1] = 2;
        var table = new CountTable("Situations par année et sexe", "Année", years, ["Filles", "Garçons"], cells, hasRowTotals: true, hasColumnTotals: true);
        var marks = new CellMark[table.ExtendedRows, table.ExtendedColumns];
        if (hideOne)
        {
            marks[4, 1] = CellMark.Small;
        }

        return ProtectedTable.WithMarks(table, 5, marks);
    }

    private static XElement Parse(string svg) => XElement.Parse(svg);

    private static List<string> Texts(XElement svg) =>
        svg.Descendants(Svg + "text").Select(t => t.Value.Trim()).ToList();

    [Theory]
    [InlineData(ChartKind.Bars)]
    [InlineData(ChartKind.HorizontalBars)]
    [InlineData(ChartKind.Lines)]
    public void Svg_is_an_accessible_image_labelled_by_its_title(ChartKind kind)
    {
        var markup = StatCharts.Svg(FamiliesWithHiddenCells(), kind, "Situations par configuration familiale");

        Assert.DoesNotContain("<?xml", markup, StringComparison.Ordinal);
        Assert.DoesNotContain("DOCTYPE", markup, StringComparison.OrdinalIgnoreCase);
        var svg = Parse(markup);
        Assert.Equal(Svg + "svg", svg.Name);
        Assert.Equal("img", (string?)svg.Attribute("role"));
        Assert.Equal($"0 0 {StatCharts.SvgWidth} {StatCharts.SvgHeight}", (string?)svg.Attribute("viewBox"));
        var title = Assert.Single(svg.Elements(Svg + "title"));
        Assert.Equal("Situations par configuration familiale", title.Value);
        Assert.False(string.IsNullOrEmpty((string?)title.Attribute("id")));
        Assert.Equal((string?)title.Attribute("id"), (string?)svg.Attribute("aria-labelledby"));
    }

    [Theory]
    [InlineData(ChartKind.Bars)]
    [InlineData(ChartKind.HorizontalBars)]
    [InlineData(ChartKind.Lines)]
    public void Svg_has_no_script_no_style_and_no_external_reference(ChartKind kind)
    {
        var markup = StatCharts.Svg(YearsBySex(hideOne: true), kind, "Situations par année et sexe");

        Assert.DoesNotContain("<script", markup, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<style", markup, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("style=", markup, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("href", markup, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("http", markup.Replace("xmlns=\"http://www.w3.org/2000/svg\"", "", StringComparison.Ordinal), StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData(ChartKind.Bars)]
    [InlineData(ChartKind.HorizontalBars)]
    public void Bar_charts_show_every_category_label(ChartKind kind)
    {
        var svg = Parse(StatCharts.Svg(FamiliesWithHiddenCells(), kind, "Configurations"));

        // A long label may be wrapped on several lines: compare the words.
        var words = string.Join(' ', Texts(svg)).Split((char[])[' ', '\n'], StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);
        foreach (var label in Families)
        {
            Assert.All(label.Split(' '), word => Assert.Contains(word, words));
        }
    }

    [Fact]
    public void Horizontal_bars_show_each_category_label_whole()
    {
        var texts = Texts(Parse(StatCharts.Svg(FamiliesWithHiddenCells(), ChartKind.HorizontalBars, "Configurations")));

        Assert.All(Families, label => Assert.Contains(label, texts));
    }

    [Theory]
    [InlineData(ChartKind.Bars)]
    [InlineData(ChartKind.HorizontalBars)]
    public void Hidden_bars_show_their_mark_and_never_their_value(ChartKind kind)
    {
        var texts = Texts(Parse(StatCharts.Svg(FamiliesWithHiddenCells(), kind, "Configurations")));

        Assert.Contains("< 5", texts);
        Assert.Contains("s", texts);
        Assert.DoesNotContain("3", texts);
        Assert.DoesNotContain("48", texts);
        Assert.Contains("120", texts);
        Assert.Contains("27", texts);
    }

    [Fact]
    public void Lines_leave_a_gap_and_a_mark_at_a_hidden_point()
    {
        var shown = Parse(StatCharts.Svg(YearsBySex(hideOne: false), ChartKind.Lines, "Par année"));
        var hidden = Parse(StatCharts.Svg(YearsBySex(hideOne: true), ChartKind.Lines, "Par année"));

        Assert.Contains("< 5", Texts(hidden));
        Assert.DoesNotContain("< 5", Texts(shown));
        Assert.DoesNotContain("2", Texts(hidden));

        // The second series (vermillion, square markers) is split in two lines and loses one marker.
        Assert.Equal(Drawn(shown, "path", SecondSeries) + 1, Drawn(hidden, "path", SecondSeries));
        Assert.Equal(Drawn(shown, "rect", SecondSeries) - 1, Drawn(hidden, "rect", SecondSeries));
        Assert.All(Enumerable.Range(2015, 10), year => Assert.Contains(year.ToString(System.Globalization.CultureInfo.InvariantCulture), Texts(hidden)));
    }

    private const string SecondSeries = "#D55E00";

    private static int Drawn(XElement svg, string element, string color) =>
        svg.Descendants(Svg + element).Count(e => (string?)e.Attribute("fill") == color || (string?)e.Attribute("stroke") == color);

    [Fact]
    public void Several_series_get_a_legend_and_one_series_none()
    {
        var grouped = Texts(Parse(StatCharts.Svg(YearsBySex(hideOne: true), ChartKind.Bars, "Par année et sexe")));
        var single = Texts(Parse(StatCharts.Svg(FamiliesWithHiddenCells(), ChartKind.Bars, "Configurations")));

        Assert.Contains("Filles", grouped);
        Assert.Contains("Garçons", grouped);
        Assert.Contains("< 5", grouped);
        Assert.Contains("Situations", single);
        Assert.Single(single, t => t == "Situations");
    }

    [Fact]
    public void Totals_are_never_drawn()
    {
        var table = CountTable.Distribution("Répartition", "Sexe", "Situations", [("Filles", 60), ("Garçons", 70)]);

        var texts = Texts(Parse(StatCharts.Svg(ProtectedTable.Exact(table), ChartKind.Bars, "Répartition")));

        Assert.Contains("60", texts);
        Assert.Contains("70", texts);
        Assert.DoesNotContain("130", texts);
        Assert.DoesNotContain("Total", texts);
    }

    [Fact]
    public void Value_axis_has_integer_ticks_in_french_format()
    {
        var table = CountTable.Distribution("Grands nombres", "Territoire", "Situations", [("Nord", 12_400), ("Sud", 9_800)]);

        var texts = Texts(Parse(StatCharts.Svg(ProtectedTable.Exact(table), ChartKind.Bars, "Grands nombres")));

        Assert.Contains("12\u00A0400", texts);
        Assert.Contains(texts, t => t.Length > 4 && t.EndsWith("\u00A0000", StringComparison.Ordinal));
        Assert.DoesNotContain(texts, t => t.Contains(',', StringComparison.Ordinal) || t.Contains('.', StringComparison.Ordinal));
    }

    [Fact]
    public void Same_input_gives_the_same_svg_and_the_same_png()
    {
        var view = YearsBySex(hideOne: true);

        Assert.Equal(StatCharts.Svg(view, ChartKind.Lines, "Par année"), StatCharts.Svg(view, ChartKind.Lines, "Par année"));
        Assert.Equal(StatCharts.Png(view, ChartKind.Bars, "Par année", 800, 400), StatCharts.Png(view, ChartKind.Bars, "Par année", 800, 400));
    }

    [Fact]
    public void Two_charts_on_one_page_have_no_id_in_common()
    {
        var first = Parse(StatCharts.Svg(YearsBySex(hideOne: true), ChartKind.Bars, "Par année"));
        var second = Parse(StatCharts.Svg(FamiliesWithHiddenCells(), ChartKind.Bars, "Configurations"));

        static HashSet<string> Ids(XElement svg) => svg.DescendantsAndSelf().Select(e => (string?)e.Attribute("id")).OfType<string>().ToHashSet();
        Assert.NotEmpty(Ids(first));
        Assert.Empty(Ids(first).Intersect(Ids(second)));
    }

    [Theory]
    [InlineData(ChartKind.Bars, 1600, 800)]
    [InlineData(ChartKind.HorizontalBars, 1200, 700)]
    [InlineData(ChartKind.Lines, 720, 360)]
    public void Png_has_the_asked_size_and_is_not_blank(ChartKind kind, int width, int height)
    {
        var png = StatCharts.Png(YearsBySex(hideOne: true), kind, "Par année", width, height);

        Assert.Equal([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], png.Take(8).ToArray());
        Assert.Equal("IHDR", System.Text.Encoding.ASCII.GetString(png, 12, 4));
        Assert.Equal(width, BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16, 4)));
        Assert.Equal(height, BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20, 4)));

        using var bitmap = SKBitmap.Decode(png);
        Assert.Equal(width, bitmap.Width);
        var inked = 0;
        for (var y = 0; y < bitmap.Height; y += 2)
        {
            for (var x = 0; x < bitmap.Width; x += 2)
            {
                var pixel = bitmap.GetPixel(x, y);
                if (pixel.Red < 200 || pixel.Green < 200 || pixel.Blue < 200)
                {
                    inked++;
                }
            }
        }

        // Bars, lines and text cover a few percent of the image; a blank or text-only one far less.
        Assert.True(inked > bitmap.Width * bitmap.Height / 4 / 100, $"Only {inked} sampled pixels are not white.");
    }

    [Theory]
    [InlineData(ChartKind.Bars)]
    [InlineData(ChartKind.HorizontalBars)]
    [InlineData(ChartKind.Lines)]
    public void An_all_zero_table_renders(ChartKind kind)
    {
        var table = CountTable.Distribution("Vide", "Sexe", "Situations", [("Filles", 0), ("Garçons", 0)]);

        var svg = Parse(StatCharts.Svg(ProtectedTable.Exact(table), kind, "Vide"));
        var png = StatCharts.Png(ProtectedTable.Exact(table), kind, "Vide", 800, 400);

        Assert.Contains("Filles", Texts(svg));
        Assert.Contains("0", Texts(svg));
        using var bitmap = SKBitmap.Decode(png);
        Assert.Equal(800, bitmap.Width);
    }

    [Fact]
    public void Charts_render_the_same_from_many_threads()
    {
        var view = FamiliesWithHiddenCells();
        var expected = StatCharts.Svg(view, ChartKind.HorizontalBars, "Configurations");

        var results = new string[16];
        Parallel.For(0, results.Length, i => results[i] = StatCharts.Svg(view, ChartKind.HorizontalBars, "Configurations"));

        Assert.All(results, result => Assert.Equal(expected, result));
    }

    [Fact]
    public void With_marks_rejects_marks_of_another_size()
    {
        var table = CountTable.Distribution("T", "Sexe", "Situations", [("Filles", 3), ("Garçons", 9)]);

        Assert.Throws<ArgumentException>(() => ProtectedTable.WithMarks(table, 5, new CellMark[2, 1]));
        Assert.Throws<ArgumentException>(() => ProtectedTable.WithMarks(table, 0, new CellMark[3, 1] { { CellMark.Small }, { CellMark.Shown }, { CellMark.Shown } }));
    }
}
