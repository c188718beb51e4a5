using System.Globalization;
using Vigie.Web.Features.Situations;
using Vigie.Web.Features.Situations.LegalSteps;
using Vigie.Web.Features.Situations.Trame;

namespace Vigie.Web.Features.Observatoire.Import;

/// <summary>One problem of the file, in French. <see cref="Line"/> is 0 for the file as a whole (its columns).</summary>
public sealed record ImportError(int Line, string? Column, string Problem)
{
    /// <summary>"Ligne 14, « date de naissance » : « 31/02/2009 » n'est pas une date."</summary>
    public string Message => Column is null ? $"Ligne {Line} : {Problem}" : $"Ligne {Line}, « {Column} » : {Problem}";
}

/// <summary>A line that passed every check: what the commit will write for it.</summary>
public sealed record ImportLine(
    int Line,
    MinorIdentity Identity,
    Sex Sex,
    string? Territory,
    Dictionary<string, Dictionary<string, string>> Trame,
    IReadOnlyList<(LegalStepKind Kind, DateOnly On)> Steps,
    DateOnly? ClosedOn,
    ClosureReason? ClosureReason);

/// <summary>
/// Reads one data row against the columns found in the header: each value must be exactly a choice
/// of the trame (its key or its label, without regard to case or accents), a date, a number in the
/// trame's range… Errors quote the offending cell only, shortened. The trame values then go through
/// the trame's own checks (<see cref="TrameValidator"/>, values only: an historical file has no
/// authors, facts or analysis to require).
/// </summary>
public sealed class ImportLineParser(IReadOnlyList<ImportColumn?> columns, DateOnly today)
{
    private const int ShownLength = 40;

    /// <summary>Longest value read from any cell; beyond, the value is not even looked at.</summary>
    public const int CellLimit = 500;

    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    private static readonly Dictionary<ImportColumn, Dictionary<string, string>> Choices = ImportColumns.All
        .Where(c => c.Kind is ImportColumnKind.TrameChoice or ImportColumnKind.SiblingRank)
        .ToDictionary(c => c, c => OptionsOf(c.Field!));

    private static readonly Dictionary<string, Sex> Sexes = new(StringComparer.Ordinal)
    {
        ["f"] = Sex.Fille, ["fille"] = Sex.Fille, ["feminin"] = Sex.Fille,
        ["m"] = Sex.Garcon, ["garcon"] = Sex.Garcon, ["masculin"] = Sex.Garcon,
        ["autre"] = Sex.Autre,
        ["non renseigne"] = Sex.NonRenseigne, ["nonrenseigne"] = Sex.NonRenseigne,
    };

    private static readonly Dictionary<string, ClosureReason> Reasons = Enum.GetValues<ClosureReason>()
        .SelectMany(r => new[] { (ImportColumns.Fold(r.ToString()), r), (ImportColumns.Fold(SituationLabels.Closure(r)), r) })
        .Concat([
            (ImportColumns.Fold("fin de la conduite"), ClosureReason.ConduiteTerminee),
            (ImportColumns.Fold("autre"), ClosureReason.Autre),
        ])
        .DistinctBy(p => p.Item1)
        .ToDictionary(p => p.Item1, p => p.Item2, StringComparer.Ordinal);

    private static Dictionary<string, string> OptionsOf(TrameField field)
    {
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var option in field.Options)
        {
            options.TryAdd(ImportColumns.Fold(option.Key), option.Key);
            options.TryAdd(ImportColumns.Fold(option.Label), option.Key);
        }

        return options;
    }

    /// <summary>The line, or the errors that keep it out (at least one).</summary>
    public (ImportLine? Line, List<ImportError> Errors) Parse(SheetRow row)
    {
        var errors = new List<ImportError>();
        string? lastName = null, firstName = null, territory = null;
        DateOnly? birth = null, detected = null, closedOn = null;
        ClosureReason? reason = null;
        var sex = Sex.NonRenseigne;
        var steps = new List<(LegalStepKind, DateOnly)>();
        var dates = new List<(ImportColumn Column, DateOnly Date)>();
        var trame = TrameSchema.Sections.ToDictionary(s => s.Key, _ => new Dictionary<string, string>(), StringComparer.Ordinal);

        void Error(ImportColumn column, string problem) => errors.Add(new ImportError(row.Number, column.Header, problem));

        for (var i = 0; i < columns.Count; i++)
        {
            if (columns[i] is not { } column)
            {
                continue;
            }

            var cell = i < row.Cells.Count ? row.Cells[i] : null;
            if (cell is null || cell.IsEmpty)
            {
                if (column.Required)
                {
                    Error(column, "la valeur est obligatoire.");
                }

                continue;
            }

            if (cell.Formula)
            {
                Error(column, "la cellule contient une formule : remplacez-la par sa valeur (copier, puis collage spécial « valeurs »).");
                continue;
            }

            var text = cell.Text.Trim();
            var limit = column.Kind == ImportColumnKind.Text ? column.MaxLength : CellLimit;
            if (text.Length > limit)
            {
                Error(column, $"« {Shorten(text)} » fait {text.Length.ToString("N0", French)} caractères ; la limite est de {limit.ToString("N0", French)}.");
                continue;
            }

            switch (column.Kind)
            {
                case ImportColumnKind.Text:
                    if (text[0] is '=' or '+' or '-' or '@')
                    {
                        Error(column, $"« {Shorten(text)} » commence comme une formule (=, +, -, @) : saisissez le texte lui-même.");
                    }
                    else if (column.Header != ImportColumns.Territory && !text.Any(char.IsLetter))
                    {
                        Error(column, $"« {Shorten(text)} » ne contient aucune lettre.");
                    }
                    else if (column.Header == ImportColumns.LastName)
                    {
                        lastName = text;
                    }
                    else if (column.Header == ImportColumns.FirstName)
                    {
                        firstName = text;
                    }
                    else
                    {
                        territory = text;
                    }

                    break;

                case ImportColumnKind.Date or ImportColumnKind.TrameDate or ImportColumnKind.StepDate:
                    if (ReadDate(cell, text) is not { } date)
                    {
                        Error(column, $"« {Shorten(text)} » n'est pas une date.");
                    }
                    else if (date > today)
                    {
                        Error(column, $"« {date:dd/MM/yyyy} » est dans le futur.");
                    }
                    else if (date.Year < 1900)
                    {
                        Error(column, $"« {date:dd/MM/yyyy} » est trop ancienne : vérifiez l'année.");
                    }
                    else
                    {
                        dates.Add((column, date));
                        if (column.Header == ImportColumns.BirthDate)
                        {
                            birth = date;
                        }
                        else if (column.Header == ImportColumns.ClosedOn)
                        {
                            closedOn = date;
                        }
                        else if (column.Kind == ImportColumnKind.TrameDate)
                        {
                            detected = date;
                            trame[column.Section!][column.FieldKey!] = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                        }
                        else
                        {
                            steps.Add((column.Step!.Value, date));
                            if (column.Step == LegalStepKind.InformationPreoccupante)
                            {
                                trame[TrameSchema.Actions]["action_information_preoccupante_date"] = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                            }
                        }
                    }

                    break;

                case ImportColumnKind.Sex:
                    if (Sexes.TryGetValue(ImportColumns.Fold(text), out var s))
                    {
                        sex = s;
                    }
                    else
                    {
                        Error(column, $"« {Shorten(text)} » n'est pas une valeur acceptée ({column.Accepted}).");
                    }

                    break;

                case ImportColumnKind.ClosureReason:
                    if (Reasons.TryGetValue(ImportColumns.Fold(text), out var r))
                    {
                        reason = r;
                    }
                    else
                    {
                        Error(column, $"« {Shorten(text)} » n'est pas un motif accepté ({column.Accepted}).");
                    }

                    break;

                case ImportColumnKind.TrameNumber:
                    var field = column.Field!;
                    if (ReadWholeNumber(cell, text) is { } number && number >= field.Min && number <= field.Max)
                    {
                        trame[column.Section!][column.FieldKey!] = number.ToString(CultureInfo.InvariantCulture);
                    }
                    else
                    {
                        Error(column, $"« {Shorten(text)} » n'est pas un nombre entier de {field.Min} à {field.Max}.");
                    }

                    break;

                case ImportColumnKind.SiblingRank:
                    if (Choices[column].TryGetValue(ImportColumns.Fold(text), out var rank) && rank != "rang_n")
                    {
                        trame[column.Section!][column.FieldKey!] = rank;
                    }
                    else if (ReadWholeNumber(cell, text) is { } n && n >= 1 && n <= column.Field!.Max)
                    {
                        trame[column.Section!]["rang"] = "rang_n";
                        trame[column.Section!]["rang_n"] = n.ToString(CultureInfo.InvariantCulture);
                    }
                    else
                    {
                        Error(column, $"« {Shorten(text)} » n'est pas une valeur acceptée ({column.Accepted}).");
                    }

                    break;

                default:
                    if (Choices[column].TryGetValue(ImportColumns.Fold(text), out var key))
                    {
                        trame[column.Section!][column.FieldKey!] = key;
                    }
                    else
                    {
                        Error(column, $"« {Shorten(text)} » n'est pas une valeur acceptée ({column.Accepted}).");
                    }

                    break;
            }
        }

        if (birth is { } born)
        {
            foreach (var (column, date) in dates.Where(d => d.Column.Header != ImportColumns.BirthDate && d.Date < born))
            {
                Error(column, $"« {date:dd/MM/yyyy} » précède la date de naissance ({born:dd/MM/yyyy}).");
            }

            if (detected is { } on && AgeBands.YearsOld(born, on) is >= 18 and var age)
            {
                Error(ImportColumns.ByHeader[ImportColumns.Fold(ImportColumns.DetectedOn)],
                    $"à cette date ({on:dd/MM/yyyy}), le mineur aurait eu {age} ans : vérifiez la date de naissance et la date de repérage.");
            }
        }

        if (detected is { } detectedOn && closedOn is { } closed && closed < detectedOn)
        {
            Error(ImportColumns.ByHeader[ImportColumns.Fold(ImportColumns.ClosedOn)], $"« {closed:dd/MM/yyyy} » précède la date de repérage ({detectedOn:dd/MM/yyyy}).");
        }

        if (closedOn is null != reason is null && !errors.Any(e => e.Column is ImportColumns.ClosedOn or ImportColumns.ClosureReasonColumn))
        {
            errors.Add(closedOn is null
                ? new ImportError(row.Number, ImportColumns.ClosedOn, "indiquez la date de clôture, puisqu'un motif de clôture est donné.")
                : new ImportError(row.Number, ImportColumns.ClosureReasonColumn, "indiquez le motif de clôture, puisqu'une date de clôture est donnée."));
        }

        if (errors.Count > 0)
        {
            return (null, errors);
        }

        // The trame's own checks on the values (formats, ranges, dates against birth, rank against siblings).
        var context = new TrameContext(birth!.Value, today, key => trame.TryGetValue(key, out var v) ? v : []);
        // A section without any value can only lack required fields, which an historical line may.
        foreach (var section in TrameSchema.Sections.Where(s => trame[s.Key].Count > 0))
        {
            foreach (var problem in TrameValidator.Check(section, trame[section.Key], context).Where(e => !e.Missing))
            {
                var column = ImportColumns.All.FirstOrDefault(c => c.Section == section.Key && (c.FieldKey == problem.Cell.Field.Key
                    || (c.FieldKey == "rang" && problem.Cell.Field.Key == "rang_n")));
                errors.Add(new ImportError(row.Number, column?.Header, problem.Message));
            }
        }

        return errors.Count > 0
            ? (null, errors)
            : (new ImportLine(row.Number, new MinorIdentity(lastName!, firstName!, birth.Value), sex, territory, trame, steps, closedOn, reason), errors);
    }

    /// <summary>A date cell, an Excel serial number, or a text typed jj/mm/aaaa or aaaa-mm-jj.</summary>
    private static DateOnly? ReadDate(SheetCell cell, string text)
    {
        if (cell.Date is { } date)
        {
            return DateOnly.FromDateTime(date);
        }

        if (TrameValidator.TryParseDate(text, out var typed))
        {
            return typed;
        }

        // A date exported as text with its time ("14/03/2005 00:00:00").
        if (text.Split(' ', 2) is [var day, var time] && TimeOnly.TryParse(time, CultureInfo.InvariantCulture, out _)
            && TrameValidator.TryParseDate(day, out var withTime))
        {
            return withTime;
        }

        // A date cell that lost its format (or a csv written from one) shows Excel's serial number.
        var serial = cell.Number ?? (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null);
        return serial is { } value && value == Math.Floor(value) && value is >= 1 and < 2958466
            ? DateOnly.FromDateTime(DateTime.FromOADate(value))
            : null;
    }

    private static int? ReadWholeNumber(SheetCell cell, string text)
    {
        if (cell.Number is { } number)
        {
            return number == Math.Floor(number) && number is >= int.MinValue and <= int.MaxValue ? (int)number : null;
        }

        return int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) ? n : null;
    }

    /// <summary>At most 40 characters of a cell, so that a report never echoes more than a glimpse of what was typed.</summary>
    public static string Shorten(string text) => text.Length <= ShownLength ? text : text[..ShownLength] + "…";
}
