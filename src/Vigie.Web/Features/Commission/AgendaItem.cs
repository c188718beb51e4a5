using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Vigie.Web.Features.Administration;
using Vigie.Web.Features.Situations;

namespace Vigie.Web.Features.Commission;

public enum ReviewRequestStatus
{
    EnAttente,
    Acceptee,
    Refusee,
    Retiree,
}

/// <summary>
/// A professional's request that the commission review a situation: why, how urgent, and what they
/// ask of it. Coordination accepts it (it becomes an <see cref="AgendaItem"/> of a session) or
/// declines it with a reason.
/// </summary>
public sealed class ReviewRequest
{
    public const string ReasonPurpose = "Commission.Demande.Motif";
    public const string AskPurpose = "Commission.Demande.Attente";
    public const string DeclinePurpose = "Commission.Demande.Refus";

    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid SituationId { get; set; }

    public string RequestedById { get; set; } = string.Empty;

    public DateTime RequestedAt { get; set; }

    public bool Urgent { get; set; }

    public string ReasonEncrypted { get; set; } = string.Empty;

    public string AskEncrypted { get; set; } = string.Empty;

    public ReviewRequestStatus Status { get; set; } = ReviewRequestStatus.EnAttente;

    public string? DecidedById { get; set; }

    public DateTime? DecidedAt { get; set; }

    public string? DeclineReasonEncrypted { get; set; }

    public Guid? AgendaItemId { get; set; }

    public int Version { get; set; }
}

/// <summary>
/// A situation on a session's agenda. Members see only what the commission needs (first name, age,
/// territory, the presenter's summary, the relevant indicators) unless Coordination widens the item
/// (<see cref="Widened"/>: full name and the evaluation's detail). What the session records on it
/// (information shared, advice, review date) is encrypted.
/// </summary>
public sealed class AgendaItem
{
    public const string SummaryPurpose = "Commission.Point.Resume";
    public const string IndicatorsPurpose = "Commission.Point.Indicateurs";
    public const string SharedPurpose = "Commission.Point.Informations";
    public const string AdvicePurpose = "Commission.Point.Avis";

    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid SessionId { get; set; }

    public CommissionSession? Session { get; set; }

    public Guid SituationId { get; set; }

    public Guid? ReviewRequestId { get; set; }

    /// <summary>1, 2, 3…: the order of the agenda (urgent and re-presented first, then new ones).</summary>
    public int Position { get; set; }

    public bool Urgent { get; set; }

    /// <summary>The situation was already presented at an earlier session.</summary>
    public bool Representation { get; set; }

    /// <summary>The professional who presents the situation (a Vigie user).</summary>
    public string? PresenterId { get; set; }

    public string? SummaryEncrypted { get; set; }

    /// <summary>The indicators suspected or proven at the latest evaluation (JSON of key, level, date), encrypted.</summary>
    public string? IndicatorsEncrypted { get; set; }

    public bool Widened { get; set; }

    public string? SharedInformationEncrypted { get; set; }

    public string? AdviceEncrypted { get; set; }

    /// <summary>When the commission wants to look at the situation again.</summary>
    public DateOnly? ReviewOn { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    public string? UpdatedById { get; set; }

    public int Version { get; set; }

    public List<CommissionDecision> Decisions { get; set; } = [];
}

/// <summary>The decisions of DOMAIN.md §3.4.</summary>
public enum DecisionKind
{
    CoAccompagnementPropose,
    SignalementConseille,
    Orientation,
    SoinsPedopsychiatrie,
    ProtectionRenforcee,
    RepresentationLe,
    Cloture,
}

public sealed class CommissionDecision
{
    public const string DetailPurpose = "Commission.Decision.Detail";

    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid AgendaItemId { get; set; }

    public DecisionKind Kind { get; set; }

    public string? DetailEncrypted { get; set; }

    /// <summary>For <see cref="DecisionKind.RepresentationLe"/>: the date to present it again.</summary>
    public DateOnly? RepresentOn { get; set; }

    public DateTime CreatedAt { get; set; }

    public string CreatedById { get; set; } = string.Empty;
}

public enum ActionStatus
{
    Ouverte,
    Faite,
    Impossible,
    NonFaite,
}

/// <summary>
/// Something a person (and their organisation) must do after a session, by a date. Reminders are
/// sent before and after <see cref="DueOn"/> by the background job; closed as done, impossible
/// (circumstances changed) or not done. Open actions are carried over to the next sessions' agendas.
/// </summary>
public sealed class CommissionAction
{
    public const string DescriptionPurpose = "Commission.Action.Description";
    public const string ClosingPurpose = "Commission.Action.Cloture";

    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid AgendaItemId { get; set; }

    public Guid SessionId { get; set; }

    public Guid SituationId { get; set; }

    public string DescriptionEncrypted { get; set; } = string.Empty;

    public string? OwnerId { get; set; }

    public Guid OwnerOrganisationId { get; set; }

    public DateOnly DueOn { get; set; }

    public ActionStatus Status { get; set; } = ActionStatus.Ouverte;

    public DateTime CreatedAt { get; set; }

    public string CreatedById { get; set; } = string.Empty;

    public DateTime? ClosedAt { get; set; }

    public string? ClosedById { get; set; }

    public string? ClosingNoteEncrypted { get; set; }

    public DateTime? ReminderBeforeSentAt { get; set; }

    public DateTime? ReminderAfterSentAt { get; set; }

    public int Version { get; set; }
}

internal sealed class ReviewRequestConfiguration : IEntityTypeConfiguration<ReviewRequest>
{
    public void Configure(EntityTypeBuilder<ReviewRequest> builder)
    {
        builder.Property(r => r.RequestedById).HasMaxLength(64);
        builder.Property(r => r.DecidedById).HasMaxLength(64);
        builder.Property(r => r.Version).IsConcurrencyToken();
        builder.HasIndex(r => new { r.Status, r.RequestedAt });
        builder.HasIndex(r => new { r.SituationId, r.RequestedAt });
        builder.HasOne<Situation>().WithMany().HasForeignKey(r => r.SituationId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AgendaItemConfiguration : IEntityTypeConfiguration<AgendaItem>
{
    public void Configure(EntityTypeBuilder<AgendaItem> builder)
    {
        builder.Property(i => i.PresenterId).HasMaxLength(64);
        builder.Property(i => i.UpdatedById).HasMaxLength(64);
        builder.Property(i => i.Version).IsConcurrencyToken();
        builder.HasIndex(i => new { i.SessionId, i.Position });
        builder.HasIndex(i => new { i.SituationId, i.SessionId }).IsUnique();
        builder.HasOne<Situation>().WithMany().HasForeignKey(i => i.SituationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<ReviewRequest>().WithMany().HasForeignKey(i => i.ReviewRequestId).OnDelete(DeleteBehavior.SetNull);
        builder.HasMany(i => i.Decisions).WithOne().HasForeignKey(d => d.AgendaItemId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CommissionDecisionConfiguration : IEntityTypeConfiguration<CommissionDecision>
{
    public void Configure(EntityTypeBuilder<CommissionDecision> builder)
    {
        builder.Property(d => d.CreatedById).HasMaxLength(64);
        builder.HasIndex(d => new { d.Kind, d.CreatedAt });
    }
}

internal sealed class CommissionActionConfiguration : IEntityTypeConfiguration<CommissionAction>
{
    public void Configure(EntityTypeBuilder<CommissionAction> builder)
    {
        builder.Property(a => a.OwnerId).HasMaxLength(64);
        builder.Property(a => a.CreatedById).HasMaxLength(64);
        builder.Property(a => a.ClosedById).HasMaxLength(64);
        builder.Property(a => a.Version).IsConcurrencyToken();
        builder.HasIndex(a => new { a.Status, a.DueOn });
        builder.HasIndex(a => new { a.OwnerId, a.Status });
        builder.HasIndex(a => new { a.OwnerOrganisationId, a.Status });
        builder.HasIndex(a => new { a.SituationId, a.CreatedAt });
        builder.HasIndex(a => a.SessionId);
        builder.HasOne<AgendaItem>().WithMany().HasForeignKey(a => a.AgendaItemId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Situation>().WithMany().HasForeignKey(a => a.SituationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<CommissionSession>().WithMany().HasForeignKey(a => a.SessionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(a => a.OwnerOrganisationId).OnDelete(DeleteBehavior.Restrict);
    }
}
