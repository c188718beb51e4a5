using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Vigie.Web.Features.Situations.Trame;

/// <summary>
/// The draft of one section of a situation's trame, exactly as typed (even when some values do not
/// validate yet: nothing typed is lost). Field values are a JSON object keyed by field key;
/// choice fields go to <see cref="ClearJson"/>, every free text, name, address, phone and date of a
/// person goes encrypted into <see cref="SecretEncrypted"/> (see the trame schema).
/// </summary>
public sealed class TrameDraft
{
    public const string SecretPurpose = "Trame.Brouillon";

    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid SituationId { get; set; }

    public string Section { get; set; } = string.Empty;

    public string ClearJson { get; set; } = "{}";

    public string SecretEncrypted { get; set; } = string.Empty;

    public DateTime UpdatedAt { get; set; }

    public string UpdatedById { get; set; } = string.Empty;
}

/// <summary>
/// A validated evaluation: a frozen copy of every section at validation time, numbered per
/// situation, with who validated and when. The statistical variables the observatory counts are
/// copied into clear columns so they can be aggregated by the database; everything personal stays
/// in the encrypted payload.
/// </summary>
public sealed class Evaluation
{
    public const string SecretPurpose = "Trame.Evaluation";

    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid SituationId { get; set; }

    public int Number { get; set; }

    public DateTime ValidatedAt { get; set; }

    public string ValidatedById { get; set; } = string.Empty;

    /// <summary>Choice fields of every section: {"section": {"field": "value"}}.</summary>
    public string ClearJson { get; set; } = "{}";

    /// <summary>Free-text and identifying fields of every section, encrypted as one JSON document.</summary>
    public string SecretEncrypted { get; set; } = string.Empty;

    // Statistical variables (DOMAIN.md §6), in clear, null when not filled in.
    public QualificationLevel? Level { get; set; }

    public DateOnly? DetectedOn { get; set; }

    public string? DetectionSource { get; set; }

    public string? FamilyStructure { get; set; }

    public string? PhysicalViolence { get; set; }

    public string? SexualViolence { get; set; }

    public string? SiblingRank { get; set; }

    public int? RunawaysLast12Months { get; set; }

    public bool? PolyRunaway { get; set; }

    public bool? Proxenetisme { get; set; }

    public bool? Rabattage { get; set; }

    public string? Protection { get; set; }

    public string? Schooling { get; set; }

    public string? LivingPlace { get; set; }

    public bool? UnaccompaniedMinor { get; set; }
}

/// <summary>The professional's qualification (trame §5). There is no score anywhere.</summary>
public enum QualificationLevel
{
    EnRisque,
    Averee,
}

internal sealed class TrameDraftConfiguration : IEntityTypeConfiguration<TrameDraft>
{
    public void Configure(EntityTypeBuilder<TrameDraft> builder)
    {
        builder.Property(d => d.Section).HasMaxLength(40);
        builder.Property(d => d.UpdatedById).HasMaxLength(64);
        builder.HasOne<Situation>().WithMany().HasForeignKey(d => d.SituationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(d => new { d.SituationId, d.Section }).IsUnique();
    }
}

internal sealed class EvaluationConfiguration : IEntityTypeConfiguration<Evaluation>
{
    public void Configure(EntityTypeBuilder<Evaluation> builder)
    {
        builder.Property(e => e.ValidatedById).HasMaxLength(64);
        builder.Property(e => e.DetectionSource).HasMaxLength(40);
        builder.Property(e => e.FamilyStructure).HasMaxLength(40);
        builder.Property(e => e.PhysicalViolence).HasMaxLength(40);
        builder.Property(e => e.SexualViolence).HasMaxLength(40);
        builder.Property(e => e.SiblingRank).HasMaxLength(40);
        builder.Property(e => e.Protection).HasMaxLength(40);
        builder.Property(e => e.Schooling).HasMaxLength(40);
        builder.Property(e => e.LivingPlace).HasMaxLength(40);
        builder.HasOne<Situation>().WithMany().HasForeignKey(e => e.SituationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(e => new { e.SituationId, e.Number }).IsUnique();
    }
}
