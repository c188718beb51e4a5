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

    private static readonly Dictionary<string, string> Messages = new()
    {
        [SituationShared] = "Une situation a été partagée avec vous.",
        [EmergencyAccess] = "Un accès d'urgence à une situation vient d'être ouvert par un professionnel.",
        [StepResponsibility] = "Une échéance vous a été confiée : elle figure dans « Mes échéances ».",
        [SignalementFailed] = "L'envoi d'un signalement a échoué : il doit être corrigé ou renvoyé.",
        [SignalementUncertain] = "L'envoi d'un signalement a été interrompu : la coordination doit vérifier s'il a été reçu.",
    };

    /// <summary>The in-app text of a kind; an unknown kind is a programming error.</summary>
    public static string Message(string kind) =>
        Messages.TryGetValue(kind, out var message) ? message : throw new ArgumentOutOfRangeException(nameof(kind), kind, "Type de notification inconnu.");
}
