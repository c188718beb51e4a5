using System.Globalization;

namespace Vigie.Web.Platform.Web;

/// <summary>Instants are stored in UTC; people read them in French local time.</summary>
public static class ParisTime
{
    private static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    public static DateTime From(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Paris);

    /// <summary>"14/05/2026 à 09:30".</summary>
    public static string Format(DateTime utc) => From(utc).ToString("dd/MM/yyyy 'à' HH:mm", CultureInfo.InvariantCulture);
}
