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

    public static string Sex(Sex sex) => sex switch
    {
        Situations.Sex.Fille => "Fille",
        Situations.Sex.Garcon => "Garçon",
        Situations.Sex.Autre => "Autre",
        _ => "Non renseigné",
    };
}
