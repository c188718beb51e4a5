using System.Globalization;
using System.Text;
using MiniExcelLibs;
using Vigie.Web.Platform.Export;
using Vigie.Web.Platform.Statistics;

namespace Vigie.Web.Features.Observatoire;

/// <summary>
/// Protected tables as xlsx (one sheet per table, and a sheet that says what the file holds) or csv
/// (UTF-8 with BOM, ';'). Shown counts are numbers; hidden cells are the text "&lt; 5" or "s". Every text
/// cell is neutralised against formulas, in xlsx as in csv (a territory is typed by users).
/// </summary>
public static class TableExport
{
    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static byte[] Xlsx(IReadOnlyList<(IndicatorResult Indicator, int Table, ProtectedTable View)> tables, string description, DateTime generatedAt)
    {
        var sheets = new Dictionary<string, object>
        {
            ["Lisez-moi"] = new List<Dictionary<string, object?>>
            {
                Line("Vigie — observatoire", description),
                Line("Produit le", Platform.Web.ParisTime.Format(generatedAt)),
                Line("Protection des petits effectifs", $"« < {Threshold(tables)} » : effectif de 1 à {Threshold(tables) - 1} ; « s » : case masquée pour qu'aucun petit effectif ne se retrouve par différence."),
                Line("Unité", "une situation par mineur (la première de chaque mineur), comptée à la date de son repérage"),
            },
        };
        foreach (var (indicator, table, view) in tables)
        {
            var name = SheetName(indicator, table, sheets.Keys);
            sheets[name] = Rows(view, (value, _) => value);
        }

        using var stream = new MemoryStream();
        stream.SaveAs(sheets, excelType: ExcelType.XLSX);
        return stream.ToArray();
    }

    public static byte[] Csv(IReadOnlyList<(IndicatorResult Indicator, int Table, ProtectedTable View)> tables, string description)
    {
        var csv = new StringBuilder();
        Append(csv, ["Vigie — observatoire", description]);
        foreach (var (indicator, table, view) in tables)
        {
            csv.Append("\r\n");
            Append(csv, [$"{indicator.Number}. {view.Table.Title}"]);
            var rows = Rows(view, (value, shown) => shown ? Convert.ToString(value, CultureInfo.InvariantCulture) : value);
            Append(csv, rows[0].Keys.ToList());
            foreach (var row in rows)
            {
                Append(csv, row.Values.Select(v => Convert.ToString(v, CultureInfo.InvariantCulture)).ToList());
            }
        }

        return Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv.ToString())).ToArray();
    }

    /// <summary>The table as rows keyed by header: labels, body columns, the total column; the total row last.</summary>
    private static List<Dictionary<string, object?>> Rows(ProtectedTable view, Func<object?, bool, object?> cell)
    {
        var table = view.Table;
        var headers = new List<string> { table.RowHeader };
        headers.AddRange(table.ColumnLabels);
        if (table.HasRowTotals)
        {
            headers.Add("Total");
        }

        headers = headers.Select((h, i) => headers.Take(i).Contains(h) ? $"{h} ({i})" : h).Select(Safe).ToList();
        var rows = new List<Dictionary<string, object?>>();
        for (var r = 0; r < table.ExtendedRows; r++)
        {
            var row = new Dictionary<string, object?> { [headers[0]] = Safe(table.IsTotalRow(r) ? "Total" : table.RowLabels[r]) };
            for (var c = 0; c < table.ExtendedColumns; c++)
            {
                row[headers[c + 1]] = view.Value(r, c) is { } value ? cell(value, true) : cell(view.Display(r, c), false);
            }

            rows.Add(row);
        }

        return rows;
    }

    private static int Threshold(IReadOnlyList<(IndicatorResult Indicator, int Table, ProtectedTable View)> tables) =>
        tables.Count == 0 ? 0 : tables[0].View.Threshold;

    private static Dictionary<string, object?> Line(string key, string value) => new() { ["Rubrique"] = key, ["Valeur"] = Safe(value) };

    /// <summary>A sheet name: at most 31 characters, none of : \ / ? * [ ], unique.</summary>
    private static string SheetName(IndicatorResult indicator, int table, IEnumerable<string> taken)
    {
        var raw = $"{indicator.Number}.{table + 1} {indicator.Tables[table].Table.Title}";
        var clean = new string(raw.Where(c => c is not (':' or '\\' or '/' or '?' or '*' or '[' or ']')).ToArray());
        var name = clean.Length > 31 ? clean[..31] : clean;
        return taken.Contains(name) ? name[..Math.Min(name.Length, 27)] + $" ({table + 1})" : name;
    }

    /// <summary>Text that cannot run as a formula once opened in a spreadsheet.</summary>
    private static string Safe(string value) => value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + value : value;

    private static void Append(StringBuilder csv, IReadOnlyList<string?> cells)
    {
        csv.AppendJoin(';', cells.Select(Platform.Export.Csv.Cell));
        csv.Append("\r\n");
    }
}
