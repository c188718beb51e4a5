using System.Globalization;
using ScottPlot;
using ScottPlot.TickGenerators;
using Vigie.Web.Platform.Statistics;

namespace Vigie.Web.Platform.Charts;

/// <summary>
/// The observatory's charts, drawn on the server from a <see cref="ProtectedTable"/>: SVG to inline
/// in pages, PNG for the PDF report. Body rows are categories, body columns series; margins are never
/// drawn. A hidden cell draws nothing but its "&lt; 5" or "s" label, and the value axis is scaled on
/// the shown cells only, so a chart shows no more than the table beside it. See README.md.
/// </summary>
public static class StatCharts
{
    /// <summary>The logical size of an SVG chart; it scales with its container (viewBox).</summary>
    public const int SvgWidth = 720;

    public const int SvgHeight = 360;

    private const float TextSize = 12;
    private const float TitleSize = 15;
    private const double GroupWidth = 0.8;

    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");
    private static readonly Color Ink = Color.FromHex("#1A1A1A");
    private static readonly Color Muted = Color.FromHex("#4D4D4D");
    private static readonly Color GridLine = Color.FromHex("#DDDDDD");

    /// <summary>
    /// Okabe–Ito colours, reordered so that the first ones have the most contrast on white (blue
    /// 5.0:1, vermillion 4.0:1); orange and sky blue come last. With several series the legend, and
    /// for lines the marker and dash pattern, tell them apart without colour.
    /// </summary>
    private static readonly Color[] Palette =
    [
        Color.FromHex("#0072B2"),
        Color.FromHex("#D55E00"),
        Color.FromHex("#009E73"),
        Color.FromHex("#CC79A7"),
        Color.FromHex("#000000"),
        Color.FromHex("#E69F00"),
        Color.FromHex("#56B4E9"),
    ];

    private static readonly MarkerShape[] Markers =
        [MarkerShape.FilledCircle, MarkerShape.FilledSquare, MarkerShape.FilledTriangleUp, MarkerShape.FilledDiamond, MarkerShape.OpenCircle, MarkerShape.OpenSquare, MarkerShape.OpenTriangleUp];

    private static readonly LinePattern[] Patterns =
        [LinePattern.Solid, LinePattern.Dashed, LinePattern.Dotted, LinePattern.DenselyDashed];

    /// <summary>
    /// The chart as SVG markup to inline in a page: no XML declaration, a root &lt;svg&gt; with
    /// role="img" labelled by its &lt;title&gt;, a viewBox of <see cref="SvgWidth"/> × <see cref="SvgHeight"/>
    /// and no width or height (it takes its container's width), presentation attributes only (no style
    /// attribute or element, which the CSP refuses), no script and no external reference.
    /// </summary>
    public static string Svg(ProtectedTable view, ChartKind kind, string title)
    {
        ArgumentNullException.ThrowIfNull(view);
        ArgumentNullException.ThrowIfNull(title);
        ChartFont.EnsureRegistered();
        using var plot = Build(view, kind, title, SvgWidth, SvgHeight);
        return SvgMarkup.ForInlineHtml(plot.GetSvgXml(SvgWidth, SvgHeight), title, ChartId(view, kind, title), SvgWidth, SvgHeight);
    }

    /// <summary>
    /// The chart as a PNG of <paramref name="width"/> × <paramref name="height"/> pixels. Wider than
    /// <see cref="SvgWidth"/>, it is the same layout scaled up (the report asks ~1600 × 800 for print).
    /// </summary>
    public static byte[] Png(ProtectedTable view, ChartKind kind, string title, int width, int height)
    {
        ArgumentNullException.ThrowIfNull(view);
        ArgumentNullException.ThrowIfNull(title);
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 200);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 100);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(width, 8000);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(height, 8000);
        ChartFont.EnsureRegistered();
        var scale = Math.Max(1.0, width / (double)SvgWidth);
        using var plot = Build(view, kind, title, width / scale, height / scale);
        plot.ScaleFactor = scale;
        return plot.GetImageBytes(width, height, ImageFormat.Png);
    }

    /// <summary>What a cell shows in a chart's labels: the table's own text, with a space the font has.</summary>
    internal static string Label(string display) => display.Replace('\u202F', '\u00A0');

    private static Plot Build(ProtectedTable view, ChartKind kind, string title, double width, double height)
    {
        var table = view.Table;
        var plot = new Plot();
        plot.Font.Set(ChartFont.Family);
        plot.FigureBackground.Color = Colors.White;
        plot.DataBackground.Color = Colors.White;

        plot.Title(title, TitleSize);
        plot.Axes.Title.Label.FontName = ChartFont.Family;
        plot.Axes.Title.Label.ForeColor = Ink;

        var horizontal = kind == ChartKind.HorizontalBars;
        IAxis valueAxis = horizontal ? plot.Axes.Bottom : plot.Axes.Left;
        IAxis categoryAxis = horizontal ? plot.Axes.Left : plot.Axes.Bottom;
        foreach (var axis in new IAxis[] { plot.Axes.Left, plot.Axes.Bottom })
        {
            axis.TickLabelStyle.FontName = ChartFont.Family;
            axis.TickLabelStyle.FontSize = TextSize;
            axis.TickLabelStyle.ForeColor = Ink;
            axis.Label.FontName = ChartFont.Family;
            axis.Label.FontSize = TextSize;
            axis.Label.Bold = false;
            axis.Label.ForeColor = Ink;
            axis.MajorTickStyle.Color = Muted;
            axis.MinorTickStyle.Length = 0;
            axis.FrameLineStyle.Color = Muted;
        }

        plot.Axes.Top.FrameLineStyle.Width = 0;
        plot.Axes.Right.FrameLineStyle.Width = 0;
        (horizontal ? plot.Grid.YAxisStyle : plot.Grid.XAxisStyle).IsVisible = false;
        var valueGrid = horizontal ? plot.Grid.XAxisStyle : plot.Grid.YAxisStyle;
        valueGrid.MajorLineStyle.Color = GridLine;
        valueGrid.MajorLineStyle.Width = 1;

        var rows = table.Rows;
        var series = table.Columns;
        var shownMax = 0;
        for (var r = 0; r < rows; r++)
        {
            for (var c = 0; c < series; c++)
            {
                shownMax = Math.Max(shownMax, view.Value(r, c) ?? 0);
            }
        }

        // The data area before ScottPlot lays it out: close enough to decide what fits.
        var categoryLabels = table.RowLabels.Select(l => l ?? "").ToArray();
        var widestCategory = categoryLabels.Length == 0 ? 0 : categoryLabels.Max(l => ChartFont.Measure(l, TextSize));
        var legendHeight = series > 1 ? 30 : 0;
        var dataWidth = width - (horizontal ? Math.Min(widestCategory, width * 0.4) + 40 : 75);
        var categoryAxisHeight = horizontal ? 45 : SetCategoryTicks(plot, categoryAxis, categoryLabels, dataWidth);
        if (horizontal)
        {
            var positions = Enumerable.Range(0, rows).Select(r => (double)(rows - 1 - r)).ToArray();
            categoryAxis.TickGenerator = new NumericManual(positions, categoryLabels);
        }

        var dataHeight = Math.Max(40, height - 40 - categoryAxisHeight - legendHeight);

        if (kind == ChartKind.Lines)
        {
            AddLines(plot, view, dataHeight, shownMax);
        }
        else
        {
            AddBars(plot, view, horizontal, dataWidth, dataHeight, ref shownMax);
        }

        valueAxis.TickGenerator = new NumericAutomatic
        {
            IntegerTicksOnly = true,
            LabelFormatter = v => Label(Math.Round(v).ToString("N0", French)),
        };
        if (series == 1 && !string.IsNullOrWhiteSpace(table.ColumnLabels[0]))
        {
            valueAxis.Label.Text = table.ColumnLabels[0];
        }

        if (!string.IsNullOrWhiteSpace(table.RowHeader))
        {
            categoryAxis.Label.Text = table.RowHeader;
        }

        if (series > 1)
        {
            plot.ShowLegend(Edge.Bottom);
            plot.Legend.Orientation = Orientation.Horizontal;
            plot.Legend.FontName = ChartFont.Family;
            plot.Legend.FontSize = TextSize;
            plot.Legend.FontColor = Ink;
            plot.Legend.OutlineWidth = 0;
            plot.Legend.ShadowColor = Colors.Transparent;
            plot.Legend.ShadowOffset = new PixelOffset(0, 0);
        }

        return plot;
    }

    private static void AddBars(Plot plot, ProtectedTable view, bool horizontal, double dataWidth, double dataHeight, ref int shownMax)
    {
        var table = view.Table;
        var rows = table.Rows;
        var series = table.Columns;
        var slot = GroupWidth / series;

        // Value labels everywhere or nowhere: only when the widest one fits its bar.
        var widestValue = 0f;
        for (var r = 0; r < rows; r++)
        {
            for (var c = 0; c < series; c++)
            {
                if (!view.IsHidden(r, c))
                {
                    widestValue = Math.Max(widestValue, ChartFont.Measure(Label(view.Display(r, c)), TextSize));
                }
            }
        }

        var barPixels = (horizontal ? dataHeight : dataWidth) / Math.Max(rows, 1) * slot;
        var labelled = horizontal ? barPixels >= TextSize + 3 : barPixels >= widestValue + 4;

        for (var c = 0; c < series; c++)
        {
            var bars = new List<Bar>();
            for (var r = 0; r < rows; r++)
            {
                var position = Position(r, c, rows, series, horizontal);
                if (view.Value(r, c) is { } value)
                {
                    bars.Add(new Bar
                    {
                        Position = position,
                        Value = value,
                        Size = slot * 0.92,
                        FillColor = Palette[c % Palette.Length],
                        LineWidth = 0,
                        ValueLabel = labelled ? Label(view.Display(r, c)) : "",
                        Orientation = horizontal ? Orientation.Horizontal : Orientation.Vertical,
                    });
                }
                else
                {
                    var text = plot.Add.Text(view.Display(r, c), horizontal ? 0 : position, horizontal ? position : 0);
                    StyleHiddenLabel(text, Muted);
                    text.Alignment = horizontal ? Alignment.MiddleLeft : Alignment.LowerCenter;
                    text.OffsetX = horizontal ? 4 : 0;
                    text.OffsetY = horizontal ? 0 : -3;
                }
            }

            var plottable = plot.Add.Bars(bars);
            plottable.Horizontal = horizontal;
            plottable.ValueLabelStyle.FontName = ChartFont.Family;
            plottable.ValueLabelStyle.FontSize = TextSize;
            plottable.ValueLabelStyle.ForeColor = Ink;
            if (series > 1)
            {
                plottable.LegendText = table.ColumnLabels[c];
            }
        }

        // Room beyond the longest bar for its label; at least 0..1 so that an empty table has an axis.
        var top = Math.Max(shownMax, 1);
        var reserve = labelled ? (horizontal ? widestValue + 10 : TextSize + 12) : 6;
        var length = horizontal ? dataWidth : dataHeight;
        var upper = top / Math.Max(0.5, 1 - (reserve / length));
        var lower = -0.5;
        var categoryUpper = rows - 0.5;
        if (horizontal)
        {
            plot.Axes.SetLimits(0, upper, lower, categoryUpper);
        }
        else
        {
            plot.Axes.SetLimits(lower, categoryUpper, 0, upper);
        }

        shownMax = top;
    }

    private static void AddLines(Plot plot, ProtectedTable view, double dataHeight, int shownMax)
    {
        var table = view.Table;
        var rows = table.Rows;
        var series = table.Columns;
        var top = Math.Max(shownMax, 1);

        for (var c = 0; c < series; c++)
        {
            var color = Palette[c % Palette.Length];
            var marker = Markers[c % Markers.Length];
            var pattern = Patterns[c % Patterns.Length];

            // One scatter per run of shown points: a hidden point is a gap, not an interpolation.
            var run = new List<Coordinates>();
            for (var r = 0; r <= rows; r++)
            {
                if (r < rows && view.Value(r, c) is { } value)
                {
                    run.Add(new Coordinates(r, value));
                    continue;
                }

                if (run.Count > 0)
                {
                    var line = plot.Add.Scatter(run.ToArray(), color);
                    line.LineWidth = 2;
                    line.LinePattern = pattern;
                    line.MarkerShape = marker;
                    line.MarkerSize = 7;
                    run.Clear();
                }

                if (r < rows)
                {
                    // The label sits in the line's gap, between its neighbours, over a white box.
                    var text = plot.Add.Text(view.Display(r, c), r, GapHeight(view, r, c));
                    StyleHiddenLabel(text, color);
                    text.LabelBackgroundColor = Colors.White;
                    text.Alignment = Alignment.MiddleCenter;
                }
            }

            if (series > 1)
            {
                plot.Legend.ManualItems.Add(new LegendItem
                {
                    LabelText = table.ColumnLabels[c],
                    LineColor = color,
                    LineWidth = 2,
                    LinePattern = pattern,
                    MarkerShape = marker,
                    MarkerFillColor = color,
                    MarkerLineColor = color,
                    MarkerSize = 7,
                });
            }
        }

        // A little room below zero so that markers on the axis are not cut in half by the data area.
        var upper = top / Math.Max(0.5, 1 - (16 / dataHeight));
        plot.Axes.SetLimits(-0.5, rows - 0.5, -upper * 5 / dataHeight, upper);
    }

    /// <summary>Halfway between the nearest shown neighbours of a hidden point (they are shown anyway).</summary>
    private static double GapHeight(ProtectedTable view, int row, int column)
    {
        int? before = null, after = null;
        for (var r = row - 1; r >= 0 && before is null; r--)
        {
            before = view.Value(r, column);
        }

        for (var r = row + 1; r < view.Table.Rows && after is null; r++)
        {
            after = view.Value(r, column);
        }

        return (before, after) switch
        {
            ({ } b, { } a) => (a + b) / 2.0,
            ({ } b, null) => b,
            (null, { } a) => a,
            _ => 0,
        };
    }

    private static void StyleHiddenLabel(ScottPlot.Plottables.Text text, Color color)
    {
        text.LabelFontName = ChartFont.Family;
        text.LabelFontSize = TextSize;
        text.LabelFontColor = color;
    }

    /// <summary>
    /// The centre of bar (r, c): groups of bars around each category's integer position, first
    /// series on the left (or on top); horizontal bars list the categories top down.
    /// </summary>
    private static double Position(int row, int column, int rows, int series, bool horizontal)
    {
        var slot = GroupWidth / series;
        var offset = (column - ((series - 1) / 2.0)) * slot;
        return horizontal ? rows - 1 - row - offset : row + offset;
    }

    /// <summary>
    /// Categories along the x axis: as they are if they fit their slot, else wrapped on spaces, else
    /// slanted (with room on the left for the first one). Returns the height the axis takes.
    /// </summary>
    private static double SetCategoryTicks(Plot plot, IAxis axis, string[] labels, double dataWidth)
    {
        var rows = labels.Length;
        var positions = Enumerable.Range(0, rows).Select(r => (double)r).ToArray();
        var slot = dataWidth / Math.Max(rows, 1);
        var lineHeight = TextSize * 1.25;
        var widest = labels.Length == 0 ? 0 : labels.Max(l => ChartFont.Measure(l, TextSize));
        if (widest <= slot - 8)
        {
            axis.TickGenerator = new NumericManual(positions, labels);
            return lineHeight + 35;
        }

        var wrapped = labels.Select(l => Wrap(l, slot - 8)).ToArray();
        if (wrapped.All(w => w is not null))
        {
            axis.TickGenerator = new NumericManual(positions, wrapped!);
            return (lineHeight * wrapped.Max(w => w!.Count(ch => ch == '\n') + 1)) + 35;
        }

        // Slanted, on up to three lines of a third of the chart's width, when the slots can hold them.
        const double angle = 45;
        var slant = Math.Sin(angle * Math.PI / 180);
        var shortened = labels.Select(l => Wrap(l, dataWidth / 4)).ToArray();
        var lines = shortened.All(w => w is not null) ? shortened.Max(w => w!.Count(ch => ch == '\n') + 1) : 1;
        if (lines > 1 && lines * lineHeight / slant <= slot)
        {
            labels = shortened!;
            widest = labels.SelectMany(l => l.Split('\n')).Max(l => ChartFont.Measure(l, TextSize)) + (float)(lines * lineHeight * slant);
        }

        axis.TickGenerator = new NumericManual(positions, labels);
        axis.TickLabelStyle.Rotation = -(float)angle;
        axis.TickLabelStyle.Alignment = Alignment.MiddleRight;
        var height = (widest * slant) + TextSize + 30;
        ((ScottPlot.AxisPanels.AxisBase)axis).MinimumSize = (float)height;
        var left = (widest * slant) - (slot / 2) + 10;
        ((ScottPlot.AxisPanels.AxisBase)plot.Axes.Left).MinimumSize = (float)Math.Max(left, 0);
        return height;
    }

    /// <summary>The label on at most three lines no wider than <paramref name="width"/>, or null if it cannot be.</summary>
    private static string? Wrap(string label, double width)
    {
        var lines = new List<string>();
        var current = "";
        foreach (var word in label.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (ChartFont.Measure(word, TextSize) > width)
            {
                return null;
            }

            var candidate = current.Length == 0 ? word : current + " " + word;
            if (ChartFont.Measure(candidate, TextSize) <= width)
            {
                current = candidate;
            }
            else
            {
                lines.Add(current);
                current = word;
            }
        }

        if (current.Length > 0)
        {
            lines.Add(current);
        }

        return lines.Count <= 3 ? string.Join('\n', lines) : null;
    }

    /// <summary>A stable id from what the chart shows: the same chart gets the same markup every time.</summary>
    private static string ChartId(ProtectedTable view, ChartKind kind, string title)
    {
        var table = view.Table;
        var text = new System.Text.StringBuilder();
        text.Append((int)kind).Append('\u001F').Append(title).Append('\u001F').Append(table.RowHeader);
        foreach (var label in table.RowLabels.Concat(table.ColumnLabels))
        {
            text.Append('\u001F').Append(label);
        }

        for (var r = 0; r < table.Rows; r++)
        {
            for (var c = 0; c < table.Columns; c++)
            {
                text.Append('\u001F').Append(view.Display(r, c));
            }
        }

        var hash = System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text.ToString()));
        return "chart-" + Convert.ToHexStringLower(hash.AsSpan(0, 6));
    }
}
