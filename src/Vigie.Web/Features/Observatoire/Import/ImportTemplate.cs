using System.Text;
using MiniExcelLibs;

namespace Vigie.Web.Features.Observatoire.Import;

/// <summary>
/// The files to fill in: an xlsx with the header row alone on its first sheet and, on a second sheet
/// "Aide", each column with the values it accepts; and the same header row as csv (UTF-8 with BOM,
/// ';' as Excel writes it in France).
/// </summary>
public static class ImportTemplate
{
    public const string SheetName = "Situations";
    public const string HelpSheetName = "Aide";

    public static byte[] Xlsx()
    {
        // Header rows written as data (printHeader: false): MiniExcel writes no header for an empty sheet.
        var header = new Dictionary<string, object?>();
        for (var i = 0; i < ImportColumns.All.Count; i++)
        {
            header[Letters(i)] = ImportColumns.All[i].Header;
        }

        var help = new List<Dictionary<string, object?>>
        {
            new() { ["A"] = "Colonne", ["B"] = "Obligatoire", ["C"] = "Valeurs acceptées", ["D"] = "Description" },
        };
        help.AddRange(ImportColumns.All.Select(c => new Dictionary<string, object?>
        {
            ["A"] = c.Header, ["B"] = c.Required ? "oui" : "non", ["C"] = c.Accepted, ["D"] = c.Help,
        }));
        help.Add(new() { ["A"] = "", ["B"] = "", ["C"] = "", ["D"] = "" });
        help.Add(new()
        {
            ["A"] = "Remarques", ["B"] = "",
            ["C"] = "Une ligne par mineur. Majuscules et accents indifférents. Pas de formule : des valeurs seulement.",
            ["D"] = "Un mineur déjà présent dans Vigie (même nom, prénom et date de naissance) n'est pas importé une seconde fois.",
        });

        using var stream = new MemoryStream();
        stream.SaveAs(new Dictionary<string, object>
        {
            [SheetName] = new[] { header },
            [HelpSheetName] = help,
        }, printHeader: false);
        return stream.ToArray();
    }

    public static byte[] Csv()
    {
        var line = string.Join(';', ImportColumns.All.Select(c => Platform.Export.Csv.Cell(c.Header))) + "\r\n";
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(line)];
    }

    private static string Letters(int index)
    {
        var name = string.Empty;
        for (var n = index + 1; n > 0; n = (n - 1) / 26)
        {
            name = (char)('A' + ((n - 1) % 26)) + name;
        }

        return name;
    }
}
