using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Vigie.Web.Platform.Email.Outbox;

/// <summary>Where an outbox message stands. See docs/signalements.md, "Envoi exactement une fois".</summary>
public enum OutboxStatus
{
    /// <summary>Waiting to be sent (first time or after a failure that proves the server did not take it).</summary>
    Pending,

    /// <summary>A sender has started handing the message to the server: if it stops here, nobody knows whether the server took it.</summary>
    HandingOver,

    /// <summary>The server accepted the message (its reply is stored): done.</summary>
    Accepted,

    /// <summary>The server refused the message for good, or it kept failing past the retry period.</summary>
    Failed,

    /// <summary>The hand-over was interrupted after the whole message went out: a person checks with the recipient before any new send.</summary>
    Uncertain,
}

/// <summary>
/// One e-mail waiting in the database to be sent by the background sender, with its stable
/// Message-ID and the exact MIME bytes (encrypted) so that every attempt sends the same message.
/// A row is claimed by one sender at a time (<see cref="ClaimedBy"/> until <see cref="ClaimedUntil"/>,
/// taken by a conditional update) so that two Vigie instances never both send it.
/// </summary>
public sealed class OutboxMessage
{
    public const string MimePurpose = "Outbox.Mime";

    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>What the message is for (e.g. "signalement"): the listener of that kind is told of its outcome.</summary>
    public string Kind { get; set; } = string.Empty;

    /// <summary>The record the message belongs to (e.g. the signalement's id).</summary>
    public Guid SubjectId { get; set; }

    /// <summary>The Message-ID header, without angle brackets; the same for every attempt.</summary>
    public string MessageId { get; set; } = string.Empty;

    /// <summary>The whole MIME message (headers, body, attachments), base64 then encrypted with <see cref="MimePurpose"/>.</summary>
    public string MimeEncrypted { get; set; } = string.Empty;

    /// <summary>The recipients' addresses, for display and checks (institutional addresses, not personal data).</summary>
    public string Recipients { get; set; } = string.Empty;

    public OutboxStatus Status { get; set; } = OutboxStatus.Pending;

    public int Attempts { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime NextAttemptAt { get; set; }

    /// <summary>The sender instance holding the message, until <see cref="ClaimedUntil"/>.</summary>
    public string? ClaimedBy { get; set; }

    public DateTime? ClaimedUntil { get; set; }

    public DateTime? HandingOverAt { get; set; }

    /// <summary>The last failure, in French, for the people concerned (no personal data).</summary>
    public string? LastError { get; set; }

    public DateTime? AcceptedAt { get; set; }

    /// <summary>The server's reply to the end of the message ("250 2.0.0 Ok: queued as …"): the proof of acceptance.</summary>
    public string? ServerResponse { get; set; }

    public DateTime? FailedAt { get; set; }

    /// <summary>Who settled an <see cref="OutboxStatus.Uncertain"/> message, when, and how (confirmed received / sent again).</summary>
    public string? ResolvedById { get; set; }

    public DateTime? ResolvedAt { get; set; }

    public string? Resolution { get; set; }

    /// <summary>Bumped on every change: two writers never both win.</summary>
    public int Version { get; set; }
}

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> builder)
    {
        builder.ToTable("OutboxMessages");
        builder.Property(m => m.Kind).HasMaxLength(40);
        builder.Property(m => m.MessageId).HasMaxLength(200);
        builder.Property(m => m.Recipients).HasMaxLength(2000);
        builder.Property(m => m.ClaimedBy).HasMaxLength(100);
        builder.Property(m => m.LastError).HasMaxLength(1000);
        builder.Property(m => m.ServerResponse).HasMaxLength(1000);
        builder.Property(m => m.ResolvedById).HasMaxLength(64);
        builder.Property(m => m.Resolution).HasMaxLength(40);
        builder.Property(m => m.Version).IsConcurrencyToken();
        builder.HasIndex(m => m.MessageId).IsUnique();
        builder.HasIndex(m => new { m.Status, m.NextAttemptAt });
        builder.HasIndex(m => new { m.Kind, m.SubjectId });
    }
}
