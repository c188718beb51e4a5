using Microsoft.Extensions.DependencyInjection;
using Vigie.Tests.Infrastructure;
using Vigie.Web.Features.Accueil;
using Vigie.Web.Platform.Crypto;

namespace Vigie.Tests.Accueil;

/// <summary>Facilities and orientations written straight to the store through the entities' own methods.</summary>
public static class AccueilFixtures
{
    /// <summary>Far enough ahead that no fixture date counts as "in the future" for the entity's rules.</summary>
    private static readonly DateOnly RulesToday = new(2100, 1, 1);

    public static async Task<Guid> FacilityAsync(VigieFactory factory, string name, int? capacity, bool active = true,
        FacilityType type = FacilityType.FoyerJeunesFilles)
    {
        var now = factory.Clock.GetUtcNow().UtcDateTime;
        var facility = Facility.Create(new FacilityDetails(name, type, "1 rue des Tests, Lyon", "04 00 00 00 00", capacity, false, null), [], "fixture", now);
        if (!active)
        {
            facility.Deactivate("fixture", now);
        }

        await factory.WithDbAsync(async db =>
        {
            db.Facilities.Add(facility);
            await db.SaveChangesAsync();
        });
        return facility.Id;
    }

    /// <summary>An orientation; <paramref name="start"/> and <paramref name="end"/> as given, the outcome derived when not given.</summary>
    public static async Task<Guid> OrientationAsync(VigieFactory factory, Guid situation, Guid facility, DateOnly start, DateOnly? end,
        OrientationOutcome? outcome = null, DateOnly? proposed = null, DateOnly? plannedEnd = null)
    {
        var cipher = factory.Services.GetRequiredService<FieldCipher>();
        var chosen = outcome ?? (end is null ? OrientationOutcome.Admis : OrientationOutcome.FinDePriseEnCharge);
        var takesStart = chosen != OrientationOutcome.Refuse;
        var dates = new OrientationDates(proposed ?? start, takesStart ? start : null, plannedEnd, end);
        var orientation = Orientation.Create(situation, facility, dates, chosen, cipher.Encrypt("Motif de test", Orientation.ReasonPurpose),
            chosen == OrientationOutcome.FinDePriseEnCharge ? cipher.Encrypt("Fin de test", Orientation.EndReasonPurpose) : null,
            "fixture", factory.Clock.GetUtcNow().UtcDateTime, RulesToday);
        await factory.WithDbAsync(async db =>
        {
            db.Orientations.Add(orientation);
            await db.SaveChangesAsync();
        });
        return orientation.Id;
    }

    public static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
