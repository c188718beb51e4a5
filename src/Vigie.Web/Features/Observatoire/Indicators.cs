using Vigie.Web.Platform.Charts;
using Vigie.Web.Platform.Statistics;

namespace Vigie.Web.Features.Observatoire;

/// <summary>One table of an indicator and how it is drawn (null: a table only).</summary>
public sealed record IndicatorTable(CountTable Table, ChartKind? Chart);

/// <summary>
/// A single figure of an indicator (a median), with the number of situations it is computed on. It is
/// published only when that number reaches the small-count threshold.
/// </summary>
public sealed record IndicatorFigure(string Label, double? Value, string Unit, int Population)
{
    public string Display(int threshold)
    {
        if (Value is null || Population == 0)
        {
            return "aucune donnée";
        }

        if (threshold > 0 && Population < threshold)
        {
            return $"non publié (moins de {threshold} situations)";
        }

        return Value.Value.ToString("0.0", Formats.French) + (Unit.Length > 0 ? " " + Unit : "");
    }
}

/// <summary>
/// One indicator of DOMAIN.md §6 for a filter: its tables, figures, and the plain-French sentence the
/// report prints. The sentence is written from what the reader may see (a protected view hides small
/// counts, and the sentence then says less).
/// </summary>
public sealed record IndicatorResult(
    int Number,
    string Key,
    string Title,
    IReadOnlyList<IndicatorTable> Tables,
    IReadOnlyList<IndicatorFigure> Figures,
    Func<IReadOnlyList<ProtectedTable>, int, string?> Sentence,
    string? Note = null)
{
    public string? Describe(IReadOnlyList<ProtectedTable> views, int threshold) => Sentence(views, threshold);
}

internal static class Formats
{
    public static readonly System.Globalization.CultureInfo French = System.Globalization.CultureInfo.GetCultureInfo("fr-FR");

    /// <summary>"49 des 57 situations", or null when either count is hidden.</summary>
    public static string? OutOf(int? part, int? whole, string noun = "situations") =>
        part is null || whole is null || whole == 0 ? null : $"{part.Value.ToString("N0", French)} des {whole.Value.ToString("N0", French)} {noun}";

    public static string Percent(int part, int whole) =>
        whole == 0 ? "" : (100.0 * part / whole).ToString("0", French) + " %";
}
