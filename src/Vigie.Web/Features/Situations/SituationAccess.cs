using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Vigie.Web.Features.Situations;

/// <summary>
/// A situation shared with a named professional of another organisation (ACCESS.md: "those to
/// which they are assigned"). The reason is free text, so it is stored encrypted.
/// </summary>
public sealed class SituationAssignment
{
    public const string ReasonPurpose = "Affectation.Motif";

    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid SituationId { get; set; }

    public string UserId { get; set; } = string.Empty;

    public string ReasonEncrypted { get; set; } = string.Empty;

    public string AssignedById { get; set; } = string.Empty;

    public DateTime AssignedAt { get; set; }

    public DateTime? EndedAt { get; set; }

    public string? EndedById { get; set; }
}

/// <summary>
/// "Bris de glace": a professional opened an out-of-scope situation after typing a justification
/// and a fresh TOTP code; the access lasts until <see cref="ExpiresAt"/> (24 h).
/// </summary>
public sealed class EmergencyAccess
{
    public const string JustificationPurpose = "AccesUrgence.Justification";

    public static readonly TimeSpan Duration = TimeSpan.FromHours(24);

    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid SituationId { get; set; }

    public string UserId { get; set; } = string.Empty;

    public string JustificationEncrypted { get; set; } = string.Empty;

    public DateTime GrantedAt { get; set; }

    public DateTime ExpiresAt { get; set; }
}

internal sealed class SituationAssignmentConfiguration : IEntityTypeConfiguration<SituationAssignment>
{
    public void Configure(EntityTypeBuilder<SituationAssignment> builder)
    {
        builder.Property(a => a.UserId).HasMaxLength(64);
        builder.Property(a => a.AssignedById).HasMaxLength(64);
        builder.Property(a => a.EndedById).HasMaxLength(64);
        builder.Property(a => a.ReasonEncrypted).HasMaxLength(8192);
        builder.HasOne<Situation>().WithMany(s => s.Assignments).HasForeignKey(a => a.SituationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(a => new { a.UserId, a.SituationId });
        builder.HasIndex(a => a.SituationId);
    }
}

internal sealed class EmergencyAccessConfiguration : IEntityTypeConfiguration<EmergencyAccess>
{
    public void Configure(EntityTypeBuilder<EmergencyAccess> builder)
    {
        builder.Property(a => a.UserId).HasMaxLength(64);
        builder.Property(a => a.JustificationEncrypted).HasMaxLength(8192);
        builder.HasOne<Situation>().WithMany(s => s.EmergencyAccesses).HasForeignKey(a => a.SituationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(a => new { a.UserId, a.SituationId, a.ExpiresAt });
    }
}
