using System.Globalization;
using System.Net.Mail;

namespace Vigie.Web.Features.Situations.Trame;

/// <summary>What the checks need beyond the section itself: the minor's birth date, today, and the other sections.</summary>
public sealed record TrameContext(DateOnly BirthDate, DateOnly Today, Func<string, IReadOnlyDictionary<string, string>> Section);

/// <summary>
/// One problem in a section. <see cref="Missing"/> marks a value needed before the evaluation can
/// be validated (a draft may lack it); the others are values that are wrong as typed.
/// </summary>
public sealed record TrameError(TrameSection Section, TrameCell Cell, string Message, bool Missing);

/// <summary>The checks of the trame, in French, field by field, then the rules that tie fields together.</summary>
public static class TrameValidator
{
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    public static List<TrameError> Check(TrameSection section, IReadOnlyDictionary<string, string> values, TrameContext context)
    {
        var errors = new List<TrameError>();
        foreach (var cell in section.Cells)
        {
            var raw = values.TryGetValue(cell.Key, out var v) ? v : string.Empty;
            if (string.IsNullOrWhiteSpace(raw))
            {
                if (cell.Part == CellPart.Value && cell.Field.Required)
                {
                    errors.Add(new TrameError(section, cell, $"« {FullLabel(cell)} » est à renseigner pour valider l'évaluation.", Missing: true));
                }

                continue;
            }

            if (CheckValue(cell, raw.Trim(), context) is { } message)
            {
                errors.Add(new TrameError(section, cell, message, Missing: false));
            }
        }

        // A date or a comment without a level says nothing about the indicator.
        foreach (var indicator in section.Fields.Where(f => f.Kind == FieldKind.Indicator))
        {
            if (IsEmpty(values, indicator.Key) && (!IsEmpty(values, indicator.Key + TrameSchema.DateSuffix) || !IsEmpty(values, indicator.Key + TrameSchema.CommentSuffix)))
            {
                errors.Add(new TrameError(section, indicator.Cells.First(), $"« {indicator.Label} » : indiquez le niveau (non observé, suspecté, avéré ou inconnu).", Missing: true));
            }
        }

        errors.AddRange(CrossFieldRules(section, values, context));
        return errors;
    }

    /// <summary>The label with its group, to be understood out of the form (error lists, comparisons).</summary>
    public static string FullLabel(TrameCell cell) =>
        cell.Field.Group is { } group && cell.Field.Kind != FieldKind.Indicator && group != cell.Field.Label ? $"{group} : {cell.Label}" : cell.Label;

    private static string? CheckValue(TrameCell cell, string raw, TrameContext context)
    {
        var label = FullLabel(cell);
        if (cell.IsText)
        {
            var max = cell.Field.Kind == FieldKind.LongText ? TrameSchema.LongTextMax : TrameSchema.ShortTextMax;
            if (raw.Length > max)
            {
                return $"« {label} » fait {raw.Length.ToString("N0", French)} caractères ; la limite est de {max.ToString("N0", French)}.";
            }

            return cell.Part == CellPart.Value ? CheckFormat(cell.Field.Format, raw, label) : null;
        }

        if (cell.IsDate)
        {
            if (!TryParseDate(raw, out var date))
            {
                return $"« {label} » : « {Shorten(raw)} » n'est pas une date valide (jj/mm/aaaa).";
            }

            if (date > context.Today)
            {
                return $"« {label} » ne peut pas être dans le futur.";
            }

            if (date < context.BirthDate)
            {
                return $"« {label} » ne peut pas précéder la date de naissance du mineur ({context.BirthDate:dd/MM/yyyy}).";
            }

            return null;
        }

        switch (cell.Field.Kind)
        {
            case FieldKind.WholeNumber:
                return int.TryParse(raw, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) && number >= cell.Field.Min && number <= cell.Field.Max
                    ? null
                    : $"« {label} » doit être un nombre entier entre {cell.Field.Min} et {cell.Field.Max}.";
            case FieldKind.MultiChoice:
                return SplitChoices(raw).All(k => cell.Field.OptionLabel(k) is not null) ? null : $"« {label} » : choisissez parmi les cases proposées.";
            default:
                return cell.Field.OptionLabel(raw) is null ? $"« {label} » : choisissez une valeur de la liste." : null;
        }
    }

    private static string? CheckFormat(TextFormat format, string raw, string label) => format switch
    {
        TextFormat.Phone when raw.Any(c => !(char.IsAsciiDigit(c) || c is ' ' or '+' or '.' or '-' or '(' or ')'))
            || raw.Count(char.IsAsciiDigit) is < 4 or > 20 => $"« {label} » : numéro de téléphone non valide (chiffres, espaces, +, points ou tirets).",
        TextFormat.Email when !MailAddress.TryCreate(raw, out var address) || address.Address != raw || !address.Host.Contains('.', StringComparison.Ordinal)
            => $"« {label} » : adresse électronique non valide (par exemple prenom.nom@organisation.fr).",
        _ => null,
    };

    private static IEnumerable<TrameError> CrossFieldRules(TrameSection section, IReadOnlyDictionary<string, string> values, TrameContext context)
    {
        TrameError Missing(string key, string message) => new(section, Cell(section, key), message, true);
        TrameError Wrong(string key, string message) => new(section, Cell(section, key), message, false);

        switch (section.Key)
        {
            case TrameSchema.EnTete:
                for (var n = 2; n <= TrameSchema.AuthorSlots; n++)
                {
                    var slot = section.Fields.Where(f => f.Key.StartsWith($"auteur{n}_", StringComparison.Ordinal)).ToList();
                    if (slot.All(f => IsEmpty(values, f.Key)))
                    {
                        continue;
                    }

                    foreach (var key in new[] { $"auteur{n}_nom", $"auteur{n}_fonction", $"auteur{n}_organisation" }.Where(k => IsEmpty(values, k)))
                    {
                        yield return Missing(key, $"« {FullLabel(Cell(section, key))} » est à renseigner, puisque cet auteur est indiqué.");
                    }
                }

                break;
            case TrameSchema.Administratif:
                if (Value(values, "lieu_de_vie") == "autre" && IsEmpty(values, "lieu_de_vie_precision"))
                {
                    yield return Missing("lieu_de_vie_precision", "Précisez le lieu de vie, puisque « Autre » est choisi.");
                }

                if (Value(values, "plainte_deposee") == "oui" && IsEmpty(values, "plainte_date"))
                {
                    yield return Missing("plainte_date", "Indiquez la date de la plainte, puisqu'une plainte a été déposée.");
                }

                break;
            case TrameSchema.Famille:
                if (Value(values, "rang") == "rang_n" && IsEmpty(values, "rang_n"))
                {
                    yield return Missing("rang_n", "Indiquez le rang du mineur dans la fratrie, puisque « Autre rang » est choisi.");
                }

                if (Number(values, "rang_n") is { } rank && Number(values, "fratrie_nombre") is { } siblings && rank > siblings)
                {
                    yield return Wrong("rang_n", "Le rang ne peut pas dépasser le nombre d'enfants de la fratrie.");
                }

                if (IsEmpty(values, "parents_informes_date") && IsEmpty(values, "parents_non_informes_motif"))
                {
                    yield return Missing("parents_informes_date", "Indiquez la date à laquelle les parents ont été informés, ou la raison pour laquelle ils ne l'ont pas été.");
                }

                break;
            case TrameSchema.Validation:
                var header = context.Section(TrameSchema.EnTete);
                foreach (var author in SplitChoices(Value(values, "auteurs_confirment")))
                {
                    if (section.Field("auteurs_confirment")!.OptionLabel(author) is not null && IsEmpty(header, author + "_nom"))
                    {
                        yield return Wrong("auteurs_confirment", $"L'{author.Replace("auteur", "auteur ", StringComparison.Ordinal)} n'est pas renseigné dans l'en-tête.");
                    }
                }

                if (TryParseDate(Value(values, "date_validation"), out var validatedOn)
                    && TryParseDate(Value(context.Section(TrameSchema.Reperage), "date_reperage"), out var detectedOn) && validatedOn < detectedOn)
                {
                    yield return Wrong("date_validation", "La date de validation ne peut pas précéder la date du repérage.");
                }

                break;
        }
    }

    private static TrameCell Cell(TrameSection section, string key) => section.Cells.First(c => c.Key == key);

    private static string Value(IReadOnlyDictionary<string, string> values, string key) =>
        values.TryGetValue(key, out var v) ? v.Trim() : string.Empty;

    private static bool IsEmpty(IReadOnlyDictionary<string, string> values, string key) => Value(values, key).Length == 0;

    public static int? Number(IReadOnlyDictionary<string, string> values, string key) =>
        int.TryParse(Value(values, key), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : null;

    public static IEnumerable<string> SplitChoices(string raw) =>
        raw.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>A date as a date input sends it (yyyy-mm-dd) or as a person types it (jj/mm/aaaa).</summary>
    public static bool TryParseDate(string? raw, out DateOnly date) =>
        DateOnly.TryParseExact(raw?.Trim(), ["yyyy-MM-dd", "dd/MM/yyyy", "d/M/yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out date)
        && date.Year >= 1900;

    private static string Shorten(string raw) => raw.Length <= 40 ? raw : raw[..40] + "…";
}
