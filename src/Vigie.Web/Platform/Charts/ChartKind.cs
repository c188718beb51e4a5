namespace Vigie.Web.Platform.Charts;

/// <summary>How a table of counts is drawn: body rows are categories, body columns series.</summary>
public enum ChartKind
{
    Bars,
    HorizontalBars,
    Lines,
}
