using System.Text;
using Vigie.Web.Platform.Export;

namespace Vigie.Web.Features.Observatoire.Extract;

/// <summary>
/// The csv dialect of the extract (docs/observatoire-extrait.md): UTF-8 with a byte order mark, ";"
/// between cells, CRLF line ends, one header row, cells quoted and formulas neutralised by
/// <see cref="Csv.Cell"/>. Written as the rows come, flushed every page.
/// </summary>
public static class ExtractCsv
{
    public const string ContentType = "text/csv; charset=utf-8";

    public static async Task<int> WriteAsync(Stream output, IAsyncEnumerable<ExtractRow> rows, CancellationToken cancellationToken)
    {
        await output.WriteAsync(Encoding.UTF8.Preamble.ToArray(), cancellationToken);
        // No preamble from the writer itself: it is written above, once.
        await using var writer = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), 64 * 1024, leaveOpen: true);
        await writer.WriteAsync(Line(ExtractRow.Columns));
        var count = 0;
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            await writer.WriteAsync(Line(row.Cells()));
            if (++count % PseudonymisedExtract.PageSize == 0)
            {
                await writer.FlushAsync(cancellationToken);
            }
        }

        await writer.FlushAsync(cancellationToken);
        return count;
    }

    private static string Line(IEnumerable<string?> cells) => string.Join(';', cells.Select(Csv.Cell)) + "\r\n";
}
