using System.Globalization;
using System.Text;
using Vigie.Web.Features.Situations;
using Vigie.Web.Features.Situations.LegalSteps;
using Vigie.Web.Features.Situations.Trame;

namespace Vigie.Web.Features.Observatoire.Import;

/// <summary>How the value of an import column is read.</summary>
public enum ImportColumnKind
{
    /// <summary>Free text kept on the situation (names, territory).</summary>
    Text,

    /// <summary>A date of the minor or of the file (birth, closure).</summary>
    Date,

    /// <summary>A choice of the trame: the value must be one of the field's option keys or labels.</summary>
    TrameChoice,

    /// <summary>A whole number of the trame (runaways in 12 months).</summary>
    TrameNumber,

    /// <summary>A date of the trame (detection).</summary>
    TrameDate,

    /// <summary>Rank among siblings: an option of the trame, or a rank number.</summary>
    SiblingRank,

    Sex,

    /// <summary>The date of a legal step recorded on the situation.</summary>
    StepDate,

    ClosureReason,
}

/// <summary>
/// One column of the import file: its French header (matched without regard to case, accents or
/// spacing), how its value is read, and where it goes (a trame section and field, a legal step…).
/// </summary>
public sealed record ImportColumn(string Header, ImportColumnKind Kind, string Help)
{
    public bool Required { get; init; }

    /// <summary>The trame section and field the value is stored under (trame kinds only).</summary>
    public string? Section { get; init; }

    public string? FieldKey { get; init; }

    public LegalStepKind? Step { get; init; }

    public int MaxLength { get; init; } = 200;

    public TrameField? Field => Section is null ? null : TrameSchema.Find(Section)?.Field(FieldKey!);

    /// <summary>The values accepted, said in French for the help sheet and the documentation.</summary>
    public string Accepted => Kind switch
    {
        ImportColumnKind.Text => $"texte libre, {MaxLength} caractères au plus",
        ImportColumnKind.Date or ImportColumnKind.TrameDate or ImportColumnKind.StepDate =>
            "une date : jj/mm/aaaa, aaaa-mm-jj ou une cellule de type date",
        ImportColumnKind.TrameNumber => $"un nombre entier de {Field!.Min} à {Field.Max}",
        ImportColumnKind.Sex => "F (ou fille), M (ou garçon), autre, non renseigné",
        ImportColumnKind.SiblingRank => string.Join(", ", Field!.Options.Where(o => o.Key != "rang_n").Select(o => o.Label))
            + ", ou le rang en chiffres (2, 3…)",
        ImportColumnKind.ClosureReason => string.Join(", ", Enum.GetValues<ClosureReason>().Select(SituationLabels.Closure)),
        _ => string.Join(", ", Field!.Options.Select(o => o.Label)),
    };
}

/// <summary>The columns of the import file, in the template's order (docs/observatoire-import.md says the same).</summary>
public static class ImportColumns
{
    public const string LastName = "nom";
    public const string FirstName = "prénom";
    public const string BirthDate = "date de naissance";
    public const string SexColumn = "sexe";
    public const string Territory = "territoire";
    public const string DetectedOn = "date de repérage";
    public const string ClosedOn = "date de clôture";
    public const string ClosureReasonColumn = "motif de clôture";

    public static readonly IReadOnlyList<ImportColumn> All =
    [
        new(LastName, ImportColumnKind.Text, "Nom de famille du mineur. Obligatoire.") { Required = true },
        new(FirstName, ImportColumnKind.Text, "Prénom(s) du mineur. Obligatoire.") { Required = true },
        new(BirthDate, ImportColumnKind.Date, "Date de naissance. Obligatoire ; ni dans le futur, ni après la date de repérage.") { Required = true },
        new(SexColumn, ImportColumnKind.Sex, "Sexe du mineur ; vide : non renseigné."),
        new(Territory, ImportColumnKind.Text, "Commune ou arrondissement de résidence.") { MaxLength = 120 },
        new(DetectedOn, ImportColumnKind.TrameDate, "Date du repérage (trame §3). Obligatoire : l'observatoire compte la situation à cette date.")
        { Required = true, Section = TrameSchema.Reperage, FieldKey = "date_reperage" },
        Choice("source du repérage", TrameSchema.Reperage, "source", "Qui a repéré la situation (trame §3)."),
        Choice("niveau", TrameSchema.Qualification, "niveau", "Qualification par le professionnel (trame §5) : en risque ou avérée."),
        Choice("structure familiale", TrameSchema.Famille, "structure_familiale", "Trame §2."),
        Choice("violences physiques intrafamiliales", TrameSchema.Famille, "violences_physiques", "Trame §2."),
        Choice("violences sexuelles intrafamiliales", TrameSchema.Famille, "violences_sexuelles", "Trame §2."),
        new("rang dans la fratrie", ImportColumnKind.SiblingRank, "Rang du mineur parmi ses frères et sœurs (trame §2).")
        { Section = TrameSchema.Famille, FieldKey = "rang" },
        new("fugues sur 12 mois", ImportColumnKind.TrameNumber, "Nombre de fugues au cours des 12 mois précédant le repérage (trame §4).")
        { Section = TrameSchema.Indicateurs, FieldKey = "fugues_12_mois" },
        Choice("proxénétisme", TrameSchema.Qualification, "proxenetisme", "Le mineur est aussi auteur de proxénétisme (trame §5)."),
        Choice("rabattage", TrameSchema.Qualification, "rabattage", "Le mineur rabat ou recrute d'autres mineurs (trame §5)."),
        Choice("protection en place", TrameSchema.Administratif, "protection", "Mesure de protection en place au repérage (trame §1)."),
        Choice("scolarité", TrameSchema.Administratif, "scolarite", "Trame §1."),
        Choice("lieu de vie", TrameSchema.Administratif, "lieu_de_vie", "Lieu de vie au repérage (trame §1)."),
        Choice("mineur non accompagné", TrameSchema.Administratif, "mineur_non_accompagne", "Trame §1."),
        Step("date du signalement", LegalStepKind.Signalement, "Signalement au procureur : enregistré comme étape légale."),
        Step("date de l'information préoccupante", LegalStepKind.InformationPreoccupante,
            "Information préoccupante à la CRIP : étape légale, et action « Information préoccupante » de la trame (§6)."),
        Step("date de l'OPP", LegalStepKind.Opp, "Ordonnance de placement provisoire : enregistrée comme étape légale."),
        new(ClosedOn, ImportColumnKind.Date, "Date de clôture de la situation ; avec un motif de clôture."),
        new(ClosureReasonColumn, ImportColumnKind.ClosureReason, "Motif de clôture ; avec une date de clôture."),
    ];

    /// <summary>Each column by its folded header ("date de l'OPP" and "Date de l’opp" are the same column).</summary>
    public static readonly IReadOnlyDictionary<string, ImportColumn> ByHeader = All.ToDictionary(c => Fold(c.Header), StringComparer.Ordinal);

    private static ImportColumn Choice(string header, string section, string field, string help) =>
        new(header, ImportColumnKind.TrameChoice, help) { Section = section, FieldKey = field };

    private static ImportColumn Step(string header, LegalStepKind step, string help) =>
        new(header, ImportColumnKind.StepDate, help) { Step = step };

    /// <summary>
    /// A header or a value as compared: lower case, without accents, every run of characters other
    /// than letters and digits made one space. "Monoparentale (mère)", "monoparentale_mere" and
    /// "MONOPARENTALE MÈRE" all fold to "monoparentale mere".
    /// </summary>
    public static string Fold(string value)
    {
        var decomposed = value.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        var space = false;
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            if (char.IsLetterOrDigit(c))
            {
                if (space && builder.Length > 0)
                {
                    builder.Append(' ');
                }

                builder.Append(char.ToLowerInvariant(c));
                space = false;
            }
            else
            {
                space = true;
            }
        }

        return builder.ToString();
    }
}
