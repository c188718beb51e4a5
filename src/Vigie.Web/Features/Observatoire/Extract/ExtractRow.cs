using System.Globalization;
using Vigie.Web.Features.Situations;
using Vigie.Web.Features.Situations.Trame;

namespace Vigie.Web.Features.Observatoire.Extract;

/// <summary>
/// One minor in the pseudonymised extract: the key and the statistical variables only, as stable codes
/// (the trame's option keys). Never a name, a birth date, an address or a free text. An empty value
/// (null) means not filled in, or "inconnu" where the trame's statistics keep no "inconnu".
/// The columns and their order are format version <see cref="ExtractRow.FormatVersion"/>, documented in
/// docs/observatoire-extrait.md: change one and the version changes.
/// </summary>
public sealed record ExtractRow
{
    public const int FormatVersion = 1;

    public static readonly IReadOnlyList<string> Columns =
    [
        "cle", "cle_complete", "sexe", "annee_naissance", "age_reperage", "annee_reperage", "mois_reperage", "annee_comptage", "mois_comptage",
        "territoire", "niveau", "source_reperage", "structure_familiale", "rang_fratrie", "violences_physiques", "violences_sexuelles",
        "fugues_12_mois", "poly_fugue", "proxenetisme", "rabattage", "protection", "scolarite", "lieu_de_vie", "mineur_non_accompagne",
        "signalement", "delai_signalement_jours", "information_preoccupante", "opp", "juge_des_enfants", "presentations_commission",
        "co_accompagnement", "statut", "motif_cloture",
    ];

    public required string Key { get; init; }

    public required bool KeyComplete { get; init; }

    public required Sex Sex { get; init; }

    public required int BirthYear { get; init; }

    /// <summary>Age at detection in years, one decimal, at month precision; null without a detection date.</summary>
    public decimal? AgeAtDetection { get; init; }

    public DateOnly? DetectedOn { get; init; }

    public required DateOnly CountedOn { get; init; }

    public string? Territory { get; init; }

    public QualificationLevel? Level { get; init; }

    public string? DetectionSource { get; init; }

    public string? FamilyStructure { get; init; }

    public string? SiblingRank { get; init; }

    public string? PhysicalViolence { get; init; }

    public string? SexualViolence { get; init; }

    public int? RunawaysLast12Months { get; init; }

    public bool? PolyRunaway { get; init; }

    public bool? Proxenetisme { get; init; }

    public bool? Rabattage { get; init; }

    public string? Protection { get; init; }

    public string? Schooling { get; init; }

    public string? LivingPlace { get; init; }

    public bool? UnaccompaniedMinor { get; init; }

    public required bool Signalement { get; init; }

    public int? DaysToSignalement { get; init; }

    public required bool InformationPreoccupante { get; init; }

    public required bool Opp { get; init; }

    public required bool JugeDesEnfants { get; init; }

    public required int CommissionPresentations { get; init; }

    public required string CoAccompaniment { get; init; }

    public required SituationStatus Status { get; init; }

    public ClosureReason? ClosureReason { get; init; }

    /// <summary>The cells in the order of <see cref="Columns"/>, as text (decimal point, no thousands separator).</summary>
    public string?[] Cells() =>
    [
        Key, YesNo(KeyComplete), SexCode(Sex), Number(BirthYear), AgeAtDetection?.ToString("0.0", CultureInfo.InvariantCulture),
        Number(DetectedOn?.Year), Number(DetectedOn?.Month), Number(CountedOn.Year), Number(CountedOn.Month),
        Territory, LevelCode(Level), DetectionSource, FamilyStructure, SiblingRank, PhysicalViolence, SexualViolence,
        Number(RunawaysLast12Months), YesNo(PolyRunaway), YesNo(Proxenetisme), YesNo(Rabattage), Protection, Schooling, LivingPlace,
        YesNo(UnaccompaniedMinor), YesNo(Signalement), Number(DaysToSignalement), YesNo(InformationPreoccupante), YesNo(Opp),
        YesNo(JugeDesEnfants), Number(CommissionPresentations), CoAccompaniment, StatusCode(Status), ClosureCode(ClosureReason),
    ];

    /// <summary>Years between the month of birth and the month of detection, one decimal (born 03/2010, detected 14/09/2025: 186 months, 15.5).</summary>
    public static decimal AgeInYears(int birthYear, int birthMonth, DateOnly detectedOn)
    {
        var months = (detectedOn.Year * 12) + detectedOn.Month - ((birthYear * 12) + birthMonth);
        return Math.Round(months / 12m, 1, MidpointRounding.AwayFromZero);
    }

    // Stable codes, written out rather than taken from the enum names, so that renaming a C# member never changes the file.
    public static string SexCode(Sex sex) => sex switch
    {
        Sex.Fille => "F",
        Sex.Garcon => "M",
        Sex.Autre => "autre",
        _ => "non_renseigne",
    };

    public static string? LevelCode(QualificationLevel? level) => level switch
    {
        QualificationLevel.EnRisque => "en_risque",
        QualificationLevel.Averee => "averee",
        _ => null,
    };

    public static string StatusCode(SituationStatus status) => status switch
    {
        SituationStatus.Reperee => "reperee",
        SituationStatus.EnEvaluation => "en_evaluation",
        SituationStatus.Signalee => "signalee",
        SituationStatus.SuivieEnCommission => "suivie_en_commission",
        SituationStatus.Cloturee => "cloturee",
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };

    public static string? ClosureCode(ClosureReason? reason) => reason switch
    {
        Situations.ClosureReason.Majorite => "majorite",
        Situations.ClosureReason.ConduiteTerminee => "fin_de_la_conduite",
        Situations.ClosureReason.Demenagement => "depart_du_territoire",
        Situations.ClosureReason.ContactPerdu => "perte_de_contact",
        Situations.ClosureReason.Autre => "autre",
        _ => null,
    };

    private static string? YesNo(bool? value) => value switch
    {
        true => "oui",
        false => "non",
        null => null,
    };

    private static string? Number(int? value) => value?.ToString(CultureInfo.InvariantCulture);
}
