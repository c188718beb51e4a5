using System.Globalization;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Vigie.Web.Features.Formation.Sessions;

/// <summary>The fields of a training session (new or edited) as typed, and their checks in French.</summary>
public sealed class TrainingSessionForm
{
    public string? Date { get; set; }

    public string? Kind { get; set; }

    public string? Audience { get; set; }

    public string? Trainers { get; set; }

    public string? Place { get; set; }

    public string? DurationMinutes { get; set; } = "180";

    public int Version { get; set; }

    public static TrainingSessionForm Of(TrainingSession session) => new()
    {
        Date = session.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        Kind = session.Kind.ToString(),
        Audience = session.Audience,
        Trainers = session.Trainers,
        Place = session.Place,
        DurationMinutes = session.DurationMinutes.ToString(CultureInfo.InvariantCulture),
        Version = session.Version,
    };

    /// <summary>The checked values, or null with the errors in <paramref name="state"/> under <paramref name="prefix"/>.</summary>
    public Checked? Validate(ModelStateDictionary state, string prefix, DateOnly today)
    {
        DateOnly date = default;
        if (string.IsNullOrWhiteSpace(Date))
        {
            state.AddModelError($"{prefix}.Date", "Indiquez la date de la session.");
        }
        else if (!DateOnly.TryParseExact(Date.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date)
            && !DateOnly.TryParseExact(Date.Trim(), "dd/MM/yyyy", CultureInfo.InvariantCulture, DateTimeStyles.None, out date))
        {
            state.AddModelError($"{prefix}.Date", "La date de la session n'est pas valide (jj/mm/aaaa).");
        }
        else if (date.Year < 2000 || date > today.AddYears(2))
        {
            state.AddModelError($"{prefix}.Date", "La date de la session doit être comprise entre l'an 2000 et dans deux ans au plus.");
        }

        if (!Enum.TryParse<TrainingKind>(Kind, out var kind) || !Enum.IsDefined(kind) || int.TryParse(Kind, out _))
        {
            state.AddModelError($"{prefix}.Kind", "Choisissez le type de session.");
        }

        Audience = Clean(Audience);
        Trainers = Clean(Trainers);
        Place = Clean(Place);
        Text(Audience, TrainingSession.AudienceMaxLength, "Audience", "Indiquez le public de la session (par exemple : éducateurs de MECS).", "Le public");
        Text(Trainers, TrainingSession.TrainersMaxLength, "Trainers", "Indiquez les formateurs.", "Les formateurs");
        Text(Place, TrainingSession.PlaceMaxLength, "Place", "Indiquez le lieu de la session.", "Le lieu");

        var duration = 0;
        if (string.IsNullOrWhiteSpace(DurationMinutes)
            || !int.TryParse(DurationMinutes.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out duration)
            || duration < TrainingSession.MinDurationMinutes || duration > TrainingSession.MaxDurationMinutes)
        {
            state.AddModelError($"{prefix}.DurationMinutes",
                $"La durée est un nombre entier de minutes, de {TrainingSession.MinDurationMinutes} à {TrainingSession.MaxDurationMinutes} (cinq jours).");
        }

        return state.IsValid ? new Checked(date, kind, Audience!, Trainers!, Place!, duration) : null;

        void Text(string? value, int max, string field, string missing, string name)
        {
            if (value is null)
            {
                state.AddModelError($"{prefix}.{field}", missing);
            }
            else if (value.Length > max)
            {
                state.AddModelError($"{prefix}.{field}", $"{name} fait {max} caractères au plus (ici {value.Length}).");
            }
        }
    }

    public sealed record Checked(DateOnly Date, TrainingKind Kind, string Audience, string Trainers, string Place, int DurationMinutes);

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
