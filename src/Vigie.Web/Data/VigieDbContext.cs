using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Vigie.Web.Features.Accueil;
using Vigie.Web.Features.Administration;
using Vigie.Web.Features.Annuaire;
using Vigie.Web.Features.Commission;
using Vigie.Web.Features.Compte;
using Vigie.Web.Features.Enquetes;
using Vigie.Web.Features.Formation;
using Vigie.Web.Features.Lexique;
using Vigie.Web.Features.Notifications;
using Vigie.Web.Features.Signalements;
using Vigie.Web.Features.Situations;
using Vigie.Web.Features.Situations.LegalSteps;
using Vigie.Web.Features.Situations.Trame;
using Vigie.Web.Platform.Audit;
using Vigie.Web.Platform.Email.Outbox;

namespace Vigie.Web.Data;

public sealed class VigieDbContext(DbContextOptions<VigieDbContext> options) : IdentityDbContext<VigieUser>(options)
{
    public DbSet<Organisation> Organisations => Set<Organisation>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<Situation> Situations => Set<Situation>();

    public DbSet<SituationEvent> SituationEvents => Set<SituationEvent>();

    public DbSet<SituationAssignment> SituationAssignments => Set<SituationAssignment>();

    public DbSet<EmergencyAccess> EmergencyAccesses => Set<EmergencyAccess>();

    public DbSet<TrameDraft> TrameDrafts => Set<TrameDraft>();

    public DbSet<Evaluation> Evaluations => Set<Evaluation>();

    public DbSet<LegalStep> LegalSteps => Set<LegalStep>();

    public DbSet<Notification> Notifications => Set<Notification>();

    public DbSet<Signalement> Signalements => Set<Signalement>();

    public DbSet<SignalementAuthor> SignalementAuthors => Set<SignalementAuthor>();

    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();

    public DbSet<CommissionSession> CommissionSessions => Set<CommissionSession>();

    public DbSet<SessionInvitation> SessionInvitations => Set<SessionInvitation>();

    public DbSet<ConfidentialityCommitment> ConfidentialityCommitments => Set<ConfidentialityCommitment>();

    public DbSet<CommitmentAcceptance> CommitmentAcceptances => Set<CommitmentAcceptance>();

    public DbSet<ReviewRequest> ReviewRequests => Set<ReviewRequest>();

    public DbSet<AgendaItem> AgendaItems => Set<AgendaItem>();

    public DbSet<CommissionDecision> CommissionDecisions => Set<CommissionDecision>();

    public DbSet<CommissionAction> CommissionActions => Set<CommissionAction>();

    public DbSet<SessionMinutes> SessionMinutes => Set<SessionMinutes>();

    public DbSet<MinutesAmendment> MinutesAmendments => Set<MinutesAmendment>();

    public DbSet<MinutesReadReceipt> MinutesReadReceipts => Set<MinutesReadReceipt>();

    public DbSet<Accompaniment> Accompaniments => Set<Accompaniment>();

    public DbSet<AccompanimentNote> AccompanimentNotes => Set<AccompanimentNote>();

    public DbSet<SurveyCampaign> SurveyCampaigns => Set<SurveyCampaign>();

    public DbSet<SurveyQuestion> SurveyQuestions => Set<SurveyQuestion>();

    public DbSet<SurveyRecipient> SurveyRecipients => Set<SurveyRecipient>();

    public DbSet<SurveyResponse> SurveyResponses => Set<SurveyResponse>();

    public DbSet<SurveyAnswer> SurveyAnswers => Set<SurveyAnswer>();

    public DbSet<Facility> Facilities => Set<Facility>();

    public DbSet<FacilityManager> FacilityManagers => Set<FacilityManager>();

    public DbSet<Orientation> Orientations => Set<Orientation>();

    public DbSet<TrainingSession> TrainingSessions => Set<TrainingSession>();

    public DbSet<TrainedPerson> TrainedPeople => Set<TrainedPerson>();

    public DbSet<TrainingParticipation> TrainingParticipations => Set<TrainingParticipation>();

    public DbSet<TrainedPersonDistinction> TrainedPersonDistinctions => Set<TrainedPersonDistinction>();

    public DbSet<LexiqueTerm> LexiqueTerms => Set<LexiqueTerm>();

    public DbSet<DirectoryEntry> DirectoryEntries => Set<DirectoryEntry>();

    public DbSet<DirectoryContact> DirectoryContacts => Set<DirectoryContact>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(VigieDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Enums are stored by name: readable in raw SQL and stable when members are reordered.
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(40);
    }
}
