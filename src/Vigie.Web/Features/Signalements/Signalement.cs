using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Vigie.Web.Features.Situations;
using Vigie.Web.Platform.Email.Outbox;

namespace Vigie.Web.Features.Signalements;

/// <summary>A signalement to the parquet des mineurs (CRIP in copy), or an information préoccupante to the CRIP alone.</summary>
public enum SignalementKind
{
    Signalement,
    InformationPreoccupante,
}

/// <summary>
/// Draft (editable; each author validates; any change clears the validations) → being sent (frozen,
/// the message waits in the outbox) → effectué once the recipient's server accepted it. A permanent
/// refusal is <see cref="Echec"/> (the draft can be corrected and sent again); an interrupted
/// hand-over is <see cref="AVerifier"/> until a person settles it.
/// </summary>
public enum SignalementStatus
{
    Brouillon,
    EnEnvoi,
    Effectue,
    Echec,
    AVerifier,
}

/// <summary>One recipient of the message, from the settings of the territory (institutional address).</summary>
public enum RecipientRole
{
    ParquetDesMineurs,
    JugeDesEnfants,
    Crip,
}

public sealed class Signalement
{
    public const string ContentPurpose = "Signalement.Contenu";
    public const string PdfPurpose = "Signalement.Pdf";
    public const string ParquetReferencePurpose = "Signalement.ReferenceParquet";

    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid SituationId { get; set; }

    public SignalementKind Kind { get; set; }

    /// <summary>"SIG-2026-000123" or "IP-2026-000045": what the clerk and the authors quote.</summary>
    public string Reference { get; set; } = string.Empty;

    public SignalementStatus Status { get; set; } = SignalementStatus.Brouillon;

    /// <summary>The evaluation the draft was pre-filled from (its number on the situation).</summary>
    public int? EvaluationNumber { get; set; }

    /// <summary>The territory whose recipients were chosen (settings).</summary>
    public string Territory { get; set; } = string.Empty;

    /// <summary>The drafted sections (facts, the minor's words, indicators…) as JSON, encrypted with <see cref="ContentPurpose"/>.</summary>
    public string ContentEncrypted { get; set; } = string.Empty;

    /// <summary>The recipients chosen from the settings (JSON: role, name, e-mail, address lines; institutional, in clear).</summary>
    public string RecipientsJson { get; set; } = "[]";

    public string CreatedById { get; set; } = string.Empty;

    public DateTime CreatedAt { get; set; }

    public string UpdatedById { get; set; } = string.Empty;

    public DateTime UpdatedAt { get; set; }

    /// <summary>Who confirmed the sending (with a fresh TOTP code), and when.</summary>
    public string? SentById { get; set; }

    public DateTime? QueuedAt { get; set; }

    /// <summary>The PDF exactly as attached to the message, base64 then encrypted with <see cref="PdfPurpose"/>.</summary>
    public string? PdfEncrypted { get; set; }

    /// <summary>SHA-256 of the PDF sent (lower-case hex).</summary>
    public string? PdfSha256 { get; set; }

    public Guid? OutboxMessageId { get; set; }

    /// <summary>Proof of sending, copied from the outbox when the server accepted the message.</summary>
    public DateTime? AcceptedAt { get; set; }

    public string? MessageId { get; set; }

    public string? ServerResponse { get; set; }

    /// <summary>Why the last sending failed or is uncertain, in French, for the authors and Coordination.</summary>
    public string? FailureReason { get; set; }

    /// <summary>The parquet's reference for the case, encrypted: it identifies a child's file elsewhere.</summary>
    public string? ParquetReferenceEncrypted { get; set; }

    public int Version { get; set; }

    public List<SignalementAuthor> Authors { get; set; } = [];
}

/// <summary>An author of a signalement: a Vigie user, with the contact details printed on the document.</summary>
public sealed class SignalementAuthor
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid SignalementId { get; set; }

    /// <summary>1, 2, 3…: the order on the document.</summary>
    public int Position { get; set; }

    public string UserId { get; set; } = string.Empty;

    public string Name { get; set; } = string.Empty;

    public string Function { get; set; } = string.Empty;

    public string Organisation { get; set; } = string.Empty;

    public string? Phone { get; set; }

    public string Email { get; set; } = string.Empty;

    /// <summary>When this author validated the current text; cleared by any change to the draft.</summary>
    public DateTime? ValidatedAt { get; set; }
}

internal sealed class SignalementConfiguration : IEntityTypeConfiguration<Signalement>
{
    public void Configure(EntityTypeBuilder<Signalement> builder)
    {
        builder.Property(s => s.Reference).HasMaxLength(20);
        builder.Property(s => s.Territory).HasMaxLength(120);
        builder.Property(s => s.RecipientsJson).HasMaxLength(8000);
        builder.Property(s => s.CreatedById).HasMaxLength(64);
        builder.Property(s => s.UpdatedById).HasMaxLength(64);
        builder.Property(s => s.SentById).HasMaxLength(64);
        builder.Property(s => s.PdfSha256).HasMaxLength(64);
        builder.Property(s => s.MessageId).HasMaxLength(200);
        builder.Property(s => s.ServerResponse).HasMaxLength(1000);
        builder.Property(s => s.FailureReason).HasMaxLength(1000);
        builder.Property(s => s.ParquetReferenceEncrypted).HasMaxLength(1024);
        builder.Property(s => s.Version).IsConcurrencyToken();
        builder.HasIndex(s => s.Reference).IsUnique();
        builder.HasIndex(s => new { s.SituationId, s.CreatedAt });
        builder.HasIndex(s => new { s.Status, s.UpdatedAt });
        builder.HasOne<Situation>().WithMany().HasForeignKey(s => s.SituationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<OutboxMessage>().WithMany().HasForeignKey(s => s.OutboxMessageId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(s => s.Authors).WithOne().HasForeignKey(a => a.SignalementId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class SignalementAuthorConfiguration : IEntityTypeConfiguration<SignalementAuthor>
{
    public void Configure(EntityTypeBuilder<SignalementAuthor> builder)
    {
        builder.Property(a => a.UserId).HasMaxLength(64);
        builder.Property(a => a.Name).HasMaxLength(200);
        builder.Property(a => a.Function).HasMaxLength(200);
        builder.Property(a => a.Organisation).HasMaxLength(200);
        builder.Property(a => a.Phone).HasMaxLength(40);
        builder.Property(a => a.Email).HasMaxLength(256);
        builder.HasIndex(a => new { a.SignalementId, a.Position }).IsUnique();
        builder.HasIndex(a => new { a.UserId, a.SignalementId }).IsUnique();
    }
}
