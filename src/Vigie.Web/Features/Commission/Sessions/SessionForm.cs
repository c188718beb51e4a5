using System.Globalization;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Vigie.Web.Platform.Web;

namespace Vigie.Web.Features.Commission.Sessions;

/// <summary>The fields of a session (new or edited), typed in Paris time, and their checks in French.</summary>
public sealed class SessionForm
{
    public const int PlaceMaxLength = 300;
    public const int LinkMaxLength = 500;
    public const int NoteMaxLength = 1000;

    public string? Date { get; set; }

    public string? Time { get; set; }

    public int DurationMinutes { get; set; } = 120;

    public string? Place { get; set; }

    public string? VideoLink { get; set; }

    public string? Note { get; set; }

    public int Version { get; set; }

    public static SessionForm Of(CommissionSession session)
    {
        var local = ParisTime.ToLocal(session.StartsAt);
        return new SessionForm
        {
            Date = local.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            Time = local.ToString("HH:mm", CultureInfo.InvariantCulture),
            DurationMinutes = session.DurationMinutes,
            Place = session.Place,
            VideoLink = session.VideoLink,
            Note = session.Note,
            Version = session.Version,
        };
    }

    /// <summary>The start in UTC when every field is valid; otherwise null and the errors are in <paramref name="state"/> under <paramref name="prefix"/>.</summary>
    public DateTime? Validate(ModelStateDictionary state, string prefix, DateTime now)
    {
        DateOnly date = default;
        TimeOnly time = default;
        var dateOk = !string.IsNullOrWhiteSpace(Date) && DateOnly.TryParseExact(Date.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
        if (!dateOk)
        {
            state.AddModelError($"{prefix}.Date", string.IsNullOrWhiteSpace(Date) ? "Indiquez la date de la séance." : "La date de la séance n'est pas valide (jj/mm/aaaa).");
        }

        var timeOk = !string.IsNullOrWhiteSpace(Time) && TimeOnly.TryParseExact(Time.Trim(), "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out time);
        if (!timeOk)
        {
            state.AddModelError($"{prefix}.Time", string.IsNullOrWhiteSpace(Time) ? "Indiquez l'heure de début." : "L'heure de début n'est pas valide (hh:mm).");
        }

        DateTime? start = null;
        if (dateOk && timeOk)
        {
            start = ParisTime.ToUtc(date.ToDateTime(time));
            if (start <= now)
            {
                state.AddModelError($"{prefix}.Date", "La date et l'heure de la séance sont passées : choisissez un moment à venir.");
            }
        }

        // A duration that is not a number fails model binding with an English message: say it in French.
        var durationKey = $"{prefix}.DurationMinutes";
        var unbound = state.TryGetValue(durationKey, out var entry) && entry.Errors.Count > 0;
        if (unbound)
        {
            state.Remove(durationKey);
        }

        if (unbound || DurationMinutes is < 15 or > 720)
        {
            state.AddModelError($"{prefix}.DurationMinutes", "La durée est comprise entre 15 et 720 minutes.");
        }

        Place = Clean(Place);
        VideoLink = Clean(VideoLink);
        Note = Clean(Note);
        if (Place is null && VideoLink is null)
        {
            state.AddModelError($"{prefix}.Place", "Indiquez un lieu ou un lien de visioconférence.");
        }

        if (Place is { Length: > PlaceMaxLength })
        {
            state.AddModelError($"{prefix}.Place", $"Le lieu fait {PlaceMaxLength} caractères au plus.");
        }

        if (VideoLink is not null && (VideoLink.Length > LinkMaxLength || !Uri.TryCreate(VideoLink, UriKind.Absolute, out var uri)
            || uri.Scheme != Uri.UriSchemeHttps || string.IsNullOrEmpty(uri.Host)))
        {
            state.AddModelError($"{prefix}.VideoLink", $"Le lien de visioconférence doit être une adresse https://… complète ({LinkMaxLength} caractères au plus).");
        }

        if (Note is { Length: > NoteMaxLength })
        {
            state.AddModelError($"{prefix}.Note", $"La note fait {NoteMaxLength} caractères au plus.");
        }

        return state.IsValid ? start : null;
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
