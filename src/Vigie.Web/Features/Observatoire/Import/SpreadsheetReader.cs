using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Xml;

namespace Vigie.Web.Features.Observatoire.Import;

/// <summary>One cell as read: its text, and for an xlsx cell its date or number, or that it holds a formula.</summary>
public sealed record SheetCell(string Text, DateTime? Date = null, double? Number = null, bool Formula = false)
{
    public bool IsEmpty => !Formula && Date is null && Number is null && string.IsNullOrWhiteSpace(Text);
}

/// <summary>A data row and its number as the spreadsheet shows it (the header is row 1).</summary>
public sealed record SheetRow(int Number, IReadOnlyList<SheetCell?> Cells);

public sealed record Sheet(IReadOnlyList<string> Headers, IReadOnlyList<SheetRow> Rows);

/// <summary>The first worksheet of an xlsx file or the rows of a csv file, or why the file cannot be read (in French).</summary>
public abstract record SheetReadResult
{
    public sealed record Read(Sheet Sheet, string Format) : SheetReadResult;

    public sealed record Unreadable(string Message) : SheetReadResult;
}

/// <summary>
/// Reads the file uploaded for an import. An xlsx file is read straight from its XML parts: a cell's
/// formula must be refused rather than its last computed value trusted, and the row numbers must be
/// the ones Excel shows (empty rows included), which a generic reader does not tell. A csv file is
/// UTF-8 (with or without BOM) or, when it is not valid UTF-8, Windows-1252 as Excel writes it; the
/// separator is ';' or ',', whichever splits the header line. Nothing is ever evaluated.
/// </summary>
public static class SpreadsheetReader
{
    private static readonly byte[] ZipMagic = [0x50, 0x4B, 0x03, 0x04];
    private static readonly byte[] OleMagic = [0xD0, 0xCF, 0x11, 0xE0];

    private const string MainNs = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private const string RelNs = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    public static SheetReadResult Read(byte[] content)
    {
        if (content.Length == 0)
        {
            return new SheetReadResult.Unreadable("Le fichier est vide.");
        }

        if (content.AsSpan().StartsWith(ZipMagic))
        {
            return ReadXlsx(content);
        }

        if (content.AsSpan().StartsWith(OleMagic))
        {
            return new SheetReadResult.Unreadable(
                "Ce fichier est au format Excel 97-2003 (.xls), qui n'est pas pris en charge : enregistrez-le au format .xlsx ou .csv, puis envoyez-le de nouveau.");
        }

        return LooksLikeText(content) ? ReadCsv(content) : new SheetReadResult.Unreadable(NotASpreadsheet);
    }

    private const string NotASpreadsheet = "Ce fichier n'est ni un classeur Excel (.xlsx) ni un fichier CSV : utilisez le modèle proposé sur cette page.";

    private static bool LooksLikeText(byte[] content)
    {
        var sample = content.AsSpan(0, Math.Min(content.Length, 8192));
        var controls = 0;
        foreach (var b in sample)
        {
            if (b == 0)
            {
                return false;
            }

            if (b < 0x20 && b is not (0x09 or 0x0A or 0x0D))
            {
                controls++;
            }
        }

        return controls * 100 < sample.Length;
    }

    // ---- csv ----

    private static SheetReadResult ReadCsv(byte[] content)
    {
        var text = Decode(content);
        var separator = DetectSeparator(text);
        var records = ParseCsv(text, separator);
        while (records.Count > 0 && records[^1].Cells.All(c => c is null || c.IsEmpty))
        {
            records.RemoveAt(records.Count - 1);
        }

        if (records.Count == 0)
        {
            return new SheetReadResult.Unreadable("Le fichier est vide.");
        }

        var headers = records[0].Cells.Select(c => c?.Text ?? string.Empty).ToList();
        return new SheetReadResult.Read(new Sheet(headers, records.Skip(1).ToList()), "csv");
    }

    /// <summary>UTF-8 when it decodes as UTF-8 (BOM removed), else Windows-1252 (Excel's "CSV (séparateur : point-virgule)" on a French Windows).</summary>
    public static string Decode(byte[] content)
    {
        var span = content.AsSpan();
        if (span.StartsWith(Encoding.UTF8.Preamble))
        {
            span = span[Encoding.UTF8.Preamble.Length..];
        }

        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(span);
        }
        catch (DecoderFallbackException)
        {
            return Windows1252.GetString(content);
        }
    }

    private static readonly Encoding Windows1252 = CodePagesEncodingProvider.Instance.GetEncoding(1252)!;

    private static char DetectSeparator(string text)
    {
        int semicolons = 0, commas = 0;
        var quoted = false;
        foreach (var c in text)
        {
            if (c == '"')
            {
                quoted = !quoted;
            }
            else if (!quoted && c is '\n' or '\r')
            {
                break;
            }
            else if (!quoted && c == ';')
            {
                semicolons++;
            }
            else if (!quoted && c == ',')
            {
                commas++;
            }
        }

        return commas > semicolons ? ',' : ';';
    }

    /// <summary>RFC 4180 records (quoted fields may hold separators, quotes doubled and line breaks), numbered from 1.</summary>
    private static List<SheetRow> ParseCsv(string text, char separator)
    {
        var rows = new List<SheetRow>();
        var cells = new List<SheetCell?>();
        var field = new StringBuilder();
        var quoted = false;
        var line = 1;
        var recordLine = 1;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"')
                {
                    if (i + 1 < text.Length && text[i + 1] == '"')
                    {
                        field.Append('"');
                        i++;
                    }
                    else
                    {
                        quoted = false;
                    }
                }
                else
                {
                    if (c == '\n')
                    {
                        line++;
                    }

                    field.Append(c);
                }
            }
            else if (c == '"' && field.Length == 0)
            {
                quoted = true;
            }
            else if (c == separator)
            {
                cells.Add(new SheetCell(field.ToString()));
                field.Clear();
            }
            else if (c is '\r' or '\n')
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }

                cells.Add(new SheetCell(field.ToString()));
                field.Clear();
                rows.Add(new SheetRow(recordLine, cells));
                cells = [];
                line++;
                recordLine = line;
            }
            else
            {
                field.Append(c);
            }
        }

        if (field.Length > 0 || cells.Count > 0)
        {
            cells.Add(new SheetCell(field.ToString()));
            rows.Add(new SheetRow(recordLine, cells));
        }

        return rows;
    }

    // ---- xlsx ----

    private static SheetReadResult ReadXlsx(byte[] content)
    {
        try
        {
            using var zip = new ZipArchive(new MemoryStream(content), ZipArchiveMode.Read);
            var sheetPath = FirstSheetPath(zip);
            if (sheetPath is null || zip.GetEntry(sheetPath) is not { } sheetEntry)
            {
                return new SheetReadResult.Unreadable(NotASpreadsheet);
            }

            var strings = SharedStrings(zip);
            var dateStyles = DateStyles(zip);
            var rows = ReadSheet(sheetEntry, strings, dateStyles);
            while (rows.Count > 0 && rows[^1].Cells.All(c => c is null || c.IsEmpty))
            {
                rows.RemoveAt(rows.Count - 1);
            }

            if (rows.Count == 0 || rows[0].Number != 1)
            {
                return new SheetReadResult.Unreadable(rows.Count == 0
                    ? "Le fichier est vide."
                    : "La première ligne de la première feuille doit être la ligne d'en-tête (les noms des colonnes).");
            }

            var headers = rows[0].Cells.Select(c => c?.Text ?? string.Empty).ToList();
            return new SheetReadResult.Read(new Sheet(headers, rows.Skip(1).ToList()), "xlsx");
        }
        catch (Exception ex) when (ex is InvalidDataException or XmlException or IOException or FormatException or OverflowException)
        {
            return new SheetReadResult.Unreadable("Ce classeur Excel est endommagé ou n'est pas au format .xlsx : ouvrez-le dans votre tableur, enregistrez-le de nouveau au format .xlsx, puis réessayez.");
        }
    }

    private static string? FirstSheetPath(ZipArchive zip)
    {
        var workbook = zip.GetEntry("xl/workbook.xml");
        var rels = zip.GetEntry("xl/_rels/workbook.xml.rels");
        if (workbook is null || rels is null)
        {
            return null;
        }

        string? relationId = null;
        using (var reader = XmlReader.Create(workbook.Open(), Settings))
        {
            while (reader.Read())
            {
                if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "sheet")
                {
                    relationId = reader.GetAttribute("id", RelNs);
                    break;
                }
            }
        }

        using (var reader = XmlReader.Create(rels.Open(), Settings))
        {
            while (reader.Read())
            {
                if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "Relationship" && reader.GetAttribute("Id") == relationId)
                {
                    var target = reader.GetAttribute("Target") ?? string.Empty;
                    return target.StartsWith('/') ? target.TrimStart('/') : "xl/" + target;
                }
            }
        }

        return null;
    }

    private static readonly XmlReaderSettings Settings = new() { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, IgnoreWhitespace = false };

    private static List<string> SharedStrings(ZipArchive zip)
    {
        var strings = new List<string>();
        if (zip.GetEntry("xl/sharedStrings.xml") is not { } entry)
        {
            return strings;
        }

        using var reader = XmlReader.Create(entry.Open(), Settings);
        StringBuilder? current = null;
        var phonetic = 0;
        while (reader.Read())
        {
            if (reader.NodeType == XmlNodeType.Element)
            {
                switch (reader.LocalName)
                {
                    case "si":
                        current = new StringBuilder();
                        if (reader.IsEmptyElement)
                        {
                            strings.Add(string.Empty);
                            current = null;
                        }

                        break;
                    case "rPh" when !reader.IsEmptyElement:
                        phonetic++;
                        break;
                    case "t" when current is not null && phonetic == 0 && !reader.IsEmptyElement:
                        current.Append(reader.ReadElementContentAsString());
                        break;
                }
            }
            else if (reader.NodeType == XmlNodeType.EndElement)
            {
                if (reader.LocalName == "rPh")
                {
                    phonetic--;
                }
                else if (reader.LocalName == "si" && current is not null)
                {
                    strings.Add(current.ToString());
                    current = null;
                }
            }
        }

        return strings;
    }

    /// <summary>The cell styles (index into cellXfs) whose number format shows a date.</summary>
    private static HashSet<int> DateStyles(ZipArchive zip)
    {
        var result = new HashSet<int>();
        if (zip.GetEntry("xl/styles.xml") is not { } entry)
        {
            return result;
        }

        var customDates = new HashSet<int>();
        var inCellXfs = false;
        var index = 0;
        using var reader = XmlReader.Create(entry.Open(), Settings);
        while (reader.Read())
        {
            if (reader.NodeType == XmlNodeType.Element)
            {
                if (reader.LocalName == "numFmt" && int.TryParse(reader.GetAttribute("numFmtId"), CultureInfo.InvariantCulture, out var id)
                    && IsDateFormat(reader.GetAttribute("formatCode") ?? string.Empty))
                {
                    customDates.Add(id);
                }
                else if (reader.LocalName == "cellXfs")
                {
                    inCellXfs = !reader.IsEmptyElement;
                }
                else if (inCellXfs && reader.LocalName == "xf")
                {
                    var format = int.TryParse(reader.GetAttribute("numFmtId"), CultureInfo.InvariantCulture, out var f) ? f : 0;
                    if (format is >= 14 and <= 22 or >= 45 and <= 47 || customDates.Contains(format))
                    {
                        result.Add(index);
                    }

                    index++;
                }
            }
            else if (reader.NodeType == XmlNodeType.EndElement && reader.LocalName == "cellXfs")
            {
                inCellXfs = false;
            }
        }

        return result;
    }

    private static bool IsDateFormat(string code)
    {
        var plain = new StringBuilder();
        var skip = '\0';
        foreach (var c in code)
        {
            if (skip != '\0')
            {
                skip = c == skip ? '\0' : skip;
            }
            else if (c == '"')
            {
                skip = '"';
            }
            else if (c == '[')
            {
                skip = ']';
            }
            else
            {
                plain.Append(char.ToLowerInvariant(c));
            }
        }

        var text = plain.ToString();
        return text.Contains('y', StringComparison.Ordinal) || text.Contains('d', StringComparison.Ordinal);
    }

    private static List<SheetRow> ReadSheet(ZipArchiveEntry entry, List<string> strings, HashSet<int> dateStyles)
    {
        var rows = new List<SheetRow>();
        using var reader = XmlReader.Create(entry.Open(), Settings);
        List<SheetCell?>? cells = null;
        var rowNumber = 0;
        while (reader.Read())
        {
            if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "row")
            {
                rowNumber = int.TryParse(reader.GetAttribute("r"), CultureInfo.InvariantCulture, out var r) ? r : rowNumber + 1;
                cells = [];
                if (reader.IsEmptyElement)
                {
                    rows.Add(new SheetRow(rowNumber, cells));
                    cells = null;
                }
            }
            else if (reader.NodeType == XmlNodeType.EndElement && reader.LocalName == "row" && cells is not null)
            {
                rows.Add(new SheetRow(rowNumber, cells));
                cells = null;
            }
            else if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "c" && cells is not null)
            {
                var column = ColumnIndex(reader.GetAttribute("r")) ?? cells.Count;
                var type = reader.GetAttribute("t") ?? "n";
                var style = int.TryParse(reader.GetAttribute("s"), CultureInfo.InvariantCulture, out var s) ? s : 0;
                var cell = ReadCell(reader, type, dateStyles.Contains(style), strings);
                while (cells.Count <= column)
                {
                    cells.Add(null);
                }

                cells[column] = cell;
            }
        }

        return rows;
    }

    private static SheetCell ReadCell(XmlReader reader, string type, bool dateStyle, List<string> strings)
    {
        string? value = null;
        var inline = new StringBuilder();
        var formula = false;
        if (!reader.IsEmptyElement)
        {
            var depth = reader.Depth;
            while (reader.Read() && !(reader.NodeType == XmlNodeType.EndElement && reader.Depth == depth))
            {
                if (reader.NodeType != XmlNodeType.Element)
                {
                    continue;
                }

                switch (reader.LocalName)
                {
                    case "f":
                        formula = true;
                        break;
                    case "v" when !reader.IsEmptyElement:
                        value = reader.ReadElementContentAsString();
                        if (reader.NodeType == XmlNodeType.EndElement && reader.Depth == depth)
                        {
                            goto done;
                        }

                        break;
                    case "t" when !reader.IsEmptyElement:
                        inline.Append(reader.ReadElementContentAsString());
                        if (reader.NodeType == XmlNodeType.EndElement && reader.Depth == depth)
                        {
                            goto done;
                        }

                        break;
                }
            }
        }

    done:
        if (formula)
        {
            return new SheetCell(value ?? string.Empty, Formula: true);
        }

        switch (type)
        {
            case "s":
                return new SheetCell(int.TryParse(value, CultureInfo.InvariantCulture, out var i) && i >= 0 && i < strings.Count ? strings[i] : string.Empty);
            case "inlineStr":
                return new SheetCell(inline.ToString());
            case "str":
            case "e":
                return new SheetCell(value ?? string.Empty);
            case "b":
                return new SheetCell(value == "1" ? "oui" : "non");
            case "d":
                return DateTime.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var d)
                    ? new SheetCell(value!, Date: d)
                    : new SheetCell(value ?? string.Empty);
            default:
                if (!double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
                {
                    return new SheetCell(value ?? string.Empty);
                }

                var text = number.ToString(CultureInfo.InvariantCulture);
                return dateStyle && number is >= 1 and < 2958466
                    ? new SheetCell(text, Date: DateTime.FromOADate(number), Number: number)
                    : new SheetCell(text, Number: number);
        }
    }

    /// <summary>"C12" → 2.</summary>
    private static int? ColumnIndex(string? reference)
    {
        if (string.IsNullOrEmpty(reference))
        {
            return null;
        }

        var index = 0;
        var letters = 0;
        foreach (var c in reference)
        {
            if (c is >= 'A' and <= 'Z')
            {
                index = (index * 26) + (c - 'A' + 1);
                letters++;
            }
            else
            {
                break;
            }
        }

        return letters is 0 or > 3 ? null : index - 1;
    }
}
