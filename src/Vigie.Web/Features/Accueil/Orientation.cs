using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Vigie.Web.Features.Situations;

namespace Vigie.Web.Features.Accueil;

public enum OrientationOutcome
{
    EnAttente,
    Admis,
    Refuse,
    FinDePriseEnCharge,
    Fugue,
}

/// <summary>
/// A situation oriented to a facility: proposed on a day, perhaps admitted from a start date, with a
/// planned end and an actual end. The reason and the end's motive are free text about a minor: stored
/// encrypted. A place is taken from the start date by an admitted young person (admis, then ended
/// or run away) until the actual end is recorded (<see cref="OccupiedFrom"/>, <see cref="OccupiedUntil"/>):
/// day numbers kept beside the dates so that both databases count occupied days with plain integers.
/// </summary>
public sealed class Orientation
{
    public const string ReasonPurpose = "Orientation.Motif";
    public const string EndReasonPurpose = "Orientation.MotifFin";
    public const int ReasonMaxLength = 4000;

    /// <summary>The exclusive end of a stay with no recorded end: after every representable day.</summary>
    public static readonly int OpenEnd = DateOnly.MaxValue.DayNumber + 1;

    private Orientation()
    {
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();

    public Guid SituationId { get; private set; }

    public Guid FacilityId { get; private set; }

    public Facility? Facility { get; private set; }

    public DateOnly ProposedOn { get; private set; }

    public DateOnly? StartOn { get; private set; }

    public DateOnly? PlannedEndOn { get; private set; }

    /// <summary>The day the young person left (the place is free again that day).</summary>
    public DateOnly? ActualEndOn { get; private set; }

    public OrientationOutcome Outcome { get; private set; }

    public string ReasonEncrypted { get; private set; } = string.Empty;

    public string? EndReasonEncrypted { get; private set; }

    /// <summary>First occupied day (<see cref="DateOnly.DayNumber"/>), null when the orientation takes no place.</summary>
    public int? OccupiedFrom { get; private set; }

    /// <summary>First day no longer occupied (exclusive), <see cref="OpenEnd"/> while no end is recorded.</summary>
    public int? OccupiedUntil { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public string CreatedById { get; private set; } = string.Empty;

    public DateTime UpdatedAt { get; private set; }

    public string UpdatedById { get; private set; } = string.Empty;

    /// <summary>Whether this outcome means the young person was admitted (the place is or was taken).</summary>
    public static bool TakesPlace(OrientationOutcome outcome) =>
        outcome is OrientationOutcome.Admis or OrientationOutcome.FinDePriseEnCharge or OrientationOutcome.Fugue;

    public static Orientation Create(Guid situationId, Guid facilityId, OrientationDates dates, OrientationOutcome outcome,
        string reasonEncrypted, string? endReasonEncrypted, string userId, DateTime now, DateOnly today)
    {
        var orientation = new Orientation { SituationId = situationId, FacilityId = facilityId, CreatedAt = now, CreatedById = userId };
        orientation.Update(dates, outcome, reasonEncrypted, endReasonEncrypted, userId, now, today);
        return orientation;
    }

    /// <summary>Records new dates and outcome; throws when they break <see cref="OrientationRules"/> (the form checks them first, in French).</summary>
    public void Update(OrientationDates dates, OrientationOutcome outcome, string reasonEncrypted, string? endReasonEncrypted,
        string userId, DateTime now, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(dates);
        ArgumentException.ThrowIfNullOrEmpty(reasonEncrypted);
        var errors = OrientationRules.Check(dates, outcome, endReasonEncrypted is not null, today);
        if (errors.Count > 0)
        {
            throw new InvalidOperationException("Invalid orientation: " + string.Join(", ", errors.Select(e => e.Field)));
        }

        ProposedOn = dates.ProposedOn;
        StartOn = dates.StartOn;
        PlannedEndOn = dates.PlannedEndOn;
        ActualEndOn = dates.ActualEndOn;
        Outcome = outcome;
        ReasonEncrypted = reasonEncrypted;
        EndReasonEncrypted = outcome == OrientationOutcome.FinDePriseEnCharge ? endReasonEncrypted : null;
        if (TakesPlace(outcome))
        {
            OccupiedFrom = dates.StartOn!.Value.DayNumber;
            OccupiedUntil = dates.ActualEndOn?.DayNumber ?? OpenEnd;
        }
        else
        {
            OccupiedFrom = null;
            OccupiedUntil = null;
        }

        UpdatedAt = now;
        UpdatedById = userId;
    }
}

/// <summary>The days of an orientation, as typed.</summary>
public sealed record OrientationDates(DateOnly ProposedOn, DateOnly? StartOn, DateOnly? PlannedEndOn, DateOnly? ActualEndOn)
{
    /// <summary>
    /// The days the orientation would take a place, for the capacity check: from the start to the
    /// actual end, else the planned end, else open. Null when it takes none (no start date).
    /// </summary>
    public (int From, int Until)? PlannedStay()
    {
        if (StartOn is not { } start)
        {
            return null;
        }

        var until = (ActualEndOn ?? PlannedEndOn)?.DayNumber ?? Orientation.OpenEnd;
        return until > start.DayNumber ? (start.DayNumber, until) : null;
    }
}

/// <summary>The rules an orientation's dates and outcome follow, in French, by form field.</summary>
public static class OrientationRules
{
    public static IReadOnlyList<(string Field, string Message)> Check(OrientationDates dates, OrientationOutcome outcome, bool hasEndReason, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(dates);
        var errors = new List<(string, string)>();
        if (!Enum.IsDefined(outcome))
        {
            errors.Add(("Outcome", "Choisissez la suite donnée dans la liste."));
            return errors;
        }

        if (dates.ProposedOn > today)
        {
            errors.Add(("ProposedOn", "La date de proposition ne peut pas être dans le futur."));
        }

        if (dates.StartOn is { } start && start < dates.ProposedOn)
        {
            errors.Add(("StartOn", "La date d'arrivée ne peut pas précéder la date de proposition."));
        }

        if (dates.PlannedEndOn is { } planned && planned <= (dates.StartOn ?? dates.ProposedOn))
        {
            errors.Add(("PlannedEndOn", dates.StartOn is null
                ? "La fin prévue doit suivre la date de proposition."
                : "La fin prévue doit suivre la date d'arrivée."));
        }

        if (dates.ActualEndOn is { } end)
        {
            if (dates.StartOn is null)
            {
                errors.Add(("StartOn", "Indiquez la date d'arrivée : une fin de prise en charge suit une arrivée."));
            }
            else if (end < dates.StartOn)
            {
                errors.Add(("ActualEndOn", "La fin effective ne peut pas précéder la date d'arrivée."));
            }

            if (end > today)
            {
                errors.Add(("ActualEndOn", "La fin effective ne peut pas être dans le futur : indiquez plutôt une fin prévue."));
            }
        }

        switch (outcome)
        {
            case OrientationOutcome.Admis when dates.StartOn is null:
                errors.Add(("StartOn", "Indiquez la date d'arrivée du jeune admis."));
                break;
            case OrientationOutcome.Admis or OrientationOutcome.EnAttente when dates.ActualEndOn is not null:
                errors.Add(("Outcome", "Une fin effective est indiquée : choisissez « Fin de prise en charge » ou « Fugue »."));
                break;
            case OrientationOutcome.Refuse when dates.StartOn is not null || dates.ActualEndOn is not null:
                errors.Add(("StartOn", "Une orientation refusée n'a ni date d'arrivée ni fin : effacez ces dates."));
                break;
            case OrientationOutcome.FinDePriseEnCharge or OrientationOutcome.Fugue:
                if (dates.StartOn is null && dates.ActualEndOn is null)
                {
                    errors.Add(("StartOn", "Indiquez la date d'arrivée."));
                }

                if (dates.ActualEndOn is null)
                {
                    errors.Add(("ActualEndOn", outcome == OrientationOutcome.Fugue ? "Indiquez la date de la fugue (fin effective)." : "Indiquez la date de fin effective."));
                }

                if (outcome == OrientationOutcome.FinDePriseEnCharge && !hasEndReason)
                {
                    errors.Add(("EndReason", "Indiquez le motif de la fin de prise en charge."));
                }

                break;
        }

        return errors;
    }
}

internal sealed class OrientationConfiguration : IEntityTypeConfiguration<Orientation>
{
    public void Configure(EntityTypeBuilder<Orientation> builder)
    {
        builder.Property(o => o.ReasonEncrypted).HasMaxLength(16384);
        builder.Property(o => o.EndReasonEncrypted).HasMaxLength(16384);
        builder.Property(o => o.CreatedById).HasMaxLength(64);
        builder.Property(o => o.UpdatedById).HasMaxLength(64);
        builder.HasOne<Situation>().WithMany().HasForeignKey(o => o.SituationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(o => o.Facility).WithMany().HasForeignKey(o => o.FacilityId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(o => o.SituationId);
        builder.HasIndex(o => new { o.FacilityId, o.OccupiedFrom, o.OccupiedUntil });
    }
}
