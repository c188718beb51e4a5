using System.Text;
using MiniExcelLibs;

namespace Vigie.Web.Features.Formation.Import;

/// <summary>
/// The attendance sheet to fill in: an xlsx with the header row on its first sheet and an "Aide" sheet
/// (each column, whether it is required, the values accepted), and the same header row as csv
/// (UTF-8 with BOM, ';' as Excel writes it in France). It holds no data.
/// </summary>
public static class AttendanceTemplate
{
    public const string SheetName = "Émargement";
    public const string HelpSheetName = "Aide";

    public static byte[] Xlsx()
    {
        // Header written as a data row: MiniExcel writes no header for an empty sheet.
        var header = new Dictionary<string, object?>();
        for (var i = 0; i < AttendanceColumns.All.Count; i++)
        {
            header[((char)('A' + i)).ToString()] = AttendanceColumns.All[i].Header;
        }

        var help = new List<Dictionary<string, object?>>
        {
            new() { ["A"] = "Colonne", ["B"] = "Obligatoire", ["C"] = "Valeurs acceptées", ["D"] = "Description" },
        };
        help.AddRange(AttendanceColumns.All.Select(c => new Dictionary<string, object?>
        {
            ["A"] = c.Header, ["B"] = c.Required ? "oui" : "non", ["C"] = c.Accepted, ["D"] = c.Help,
        }));
        help.Add(new() { ["A"] = "", ["B"] = "", ["C"] = "", ["D"] = "" });
        help.Add(new()
        {
            ["A"] = "Remarques", ["B"] = "",
            ["C"] = "Une ligne par participant. Majuscules et accents indifférents. Pas de formule : des valeurs seulement.",
            ["D"] = "Une personne déjà inscrite à la session n'est pas comptée deux fois : la même feuille peut être envoyée de nouveau.",
        });

        using var stream = new MemoryStream();
        stream.SaveAs(new Dictionary<string, object> { [SheetName] = new[] { header }, [HelpSheetName] = help }, printHeader: false);
        return stream.ToArray();
    }

    public static byte[] Csv()
    {
        var line = string.Join(';', AttendanceColumns.All.Select(c => Platform.Export.Csv.Cell(c.Header))) + "\r\n";
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(line)];
    }
}
