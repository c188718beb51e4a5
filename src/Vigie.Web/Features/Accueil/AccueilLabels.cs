using System.Globalization;

namespace Vigie.Web.Features.Accueil;

/// <summary>The French words of the Accueil module.</summary>
public static class AccueilLabels
{
    public static string Type(FacilityType type) => type switch
    {
        FacilityType.FoyerJeunesFilles => "Foyer de jeunes filles",
        FacilityType.Mecs => "MECS",
        FacilityType.AccueilBasSeuil => "Accueil bas seuil",
        FacilityType.LieuDeVie => "Lieu de vie",
        FacilityType.FamilleAccueilSpecialisee => "Famille d'accueil spécialisée",
        FacilityType.SejourDeRupture => "Séjour de rupture",
        FacilityType.HorsDepartement => "Hors département",
        FacilityType.Autre => "Autre",
        _ => type.ToString(),
    };

    public static string Outcome(OrientationOutcome outcome) => outcome switch
    {
        OrientationOutcome.EnAttente => "En attente",
        OrientationOutcome.Admis => "Admis",
        OrientationOutcome.Refuse => "Refusé",
        OrientationOutcome.FinDePriseEnCharge => "Fin de prise en charge",
        OrientationOutcome.Fugue => "Fugue",
        _ => outcome.ToString(),
    };

    public static string Date(DateOnly? date) => date?.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture) ?? "—";

    public static string Month(DateOnly month) =>
        month.ToString("MMMM yyyy", CultureInfo.GetCultureInfo("fr-FR"));

    /// <summary>"1 place", "8 places".</summary>
    public static string Places(int count) => count > 1 ? $"{count} places" : $"{count} place";

    public static string Capacity(int? capacity) => capacity is > 0 ? $"{capacity} place{(capacity > 1 ? "s" : "")}" : "places non comptées";

    public static string Where(bool outside, string? departement) => outside ? $"Hors département ({departement})" : "Dans le département";
}
