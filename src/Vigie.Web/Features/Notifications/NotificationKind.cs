namespace Vigie.Web.Features.Notifications;

/// <summary>
/// The kinds of <see cref="Notification"/>, each with its fixed French text. Modules add theirs
/// here: a message is always one of these templates, never text built from case data.
/// </summary>
public static class NotificationKind
{
    public const string SituationShared = "situation.partagee";
    public const string EmergencyAccess = "situation.acces-urgence";
    public const string StepResponsibility = "situation.echeance";
    public const string SignalementFailed = "signalement.echec";
    public const string SignalementUncertain = "signalement.a-verifier";
    public const string CommissionInvitation = "commission.invitation";
    public const string CommissionAgendaPublished = "commission.ordre-du-jour";
    public const string CommissionSessionChanged = "commission.seance-modifiee";
    public const string ReviewRequested = "commission.demande";
    public const string ReviewRequestAnswered = "commission.demande-traitee";
    public const string MinutesAvailable = "commission.compte-rendu";
    public const string ActionAssigned = "commission.action";
    public const string ActionDueSoon = "commission.action-echeance";
    public const string ActionOverdue = "commission.action-retard";
    public const string AccompanimentProposed = "accompagnement.propose";
    public const string AccompanimentAccepted = "accompagnement.accepte";
    public const string SurveyOpened = "enquete.ouverte";
    public const string SurveyReminder = "enquete.relance";

    private static readonly Dictionary<string, string> Messages = new()
    {
        [SituationShared] = "Une situation a été partagée avec vous.",
        [EmergencyAccess] = "Un accès d'urgence à une situation vient d'être ouvert par un professionnel.",
        [StepResponsibility] = "Une échéance vous a été confiée : elle figure dans « Mes échéances ».",
        [SignalementFailed] = "L'envoi d'un signalement a échoué : il doit être corrigé ou renvoyé.",
        [SignalementUncertain] = "L'envoi d'un signalement a été interrompu : la coordination doit vérifier s'il a été reçu.",
        [CommissionInvitation] = "Vous êtes invité à une séance de la commission.",
        [CommissionAgendaPublished] = "L'ordre du jour d'une séance de la commission est publié.",
        [CommissionSessionChanged] = "Une séance de la commission à laquelle vous êtes invité a changé (date, lieu ou annulation).",
        [ReviewRequested] = "Une demande de passage en commission attend votre réponse.",
        [ReviewRequestAnswered] = "Votre demande de passage en commission a reçu une réponse.",
        [MinutesAvailable] = "Le compte rendu d'une séance de la commission est disponible.",
        [ActionAssigned] = "La commission vous a confié une action : elle figure dans « Mes actions ».",
        [ActionDueSoon] = "Une action de la commission arrive à échéance : elle figure dans « Mes actions ».",
        [ActionOverdue] = "Une action de la commission a dépassé son échéance : elle figure dans « Mes actions ».",
        [AccompanimentProposed] = "La commission propose un co-accompagnement par l'équipe mobile.",
        [AccompanimentAccepted] = "Un jeune a accepté le co-accompagnement par l'équipe mobile.",
        [SurveyOpened] = "Une enquête annuelle attend la réponse de votre service : elle figure dans « Enquêtes ».",
        [SurveyReminder] = "Rappel : l'enquête annuelle attend toujours la réponse de votre service.",
    };

    /// <summary>The in-app text of a kind; an unknown kind is a programming error.</summary>
    public static string Message(string kind) =>
        Messages.TryGetValue(kind, out var message) ? message : throw new ArgumentOutOfRangeException(nameof(kind), kind, "Type de notification inconnu.");
}
