namespace Vigie.Web.Features.Situations;

public static class SituationLabels
{
    public static string Status(SituationStatus status) => status switch
    {
        SituationStatus.Reperee => "Repérée",
        SituationStatus.EnEvaluation => "En évaluation",
        SituationStatus.Signalee => "Signalée",
        SituationStatus.SuivieEnCommission => "Suivie en commission",
        SituationStatus.Cloturee => "Clôturée",
        _ => status.ToString(),
    };

    /// <summary>The level of the current evaluation; none before the first validated evaluation.</summary>
    public static string Level(Trame.QualificationLevel? level) => level switch
    {
        Trame.QualificationLevel.EnRisque => "En risque",
        Trame.QualificationLevel.Averee => "Prostitution avérée",
        _ => "Non évaluée",
    };

    public static string Closure(ClosureReason reason) => reason switch
    {
        ClosureReason.Majorite => "Majorité",
        ClosureReason.ConduiteTerminee => "Fin de la conduite prostitutionnelle",
        ClosureReason.Demenagement => "Départ du territoire",
        ClosureReason.ContactPerdu => "Perte de contact",
        _ => "Autre motif",
    };

    public static string Sex(Sex sex) => sex switch
    {
        Situations.Sex.Fille => "Fille",
        Situations.Sex.Garcon => "Garçon",
        Situations.Sex.Autre => "Autre",
        _ => "Non renseigné",
    };
}
