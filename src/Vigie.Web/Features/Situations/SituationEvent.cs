using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Vigie.Web.Features.Situations;

/// <summary>
/// What happened to the situation file itself (opened, status moved, closed, reopened, identity
/// corrected, evaluation validated, shared, emergency access), for its timeline. Never holds case
/// content: <see cref="Detail"/> is a code or a label chosen by Vigie (a status, a reason key).
/// </summary>
public sealed class SituationEvent
{
    public long Id { get; set; }

    public Guid SituationId { get; set; }

    public DateTime At { get; set; }

    public string ActorId { get; set; } = string.Empty;

    public string Kind { get; set; } = string.Empty;

    public string? Detail { get; set; }

    public static SituationEvent Of(Guid situationId, DateTime at, string actorId, string kind, string? detail = null) =>
        new() { SituationId = situationId, At = at, ActorId = actorId, Kind = kind, Detail = detail };
}

/// <summary>The kinds of <see cref="SituationEvent"/>.</summary>
public static class SituationEventKind
{
    public const string Opened = "ouverte";
    public const string StatusChanged = "statut";
    public const string Closed = "cloturee";
    public const string Reopened = "rouverte";
    public const string IdentityCorrected = "identite";
    public const string EvaluationValidated = "evaluation";
    public const string Assigned = "affectation";
    public const string AssignmentEnded = "affectation-fin";
    public const string EmergencyAccess = "acces-urgence";
    public const string LegalStepRecorded = "etape";
    public const string LegalStepCompleted = "etape-faite";
}

internal sealed class SituationEventConfiguration : IEntityTypeConfiguration<SituationEvent>
{
    public void Configure(EntityTypeBuilder<SituationEvent> builder)
    {
        builder.Property(e => e.ActorId).HasMaxLength(64);
        builder.Property(e => e.Kind).HasMaxLength(40);
        builder.Property(e => e.Detail).HasMaxLength(200);
        builder.HasOne<Situation>().WithMany().HasForeignKey(e => e.SituationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(e => new { e.SituationId, e.At });
    }
}
