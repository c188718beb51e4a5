using System.Globalization;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Vigie.Web.Platform.Web;

/// <summary>A period typed as two days ("du", "au"), checked with French messages beside each field.</summary>
public static class PeriodInput
{
    /// <summary>The longest period asked at once (about ten years).</summary>
    public const int MaxDays = 3660;

    private static readonly string[] DateFormats = ["yyyy-MM-dd", "dd/MM/yyyy"];

    /// <summary>The period, or null with the messages added under the keys "du" and "au".</summary>
    public static (DateOnly From, DateOnly To)? Parse(string? fromText, string? toText, ModelStateDictionary errors)
    {
        var fromOk = TryParse(fromText, out var from);
        var toOk = TryParse(toText, out var to);
        if (!fromOk)
        {
            errors.AddModelError("du", $"La date de début « {Shorten(fromText)} » n'est pas valide : indiquez un jour (jj/mm/aaaa).");
        }

        if (!toOk)
        {
            errors.AddModelError("au", $"La date de fin « {Shorten(toText)} » n'est pas valide : indiquez un jour (jj/mm/aaaa).");
        }

        if (fromOk && toOk && to < from)
        {
            errors.AddModelError("au", "La date de fin précède la date de début.");
        }
        else if (fromOk && toOk && to.DayNumber - from.DayNumber > MaxDays)
        {
            errors.AddModelError("au", "La période demandée dépasse dix ans : choisissez-en une plus courte.");
        }

        return fromOk && toOk && to >= from && to.DayNumber - from.DayNumber <= MaxDays ? (from, to) : null;
    }

    private static string Shorten(string? text) => text is { Length: > 40 } ? text[..40] + "…" : text ?? "";

    private static bool TryParse(string? text, out DateOnly day) =>
        DateOnly.TryParseExact(text?.Trim(), DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out day);
}
