using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Vigie.Web.Features.Situations.LegalSteps;

/// <summary>The legal steps of DOMAIN.md §2.</summary>
public enum LegalStepKind
{
    InformationPreoccupante,
    Signalement,
    MiseAlAbri,
    RecueilProvisoire,
    Opp,
    AudienceJugeEnfants,
    RevoyureCommission,
    AudienceTenue,
    EnqueteOuverte,
    ClassementSansSuite,
}

/// <summary>
/// One legal step on a situation: when it happened, to whom, the external reference, and the due
/// date the law sets for what must follow (computed by <c>LegalDeadlines</c>). A responsible user
/// sees it in "Mes échéances" until it is marked done.
/// </summary>
public sealed class LegalStep
{
    public const string ReferencePurpose = "Etape.Reference";

    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid SituationId { get; set; }

    /// <summary>The signalement this step follows (justice follow-up), if any.</summary>
    public Guid? SignalementId { get; set; }

    public LegalStepKind Kind { get; set; }

    /// <summary>When the step happened (UTC).</summary>
    public DateTime OccurredAt { get; set; }

    public string? Recipient { get; set; }

    /// <summary>External reference (parquet number…), encrypted: it identifies a child's file elsewhere.</summary>
    public string? ExternalReferenceEncrypted { get; set; }

    /// <summary>When what follows this step is due (UTC); null when the law sets no deadline.</summary>
    public DateTime? DueAt { get; set; }

    public DateTime? CompletedAt { get; set; }

    public string? CompletedById { get; set; }

    public string ResponsibleUserId { get; set; } = string.Empty;

    public string RecordedById { get; set; } = string.Empty;

    public DateTime RecordedAt { get; set; }
}

internal sealed class LegalStepConfiguration : IEntityTypeConfiguration<LegalStep>
{
    public void Configure(EntityTypeBuilder<LegalStep> builder)
    {
        builder.Property(s => s.Recipient).HasMaxLength(200);
        builder.Property(s => s.ExternalReferenceEncrypted).HasMaxLength(1024);
        builder.Property(s => s.CompletedById).HasMaxLength(64);
        builder.Property(s => s.ResponsibleUserId).HasMaxLength(64);
        builder.Property(s => s.RecordedById).HasMaxLength(64);
        builder.HasOne<Situation>().WithMany(s => s.LegalSteps).HasForeignKey(s => s.SituationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(s => new { s.SituationId, s.OccurredAt });
        builder.HasIndex(s => new { s.ResponsibleUserId, s.CompletedAt, s.DueAt });
        builder.HasIndex(s => new { s.CompletedAt, s.DueAt });
        builder.HasIndex(s => s.SignalementId);
        // The observatory's legal-step indicators (situations per kind, first signalement of each
        // situation) read this index alone, in SituationId order within a kind, instead of the table.
        builder.HasIndex(s => new { s.Kind, s.SituationId, s.OccurredAt });
    }
}
