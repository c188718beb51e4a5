namespace Vigie.Web.Platform.Charts;

/// <summary>How <see cref="StatCharts"/> draws a table: body rows are categories, body columns series.</summary>
public enum ChartKind
{
    /// <summary>Vertical bars, categories along the x axis; grouped when there are several series.</summary>
    Bars,

    /// <summary>Horizontal bars, categories down the y axis in table order: for long category labels.</summary>
    HorizontalBars,

    /// <summary>One line per series over the categories (e.g. years), with a gap at hidden points.</summary>
    Lines,
}
