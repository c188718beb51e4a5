using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Vigie.Web.Features.Situations;

namespace Vigie.Web.Features.Commission;

public enum MinutesStatus
{
    Brouillon,
    Validee,
    Verrouillee,
}

/// <summary>
/// The minutes of a session: a draft generated from what was recorded, edited, validated, then
/// locked. After locking, corrections are dated <see cref="MinutesAmendment"/>s; the text never
/// changes again. Read in Vigie (each reader's first and last read kept); a PDF copy, when
/// <see cref="PdfAllowed"/>, carries the reader's name as a watermark.
/// </summary>
public sealed class SessionMinutes
{
    public const string ContentPurpose = "Commission.CompteRendu";

    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid SessionId { get; set; }

    public MinutesStatus Status { get; set; } = MinutesStatus.Brouillon;

    public string ContentEncrypted { get; set; } = string.Empty;

    public bool PdfAllowed { get; set; }

    public DateTime CreatedAt { get; set; }

    public string CreatedById { get; set; } = string.Empty;

    public DateTime UpdatedAt { get; set; }

    public string UpdatedById { get; set; } = string.Empty;

    public DateTime? ValidatedAt { get; set; }

    public string? ValidatedById { get; set; }

    public DateTime? LockedAt { get; set; }

    public string? LockedById { get; set; }

    public int Version { get; set; }

    public List<MinutesAmendment> Amendments { get; set; } = [];
}

public sealed class MinutesAmendment
{
    public const string TextPurpose = "Commission.CompteRendu.Rectificatif";

    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid MinutesId { get; set; }

    public int Number { get; set; }

    public DateTime At { get; set; }

    public string ById { get; set; } = string.Empty;

    public string TextEncrypted { get; set; } = string.Empty;
}

/// <summary>Who has read the minutes, first and last time (read receipts).</summary>
public sealed class MinutesReadReceipt
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid MinutesId { get; set; }

    public string UserId { get; set; } = string.Empty;

    public DateTime FirstReadAt { get; set; }

    public DateTime LastReadAt { get; set; }

    public int Reads { get; set; }
}

public enum AccompanimentStatus
{
    /// <summary>Decided by the commission; the young person has not answered yet.</summary>
    Proposee,
    Acceptee,
    Refusee,
    Terminee,
}

public enum AccompanimentEndReason
{
    ObjectifsAtteints,
    DemandeDuJeune,
    PerteDeContact,
    Majorite,
    Demenagement,
    RelaisPrisParUnAutreService,
    Autre,
}

/// <summary>
/// Co-accompaniment by the mobile team, on the young person's free consent: proposed (by a
/// commission decision) → accepted or refused (date, who collected the answer) → ended (reason).
/// The mobile team sees a situation only while its co-accompaniment is accepted and not ended.
/// </summary>
public sealed class Accompaniment
{
    public const string EndCommentPurpose = "Commission.Accompagnement.Fin";

    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid SituationId { get; set; }

    public Guid? DecisionId { get; set; }

    public AccompanimentStatus Status { get; set; } = AccompanimentStatus.Proposee;

    public DateTime ProposedAt { get; set; }

    public string ProposedById { get; set; } = string.Empty;

    /// <summary>The day the young person gave their answer.</summary>
    public DateOnly? ConsentOn { get; set; }

    /// <summary>Who collected the answer (name and function, as written).</summary>
    public string? ConsentCollectedBy { get; set; }

    public string? ConsentRecordedById { get; set; }

    public DateTime? ConsentRecordedAt { get; set; }

    public DateTime? EndedAt { get; set; }

    public AccompanimentEndReason? EndReason { get; set; }

    public string? EndCommentEncrypted { get; set; }

    public string? EndedById { get; set; }

    public int Version { get; set; }
}

/// <summary>A follow-up note of the mobile team, encrypted.</summary>
public sealed class AccompanimentNote
{
    public const string TextPurpose = "Commission.Accompagnement.Note";

    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid AccompanimentId { get; set; }

    public DateTime At { get; set; }

    public string AuthorId { get; set; } = string.Empty;

    public string TextEncrypted { get; set; } = string.Empty;
}

internal sealed class SessionMinutesConfiguration : IEntityTypeConfiguration<SessionMinutes>
{
    public void Configure(EntityTypeBuilder<SessionMinutes> builder)
    {
        builder.Property(m => m.CreatedById).HasMaxLength(64);
        builder.Property(m => m.UpdatedById).HasMaxLength(64);
        builder.Property(m => m.ValidatedById).HasMaxLength(64);
        builder.Property(m => m.LockedById).HasMaxLength(64);
        builder.Property(m => m.Version).IsConcurrencyToken();
        builder.HasIndex(m => m.SessionId).IsUnique();
        builder.HasOne<CommissionSession>().WithMany().HasForeignKey(m => m.SessionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(m => m.Amendments).WithOne().HasForeignKey(a => a.MinutesId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class MinutesAmendmentConfiguration : IEntityTypeConfiguration<MinutesAmendment>
{
    public void Configure(EntityTypeBuilder<MinutesAmendment> builder)
    {
        builder.Property(a => a.ById).HasMaxLength(64);
        builder.HasIndex(a => new { a.MinutesId, a.Number }).IsUnique();
    }
}

internal sealed class MinutesReadReceiptConfiguration : IEntityTypeConfiguration<MinutesReadReceipt>
{
    public void Configure(EntityTypeBuilder<MinutesReadReceipt> builder)
    {
        builder.Property(r => r.UserId).HasMaxLength(64);
        builder.HasIndex(r => new { r.MinutesId, r.UserId }).IsUnique();
        builder.HasOne<SessionMinutes>().WithMany().HasForeignKey(r => r.MinutesId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AccompanimentConfiguration : IEntityTypeConfiguration<Accompaniment>
{
    public void Configure(EntityTypeBuilder<Accompaniment> builder)
    {
        builder.Property(a => a.ProposedById).HasMaxLength(64);
        builder.Property(a => a.ConsentCollectedBy).HasMaxLength(200);
        builder.Property(a => a.ConsentRecordedById).HasMaxLength(64);
        builder.Property(a => a.EndedById).HasMaxLength(64);
        builder.Property(a => a.Version).IsConcurrencyToken();
        builder.HasIndex(a => new { a.Status, a.SituationId });
        builder.HasIndex(a => new { a.SituationId, a.ProposedAt });
        builder.HasOne<Situation>().WithMany(s => s.Accompaniments).HasForeignKey(a => a.SituationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<CommissionDecision>().WithMany().HasForeignKey(a => a.DecisionId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class AccompanimentNoteConfiguration : IEntityTypeConfiguration<AccompanimentNote>
{
    public void Configure(EntityTypeBuilder<AccompanimentNote> builder)
    {
        builder.Property(n => n.AuthorId).HasMaxLength(64);
        builder.HasIndex(n => new { n.AccompanimentId, n.At });
        builder.HasOne<Accompaniment>().WithMany().HasForeignKey(n => n.AccompanimentId).OnDelete(DeleteBehavior.Cascade);
    }
}
