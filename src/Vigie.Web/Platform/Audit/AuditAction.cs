namespace Vigie.Web.Platform.Audit;

/// <summary>Names of audited actions, stable in the database, with their French label.</summary>
public static class AuditAction
{
    public const string LoginSucceeded = "auth.login";
    public const string LoginFailed = "auth.login-failed";
    public const string LockedOut = "auth.lockout";
    public const string Logout = "auth.logout";
    public const string MfaEnrolled = "auth.mfa-enrolled";
    public const string MfaReset = "auth.mfa-reset";
    public const string RecoveryCodeUsed = "auth.recovery-code-used";
    public const string RecoveryCodesRenewed = "auth.recovery-codes-renewed";
    public const string StepUpSucceeded = "auth.step-up";
    public const string StepUpFailed = "auth.step-up-failed";
    public const string PasswordChanged = "auth.password-changed";

    public const string AccountCreated = "account.created";
    public const string AccountUpdated = "account.updated";
    public const string AccountRolesChanged = "account.roles-changed";
    public const string AccountDeactivated = "account.deactivated";
    public const string AccountReactivated = "account.reactivated";
    public const string AccountPasswordReset = "account.password-reset";

    public const string OrganisationCreated = "organisation.created";
    public const string OrganisationUpdated = "organisation.updated";
    public const string OrganisationDeactivated = "organisation.deactivated";
    public const string OrganisationReactivated = "organisation.reactivated";

    public const string AccessDenied = "access.denied";
    public const string SetupCompleted = "setup.completed";
    public const string DemoSeeded = "setup.demo-seeded";

    // Generic record operations, used by every module through IAuditLog.
    public const string Read = "record.read";
    public const string Create = "record.created";
    public const string Update = "record.updated";
    public const string Delete = "record.deleted";
    public const string Export = "record.exported";

    // Access to situations beyond the referent organisation (record: the situation).
    public const string SituationShared = "situation.shared";
    public const string SituationShareEnded = "situation.share-ended";
    public const string EmergencyAccess = "situation.emergency-access";

    // Signalements (record: the signalement).
    public const string SignalementValidated = "signalement.validated";
    public const string SignalementSent = "signalement.sent";
    public const string SignalementPdfDownloaded = "signalement.pdf-downloaded";
    public const string SignalementSendResolved = "signalement.send-resolved";

    // Commission (record: the session, the item, the minutes, the action or the accompaniment).
    public const string CommitmentAccepted = "commission.commitment-accepted";
    public const string AgendaPublished = "commission.agenda-published";
    public const string MinutesValidated = "commission.minutes-validated";
    public const string MinutesLocked = "commission.minutes-locked";
    public const string MinutesAmended = "commission.minutes-amended";
    public const string ConsentRecorded = "accompaniment.consent-recorded";

    // Surveys (record: the campaign, or the service's answer).
    public const string SurveyOpened = "survey.opened";
    public const string SurveyClosed = "survey.closed";
    public const string SurveyReminded = "survey.reminded";
    public const string SurveySubmitted = "survey.submitted";
    // Accueil (record: the orientation).
    public const string CapacityExceededConfirmed = "accueil.capacity-exceeded-confirmed";

    public static readonly IReadOnlyDictionary<string, string> Labels = new Dictionary<string, string>
    {
        [LoginSucceeded] = "Connexion",
        [LoginFailed] = "Échec de connexion",
        [LockedOut] = "Compte verrouillé (trop d'échecs)",
        [Logout] = "Déconnexion",
        [MfaEnrolled] = "Double authentification activée",
        [MfaReset] = "Double authentification réinitialisée",
        [RecoveryCodeUsed] = "Code de secours utilisé",
        [RecoveryCodesRenewed] = "Codes de secours renouvelés",
        [StepUpSucceeded] = "Confirmation par code réussie",
        [StepUpFailed] = "Confirmation par code échouée",
        [PasswordChanged] = "Mot de passe modifié",
        [AccountCreated] = "Compte créé",
        [AccountUpdated] = "Compte modifié",
        [AccountRolesChanged] = "Rôles modifiés",
        [AccountDeactivated] = "Compte désactivé",
        [AccountReactivated] = "Compte réactivé",
        [AccountPasswordReset] = "Mot de passe réinitialisé",
        [OrganisationCreated] = "Organisation créée",
        [OrganisationUpdated] = "Organisation modifiée",
        [OrganisationDeactivated] = "Organisation désactivée",
        [OrganisationReactivated] = "Organisation réactivée",
        [AccessDenied] = "Accès refusé",
        [SetupCompleted] = "Installation initiale",
        [DemoSeeded] = "Données de démonstration créées",
        [Read] = "Consultation",
        [Create] = "Création",
        [Update] = "Modification",
        [Delete] = "Suppression",
        [Export] = "Export",
        [SituationShared] = "Situation partagée",
        [SituationShareEnded] = "Fin d'un partage de situation",
        [EmergencyAccess] = "Accès d'urgence à une situation",
        [SignalementValidated] = "Texte d'un signalement validé par un auteur",
        [SignalementSent] = "Signalement confirmé pour envoi",
        [SignalementPdfDownloaded] = "PDF envoyé d'un signalement téléchargé",
        [SignalementSendResolved] = "Envoi incertain d'un signalement réglé",
        [CommitmentAccepted] = "Engagement de confidentialité accepté",
        [AgendaPublished] = "Ordre du jour publié",
        [MinutesValidated] = "Compte rendu validé",
        [MinutesLocked] = "Compte rendu verrouillé",
        [MinutesAmended] = "Rectificatif au compte rendu",
        [ConsentRecorded] = "Réponse du jeune au co-accompagnement enregistrée",
        [SurveyOpened] = "Campagne d'enquête ouverte",
        [SurveyClosed] = "Campagne d'enquête close",
        [SurveyReminded] = "Services relancés pour une enquête",
        [SurveySubmitted] = "Réponse d'un service à une enquête envoyée",
        [CapacityExceededConfirmed] = "Dépassement de capacité d'un lieu d'accueil confirmé",
    };

    public static string Label(string action) => Labels.TryGetValue(action, out var label) ? label : action;
}

/// <summary>The record types written in the audit log.</summary>
public static class AuditRecordType
{
    public const string Account = "Compte";
    public const string Organisation = "Organisation";
    public const string Route = "Route";
    public const string AuditLog = "JournalAudit";
    public const string Installation = "Installation";
    public const string StepUp = "Confirmation";
    public const string Situation = "Situation";
    public const string DuplicateCheck = "DoublonSituation";

    /// <summary>The sharing section of a situation (record id: the situation).</summary>
    public const string SituationSharing = "Situation.Partage";

    /// <summary>An emergency access request that matched no situation (no record id).</summary>
    public const string EmergencyAccess = "AccesUrgence";

    /// <summary>The legal steps section of one situation (record id: the situation).</summary>
    public const string SituationSteps = "Situation.Etapes";

    /// <summary>The timeline of one situation (record id: the situation).</summary>
    public const string SituationTimeline = "Situation.Chronologie";

    /// <summary>One legal step (record id: the step).</summary>
    public const string LegalStep = "EtapeLegale";

    /// <summary>A user's own list of due steps across situations ("Mes échéances").</summary>
    public const string MyDeadlines = "MesEcheances";

    /// <summary>The list of situations (record id: the page number, never the filters).</summary>
    public const string SituationList = "ListeSituations";

    /// <summary>One signalement or information préoccupante (record id: the signalement); also its draft page.</summary>
    public const string Signalement = "Signalement";

    /// <summary>The signalements of one situation (record id: the situation).</summary>
    public const string SituationSignalements = "Situation.Signalements";

    /// <summary>The draft's PDF preview (record id: the signalement).</summary>
    public const string SignalementPreview = "Signalement.Apercu";

    /// <summary>The proof of sending page (record id: the signalement).</summary>
    public const string SignalementProof = "Signalement.Preuve";

    /// <summary>The PDF sent, downloaded with the reader's watermark (record id: the signalement).</summary>
    public const string SignalementSentPdf = "Signalement.PdfEnvoye";

    /// <summary>A commission session: its page, agenda, invitations, attendance (record id: the session).</summary>
    public const string CommissionSession = "Commission.Seance";

    /// <summary>The live page of a session, with every item (record id: the session).</summary>
    public const string CommissionLive = "Commission.EnSeance";

    /// <summary>A request for a commission review (record id: the request).</summary>
    public const string ReviewRequest = "Commission.Demande";

    /// <summary>One agenda item, as a member or a presenter reads it (record id: the item).</summary>
    public const string AgendaItem = "Commission.Point";

    /// <summary>A version of the confidentiality commitment (record id: the version number).</summary>
    public const string Commitment = "Commission.Engagement";

    /// <summary>The minutes of a session (record id: the minutes).</summary>
    public const string Minutes = "Commission.CompteRendu";

    /// <summary>The minutes' PDF copy with the reader's watermark (record id: the minutes).</summary>
    public const string MinutesPdf = "Commission.CompteRendu.Pdf";

    /// <summary>One action decided by the commission (record id: the action).</summary>
    public const string CommissionAction = "Commission.Action";

    /// <summary>A user's own list of actions ("Mes actions").</summary>
    public const string MyActions = "MesActions";

    /// <summary>Coordination's figures and overdue actions by organisation.</summary>
    public const string CommissionFigures = "Commission.Chiffres";

    /// <summary>A co-accompaniment by the mobile team (record id: the accompaniment).</summary>
    public const string Accompaniment = "Accompagnement";

    /// <summary>The mobile team's list of co-accompaniments (active file).</summary>
    public const string AccompanimentList = "Accompagnements";

    /// <summary>The observatory's dashboard (record id: the period, territory and level asked, never a name).</summary>
    public const string Observatory = "Observatoire";

    /// <summary>A table of the observatory exported as xlsx or csv, protected (record id: the indicator and the filters).</summary>
    public const string ObservatoryExport = "Observatoire.Export";

    /// <summary>The yearly report PDF (record id: the year and filters).</summary>
    public const string ObservatoryReport = "Observatoire.Rapport";

    /// <summary>The pseudonymised extract, one row per minor (record id: the period).</summary>
    public const string PseudonymisedExtract = "Observatoire.Extrait";

    /// <summary>An import of historical situations from a spreadsheet (record id: the file's SHA-256).</summary>
    public const string SituationImport = "Observatoire.Import";

    /// <summary>A survey campaign: its page, services' status and results (record id: the campaign).</summary>
    public const string SurveyCampaign = "Enquete.Campagne";

    /// <summary>The list of survey campaigns.</summary>
    public const string SurveyCampaigns = "Enquete.Campagnes";

    /// <summary>One service's answer to a campaign (record id: the answer).</summary>
    public const string SurveyResponse = "Enquete.Reponse";

    /// <summary>The surveys' trend across years.</summary>
    public const string SurveyTrend = "Enquete.Tendance";
    /// <summary>A facility (record id: the facility).</summary>
    public const string Facility = "Accueil.Lieu";

    /// <summary>The list of facilities with their occupancy today.</summary>
    public const string FacilityList = "Accueil.Lieux";

    /// <summary>One orientation of a situation to a facility (record id: the orientation).</summary>
    public const string Orientation = "Accueil.Orientation";

    /// <summary>The orientations of one situation (record id: the situation).</summary>
    public const string SituationOrientations = "Situation.Orientations";
}
