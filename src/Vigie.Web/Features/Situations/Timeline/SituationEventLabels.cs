namespace Vigie.Web.Features.Situations.Timeline;

/// <summary>French wording of each <see cref="SituationEventKind"/> and of its detail code.</summary>
public static class SituationEventLabels
{
    /// <summary>The title of an event; null for a kind this file does not know yet.</summary>
    public static string? Title(string kind) => kind switch
    {
        SituationEventKind.Opened => "Situation ouverte",
        SituationEventKind.StatusChanged => "Changement de statut",
        SituationEventKind.Closed => "Situation clôturée",
        SituationEventKind.Reopened => "Situation rouverte",
        SituationEventKind.IdentityCorrected => "Identité du mineur corrigée",
        SituationEventKind.EvaluationValidated => "Évaluation validée",
        SituationEventKind.Assigned => "Situation partagée avec un professionnel",
        SituationEventKind.AssignmentEnded => "Fin d'un partage de la situation",
        SituationEventKind.EmergencyAccess => "Accès en urgence (bris de glace, 24 heures)",
        SituationEventKind.LegalStepRecorded => "Étape légale enregistrée",
        SituationEventKind.LegalStepCompleted => "Étape légale marquée comme faite",
        _ => null,
    };

    /// <summary>The detail of an event in words, when its code is one Vigie knows how to say.</summary>
    public static string? Detail(string kind, string? detail)
    {
        if (string.IsNullOrEmpty(detail))
        {
            return null;
        }

        return kind switch
        {
            SituationEventKind.StatusChanged when Enum.TryParse<SituationStatus>(detail, out var status) && Enum.IsDefined(status)
                => $"Nouveau statut : {SituationLabels.Status(status)}",
            SituationEventKind.Reopened when Enum.TryParse<SituationStatus>(detail, out var status) && Enum.IsDefined(status)
                => $"Retour au statut : {SituationLabels.Status(status)}",
            SituationEventKind.Closed when Enum.TryParse<ClosureReason>(detail, out var reason) && Enum.IsDefined(reason)
                => $"Motif : {SituationLabels.Closure(reason)}",
            SituationEventKind.LegalStepRecorded or SituationEventKind.LegalStepCompleted
                when Enum.TryParse<LegalSteps.LegalStepKind>(detail, out var step) && Enum.IsDefined(step)
                => LegalSteps.LegalStepLabels.Kind(step),
            SituationEventKind.EvaluationValidated when int.TryParse(detail, out var number) => $"Évaluation n° {number}",
            _ => null,
        };
    }
}
