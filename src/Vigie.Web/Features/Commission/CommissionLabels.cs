namespace Vigie.Web.Features.Commission;

/// <summary>The French words of the commission's states and kinds (one place, used by pages, minutes and PDF).</summary>
public static class CommissionLabels
{
    public static string Kind(SessionKind kind) => kind switch
    {
        SessionKind.Ordinaire => "Ordinaire",
        SessionKind.Exceptionnelle => "Exceptionnelle (urgence)",
        _ => kind.ToString(),
    };

    public static string Status(SessionStatus status) => status switch
    {
        SessionStatus.Planifiee => "Planifiée",
        SessionStatus.Tenue => "Tenue",
        SessionStatus.Annulee => "Annulée",
        _ => status.ToString(),
    };

    public static string Role(InvitationRole role) => role switch
    {
        InvitationRole.Membre => "Membre",
        InvitationRole.Presentateur => "Présente une situation",
        _ => role.ToString(),
    };

    public static string Attendance(Attendance attendance) => attendance switch
    {
        Commission.Attendance.NonRenseignee => "Non renseignée",
        Commission.Attendance.Present => "Présent",
        Commission.Attendance.Excuse => "Excusé",
        Commission.Attendance.Absent => "Absent",
        _ => attendance.ToString(),
    };

    public static string Request(ReviewRequestStatus status) => status switch
    {
        ReviewRequestStatus.EnAttente => "En attente",
        ReviewRequestStatus.Acceptee => "Acceptée",
        ReviewRequestStatus.Refusee => "Refusée",
        ReviewRequestStatus.Retiree => "Retirée",
        _ => status.ToString(),
    };

    public static string Decision(DecisionKind kind) => kind switch
    {
        DecisionKind.CoAccompagnementPropose => "Co-accompagnement par l'équipe mobile proposé",
        DecisionKind.SignalementConseille => "Signalement conseillé",
        DecisionKind.Orientation => "Orientation",
        DecisionKind.SoinsPedopsychiatrie => "Soins / orientation en pédopsychiatrie",
        DecisionKind.ProtectionRenforcee => "Protection renforcée",
        DecisionKind.RepresentationLe => "À représenter",
        DecisionKind.Cloture => "Clôture du suivi en commission",
        _ => kind.ToString(),
    };

    public static string Action(ActionStatus status) => status switch
    {
        ActionStatus.Ouverte => "En cours",
        ActionStatus.Faite => "Faite",
        ActionStatus.Impossible => "Impossible (circonstances changées)",
        ActionStatus.NonFaite => "Non faite",
        _ => status.ToString(),
    };

    public static string Minutes(MinutesStatus status) => status switch
    {
        MinutesStatus.Brouillon => "Brouillon",
        MinutesStatus.Validee => "Validé",
        MinutesStatus.Verrouillee => "Verrouillé",
        _ => status.ToString(),
    };

    public static string Accompaniment(AccompanimentStatus status) => status switch
    {
        AccompanimentStatus.Proposee => "Proposé, en attente de la réponse du jeune",
        AccompanimentStatus.Acceptee => "Accepté, en cours",
        AccompanimentStatus.Refusee => "Refusé par le jeune",
        AccompanimentStatus.Terminee => "Terminé",
        _ => status.ToString(),
    };

    public static string EndReason(AccompanimentEndReason reason) => reason switch
    {
        AccompanimentEndReason.ObjectifsAtteints => "Objectifs atteints",
        AccompanimentEndReason.DemandeDuJeune => "À la demande du jeune",
        AccompanimentEndReason.PerteDeContact => "Perte de contact",
        AccompanimentEndReason.Majorite => "Majorité",
        AccompanimentEndReason.Demenagement => "Déménagement",
        AccompanimentEndReason.RelaisPrisParUnAutreService => "Relais pris par un autre service",
        AccompanimentEndReason.Autre => "Autre",
        _ => reason.ToString(),
    };
}
