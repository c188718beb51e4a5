using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Vigie.Web.Features.Commission;

/// <summary>An ordinary session (about every six weeks, from the schedule) or an exceptional one called at short notice.</summary>
public enum SessionKind
{
    Ordinaire,
    Exceptionnelle,
}

public enum SessionStatus
{
    Planifiee,
    Tenue,
    Annulee,
}

/// <summary>
/// A meeting of the commission (CESMIVIP). Its agenda is prepared by Coordination and published;
/// from publication the invited members who accepted the session's confidentiality commitment see
/// its items, until <see cref="MinutesClosedAt"/> plus the setting
/// <c>Vigie:Commission:MemberAccessDaysAfterClosure</c>.
/// </summary>
public sealed class CommissionSession
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>"Séance n° 20": one number per session, in creation order.</summary>
    public int Number { get; set; }

    public SessionKind Kind { get; set; }

    public SessionStatus Status { get; set; } = SessionStatus.Planifiee;

    /// <summary>Start, UTC (entered and shown in Paris time).</summary>
    public DateTime StartsAt { get; set; }

    public int DurationMinutes { get; set; } = 120;

    /// <summary>Room and address; institutional, in clear.</summary>
    public string? Place { get; set; }

    public string? VideoLink { get; set; }

    /// <summary>Why an exceptional session was called, or why a session was cancelled (no personal data: a hint says so).</summary>
    public string? Note { get; set; }

    public DateTime? AgendaPublishedAt { get; set; }

    public string? AgendaPublishedById { get; set; }

    /// <summary>When the minutes were locked: the members' access ends a set delay after it.</summary>
    public DateTime? MinutesClosedAt { get; set; }

    public DateTime CreatedAt { get; set; }

    public string CreatedById { get; set; } = string.Empty;

    public int Version { get; set; }

    public List<SessionInvitation> Invitations { get; set; } = [];

    public List<AgendaItem> Items { get; set; } = [];
}

public enum InvitationRole
{
    /// <summary>A member of the commission (sees the items, after the commitment).</summary>
    Membre,

    /// <summary>A professional who presents a situation (sees it through the situations' own scope).</summary>
    Presentateur,
}

public enum Attendance
{
    NonRenseignee,
    Present,
    Excuse,
    Absent,
}

/// <summary>
/// Who is invited to a session, and whether they came. <see cref="UserId"/> is null for a person
/// without a Vigie account (recorded by name and institution for the attendance only).
/// </summary>
public sealed class SessionInvitation
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid SessionId { get; set; }

    public string? UserId { get; set; }

    public InvitationRole Role { get; set; }

    /// <summary>The person's name and institution when invited (kept as they were for the minutes).</summary>
    public string PersonName { get; set; } = string.Empty;

    public string Institution { get; set; } = string.Empty;

    public DateTime InvitedAt { get; set; }

    public DateTime? NotifiedAt { get; set; }

    public Attendance Attendance { get; set; } = Attendance.NonRenseignee;
}

/// <summary>One version of the confidentiality commitment (text of the règlement intérieur). The latest applies to new acceptances.</summary>
public sealed class ConfidentialityCommitment
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public int Version { get; set; }

    public string Text { get; set; } = string.Empty;

    public DateTime PublishedAt { get; set; }

    public string PublishedById { get; set; } = string.Empty;
}

/// <summary>A member's acceptance of the commitment for one session (audited as well).</summary>
public sealed class CommitmentAcceptance
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid SessionId { get; set; }

    public string UserId { get; set; } = string.Empty;

    public Guid CommitmentId { get; set; }

    public DateTime AcceptedAt { get; set; }
}

internal sealed class CommissionSessionConfiguration : IEntityTypeConfiguration<CommissionSession>
{
    public void Configure(EntityTypeBuilder<CommissionSession> builder)
    {
        builder.Property(s => s.Place).HasMaxLength(300);
        builder.Property(s => s.VideoLink).HasMaxLength(500);
        builder.Property(s => s.Note).HasMaxLength(1000);
        builder.Property(s => s.AgendaPublishedById).HasMaxLength(64);
        builder.Property(s => s.CreatedById).HasMaxLength(64);
        builder.Property(s => s.Version).IsConcurrencyToken();
        builder.HasIndex(s => s.Number).IsUnique();
        builder.HasIndex(s => s.StartsAt);
        builder.HasMany(s => s.Invitations).WithOne().HasForeignKey(i => i.SessionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(s => s.Items).WithOne(i => i.Session).HasForeignKey(i => i.SessionId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class SessionInvitationConfiguration : IEntityTypeConfiguration<SessionInvitation>
{
    public void Configure(EntityTypeBuilder<SessionInvitation> builder)
    {
        builder.Property(i => i.UserId).HasMaxLength(64);
        builder.Property(i => i.PersonName).HasMaxLength(200);
        builder.Property(i => i.Institution).HasMaxLength(200);
        builder.HasIndex(i => new { i.SessionId, i.UserId }).IsUnique();
        builder.HasIndex(i => new { i.UserId, i.SessionId });
    }
}

internal sealed class ConfidentialityCommitmentConfiguration : IEntityTypeConfiguration<ConfidentialityCommitment>
{
    public void Configure(EntityTypeBuilder<ConfidentialityCommitment> builder)
    {
        builder.Property(c => c.Text).HasMaxLength(20000);
        builder.Property(c => c.PublishedById).HasMaxLength(64);
        builder.HasIndex(c => c.Version).IsUnique();
    }
}

internal sealed class CommitmentAcceptanceConfiguration : IEntityTypeConfiguration<CommitmentAcceptance>
{
    public void Configure(EntityTypeBuilder<CommitmentAcceptance> builder)
    {
        builder.Property(a => a.UserId).HasMaxLength(64);
        builder.HasIndex(a => new { a.SessionId, a.UserId }).IsUnique();
        builder.HasIndex(a => new { a.UserId, a.SessionId });
        builder.HasOne<CommissionSession>().WithMany().HasForeignKey(a => a.SessionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<ConfidentialityCommitment>().WithMany().HasForeignKey(a => a.CommitmentId).OnDelete(DeleteBehavior.Restrict);
    }
}
