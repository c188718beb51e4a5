using System.Globalization;

namespace Vigie.Web.Features.Situations.Trame;

/// <summary>How stored trame values read in French (labels of choices, dates as jj/mm/aaaa), and French local time.</summary>
public static class TrameDisplay
{
    private static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(clock.GetUtcNow().UtcDateTime, Paris));

    public static string LocalTime(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Paris).ToString("dd/MM/yyyy 'à' HH:mm", CultureInfo.InvariantCulture);

    public static string LocalDate(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Paris).ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    /// <summary>A stored value as a reader sees it; a value the schema does not know is shown as typed.</summary>
    public static string Text(TrameCell cell, string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            return string.Empty;
        }

        if (cell.IsDate)
        {
            return TrameValidator.TryParseDate(raw, out var date) ? date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture) : raw;
        }

        if (cell.IsText || cell.Field.Kind == FieldKind.WholeNumber)
        {
            return raw;
        }

        if (cell.Field.Kind == FieldKind.MultiChoice)
        {
            return string.Join(" ; ", TrameValidator.SplitChoices(raw).Select(k => cell.Field.OptionLabel(k) ?? k));
        }

        return cell.Field.OptionLabel(raw.Trim()) ?? raw;
    }

    /// <summary>Whether a stored value is a date the browser's date input can show (otherwise a text input keeps it as typed).</summary>
    public static bool IsIsoDate(string? raw) =>
        string.IsNullOrEmpty(raw) || DateOnly.TryParseExact(raw, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _);

    /// <summary>The groups of a section's fields, in order, each with its fields (group null: fields outside any fieldset).</summary>
    public static IEnumerable<(string? Group, List<TrameField> Fields)> Groups(TrameSection section)
    {
        (string? Group, List<TrameField> Fields)? current = null;
        foreach (var field in section.Fields)
        {
            if (current is null || current.Value.Group != field.Group)
            {
                if (current is not null)
                {
                    yield return current.Value;
                }

                current = (field.Group, []);
            }

            current.Value.Fields.Add(field);
        }

        if (current is not null)
        {
            yield return current.Value;
        }
    }
}
