namespace Vigie.Web.Features.Situations.LegalSteps;

/// <summary>French labels of the legal steps and of what each one makes due.</summary>
public static class LegalStepLabels
{
    public static string Kind(LegalStepKind kind) => kind switch
    {
        LegalStepKind.InformationPreoccupante => "Information préoccupante transmise à la CRIP",
        LegalStepKind.Signalement => "Signalement au procureur (parquet des mineurs)",
        LegalStepKind.MiseAlAbri => "Mise à l'abri d'un mineur en fugue",
        LegalStepKind.RecueilProvisoire => "Recueil provisoire",
        LegalStepKind.Opp => "Ordonnance de placement provisoire (OPP) du procureur",
        LegalStepKind.AudienceJugeEnfants => "Saisine du juge des enfants",
        LegalStepKind.RevoyureCommission => "Clause de revoyure fixée par la commission",
        LegalStepKind.AudienceTenue => "Audience tenue par le juge des enfants",
        LegalStepKind.EnqueteOuverte => "Enquête ouverte par le parquet",
        LegalStepKind.ClassementSansSuite => "Classement sans suite par le parquet",
        _ => kind.ToString(),
    };

    /// <summary>What must be done by the due date; null when the law sets no deadline.</summary>
    public static string? Due(LegalStepKind kind) => kind switch
    {
        LegalStepKind.InformationPreoccupante => "Fin de l'évaluation (3 mois)",
        LegalStepKind.MiseAlAbri => "Accord des parents ou information du procureur (72 heures)",
        LegalStepKind.RecueilProvisoire => "Saisine du juge des enfants (5 jours)",
        LegalStepKind.Opp => "Saisine du juge des enfants (8 jours)",
        LegalStepKind.AudienceJugeEnfants => "Audience du juge des enfants (15 jours après sa saisine)",
        LegalStepKind.RevoyureCommission => "Nouvel examen en commission",
        _ => null,
    };

    /// <summary>What the date typed in the form means, for the form's help text.</summary>
    public static string DateMeaning(LegalStepKind kind) => kind switch
    {
        LegalStepKind.AudienceJugeEnfants => "la date à laquelle le juge des enfants a été saisi",
        LegalStepKind.AudienceTenue => "la date de l'audience",
        LegalStepKind.RevoyureCommission => "la date de revoyure fixée par la commission (dans le futur)",
        _ => "la date et l'heure de l'étape",
    };
}
