using System.Text;
using Microsoft.Extensions.Caching.Memory;
using Vigie.Web.Platform.Statistics;

namespace Vigie.Web.Platform.Charts;

/// <summary>
/// The SVG of a chart for the same title, kind and visible cells is always the same markup: pages keep
/// the last few hundred (a chart costs ~5 ms to draw, a dashboard has about twenty).
/// </summary>
public sealed class ChartCache : IDisposable
{
    private readonly MemoryCache cache = new(new MemoryCacheOptions { SizeLimit = 400 });

    public string Svg(ProtectedTable view, ChartKind kind, string title)
    {
        var key = Key(view, kind, title);
        return cache.GetOrCreate(key, entry =>
        {
            entry.Size = 1;
            entry.SlidingExpiration = TimeSpan.FromMinutes(30);
            return StatCharts.Svg(view, kind, title);
        })!;
    }

    public void Dispose() => cache.Dispose();

    /// <summary>Everything the drawing depends on: labels, and per cell its mark and (when shown) its value.</summary>
    private static string Key(ProtectedTable view, ChartKind kind, string title)
    {
        var table = view.Table;
        var key = new StringBuilder().Append(kind).Append('\u001f').Append(title).Append('\u001f').Append(view.Threshold);
        foreach (var label in table.RowLabels.Concat(table.ColumnLabels))
        {
            key.Append('\u001f').Append(label);
        }

        for (var r = 0; r < table.Rows; r++)
        {
            for (var c = 0; c < table.Columns; c++)
            {
                key.Append('\u001e').Append((int)view.Mark(r, c)).Append(':').Append(view.Value(r, c));
            }
        }

        return key.ToString();
    }
}
