using System.Globalization;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Vigie.Web.Features.Accueil.Orientations;

/// <summary>The orientation form, as strings so that whatever was typed comes back on an error.</summary>
public sealed class OrientationInput
{
    private static readonly string[] DateFormats = ["yyyy-MM-dd", "dd/MM/yyyy", "d/M/yyyy"];

    public string? FacilityId { get; set; }

    public string? ProposedOn { get; set; }

    public string? StartOn { get; set; }

    public string? PlannedEndOn { get; set; }

    public string? ActualEndOn { get; set; }

    public string? Outcome { get; set; }

    public string? Reason { get; set; }

    public string? EndReason { get; set; }

    /// <summary>Ticked by the user after the capacity warning: the orientation is recorded anyway (and audited).</summary>
    public bool ConfirmOverCapacity { get; set; }

    public static OrientationInput Of(Orientation o, string reason, string? endReason) => new()
    {
        FacilityId = o.FacilityId.ToString(),
        ProposedOn = Iso(o.ProposedOn),
        StartOn = Iso(o.StartOn),
        PlannedEndOn = Iso(o.PlannedEndOn),
        ActualEndOn = Iso(o.ActualEndOn),
        Outcome = o.Outcome.ToString(),
        Reason = reason,
        EndReason = endReason,
    };

    public static string? Iso(DateOnly? day) => day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The dates, outcome and texts when they are valid; otherwise null, with French errors in <paramref name="state"/>.</summary>
    public (OrientationDates Dates, OrientationOutcome Outcome, string Reason, string? EndReason)? Validate(ModelStateDictionary state, string prefix, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(state);
        var ok = true;
        void Error(string field, string message)
        {
            state.AddModelError($"{prefix}.{field}", message);
            ok = false;
        }

        DateOnly? Day(string? typed, string field, string what, bool required)
        {
            if (string.IsNullOrWhiteSpace(typed))
            {
                if (required)
                {
                    Error(field, $"Indiquez {what}.");
                }

                return null;
            }

            if (DateOnly.TryParseExact(typed.Trim(), DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            {
                return day;
            }

            Error(field, $"La date « {typed.Trim()} » n'est pas valide : indiquez {what} (jj/mm/aaaa).");
            return null;
        }

        var proposed = Day(ProposedOn, nameof(ProposedOn), "la date de proposition", required: true);
        var start = Day(StartOn, nameof(StartOn), "la date d'arrivée", required: false);
        var planned = Day(PlannedEndOn, nameof(PlannedEndOn), "la fin prévue", required: false);
        var end = Day(ActualEndOn, nameof(ActualEndOn), "la fin effective", required: false);

        OrientationOutcome outcome = default;
        if (string.IsNullOrWhiteSpace(Outcome))
        {
            Error(nameof(Outcome), "Choisissez la suite donnée à l'orientation.");
        }
        else if (!Enum.TryParse(Outcome, out outcome) || !Enum.IsDefined(outcome) || int.TryParse(Outcome, out _))
        {
            Error(nameof(Outcome), "Cette suite n'existe pas : choisissez-en une dans la liste.");
        }

        var reason = Reason?.Trim() ?? string.Empty;
        if (reason.Length == 0)
        {
            Error(nameof(Reason), "Indiquez le motif de l'orientation.");
        }
        else if (reason.Length > Orientation.ReasonMaxLength)
        {
            Error(nameof(Reason), $"Le motif fait {Orientation.ReasonMaxLength} caractères au plus.");
        }

        var endReason = string.IsNullOrWhiteSpace(EndReason) ? null : EndReason.Trim();
        if (endReason?.Length > Orientation.ReasonMaxLength)
        {
            Error(nameof(EndReason), $"Le motif de fin fait {Orientation.ReasonMaxLength} caractères au plus.");
        }

        if (!ok || proposed is null)
        {
            return null;
        }

        var dates = new OrientationDates(proposed.Value, start, planned, end);
        foreach (var (field, message) in OrientationRules.Check(dates, outcome, endReason is not null, today))
        {
            Error(field, message);
        }

        return ok ? (dates, outcome, reason, outcome == OrientationOutcome.FinDePriseEnCharge ? endReason : null) : null;
    }
}
