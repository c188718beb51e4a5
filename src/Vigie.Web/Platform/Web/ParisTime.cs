using System.Globalization;

namespace Vigie.Web.Platform.Web;

/// <summary>
/// Instants are stored in UTC and shown in Europe/Paris local time. Values read back from SQLite
/// come with an unspecified kind: they are UTC all the same.
/// </summary>
public static class ParisTime
{
    public static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    public static DateTime ToLocal(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone);

    /// <summary>
    /// A wall-clock time typed in Paris, as UTC. A time skipped by the spring change (02:30 on the
    /// last Sunday of March) is read one hour later, as the clocks show it; an ambiguous autumn time
    /// is read as the later (standard-time) one.
    /// </summary>
    public static DateTime ToUtc(DateTime local)
    {
        var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (Zone.IsInvalidTime(unspecified))
        {
            unspecified = unspecified.AddHours(1);
        }

        return TimeZoneInfo.ConvertTimeToUtc(unspecified, Zone);
    }

    /// <summary>"dd/MM/yyyy à HH:mm", Paris time.</summary>
    public static string Format(DateTime utc) =>
        ToLocal(utc).ToString("dd/MM/yyyy 'à' HH:mm", CultureInfo.InvariantCulture);

    /// <summary>"dd/MM/yyyy", Paris date.</summary>
    public static string FormatDate(DateTime utc) =>
        ToLocal(utc).ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    /// <summary>The ISO value of a <c>&lt;time datetime&gt;</c> attribute.</summary>
    public static string Iso(DateTime utc) =>
        DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("O", CultureInfo.InvariantCulture);
}
