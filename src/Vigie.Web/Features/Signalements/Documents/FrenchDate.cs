using System.Globalization;
using Vigie.Web.Platform.Web;

namespace Vigie.Web.Features.Signalements.Documents;

/// <summary>Dates written out in French as in a letter: "29 novembre 2026", "1er décembre 2026".</summary>
public static class FrenchDate
{
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    /// <summary>The Paris calendar date of an instant.</summary>
    public static DateOnly ParisDate(DateTimeOffset instant) =>
        DateOnly.FromDateTime(ParisTime.ToLocal(instant.UtcDateTime));

    /// <summary>"29 novembre 2026"; the first of the month is "1er".</summary>
    public static string Written(DateOnly date)
    {
        var day = date.Day == 1 ? "1er" : date.Day.ToString(CultureInfo.InvariantCulture);
        return $"{day} {French.DateTimeFormat.GetMonthName(date.Month)} {date.Year.ToString(CultureInfo.InvariantCulture)}";
    }

    /// <summary>The Paris date of an instant, written out: "29 novembre 2026".</summary>
    public static string Written(DateTimeOffset instant) => Written(ParisDate(instant));

    /// <summary>"Lyon, le 29 novembre 2026".</summary>
    public static string PlaceAndDate(string place, DateOnly date) => $"{place}, le {Written(date)}";
}
