using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Vigie.Web.Platform.Audit;

public enum AuditOutcome
{
    Success,
    Failure,
    Denied,
}

/// <summary>
/// One line of the append-only audit log. Never holds case content: who, when, what, which record,
/// outcome and IP. <see cref="Hmac"/> chains it to the previous entry (see <see cref="AuditChain"/>).
/// </summary>
public sealed class AuditEntry
{
    public long Sequence { get; init; }

    public DateTime At { get; init; }

    public string? ActorId { get; init; }

    public required string Action { get; init; }

    public string? RecordType { get; init; }

    public string? RecordId { get; init; }

    public AuditOutcome Outcome { get; init; }

    public string? Ip { get; init; }

    public required string KeyId { get; init; }

    public required string Hmac { get; init; }
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.ToTable("AuditEntries");
        // The sequence is the primary key: two writers can never both append entry n.
        builder.HasKey(e => e.Sequence);
        builder.Property(e => e.Sequence).ValueGeneratedNever();
        builder.Property(e => e.ActorId).HasMaxLength(64);
        builder.Property(e => e.Action).HasMaxLength(64);
        builder.Property(e => e.RecordType).HasMaxLength(64);
        builder.Property(e => e.RecordId).HasMaxLength(128);
        builder.Property(e => e.Ip).HasMaxLength(45);
        builder.Property(e => e.KeyId).HasMaxLength(16);
        builder.Property(e => e.Hmac).HasMaxLength(64);
        builder.HasIndex(e => e.At);
        builder.HasIndex(e => new { e.ActorId, e.At });
        builder.HasIndex(e => new { e.RecordType, e.RecordId });
        builder.HasIndex(e => e.Action);
    }
}
