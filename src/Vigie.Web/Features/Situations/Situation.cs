using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Vigie.Web.Features.Administration;
using Vigie.Web.Features.Situations.LegalSteps;
using Vigie.Web.Features.Situations.Trame;
using Vigie.Web.Platform.Crypto;

namespace Vigie.Web.Features.Situations;

public enum SituationStatus
{
    Reperee,
    EnEvaluation,
    Signalee,
    SuivieEnCommission,
    Cloturee,
}

public enum Sex
{
    NonRenseigne,
    Fille,
    Garcon,
    Autre,
}

public enum ClosureReason
{
    Majorite,
    ConduiteTerminee,
    Demenagement,
    ContactPerdu,
    Autre,
}

/// <summary>The allowed status changes, in one place (later modules move situations through it).</summary>
public static class SituationTransitions
{
    private static readonly Dictionary<SituationStatus, SituationStatus[]> Allowed = new()
    {
        [SituationStatus.Reperee] = [SituationStatus.EnEvaluation, SituationStatus.Signalee, SituationStatus.SuivieEnCommission, SituationStatus.Cloturee],
        [SituationStatus.EnEvaluation] = [SituationStatus.Signalee, SituationStatus.SuivieEnCommission, SituationStatus.Cloturee],
        [SituationStatus.Signalee] = [SituationStatus.SuivieEnCommission, SituationStatus.Cloturee],
        [SituationStatus.SuivieEnCommission] = [SituationStatus.Signalee, SituationStatus.Cloturee],
        [SituationStatus.Cloturee] = [], // only Reopen leaves it, back to the status it had
    };

    public static bool CanMove(SituationStatus from, SituationStatus to) => Allowed[from].Contains(to);
}

/// <summary>The identity of a minor, in clear: it only exists in memory.</summary>
public sealed record MinorIdentity(string LastName, string FirstName, DateOnly BirthDate);

/// <summary>
/// The file of one minor. Identity fields are stored encrypted (<see cref="FieldCipher"/>, keys
/// outside the database) with a blind index for the duplicate warning; statistical fields (sex,
/// territory, status) stay in clear.
/// </summary>
public sealed class Situation
{
    public const string LastNamePurpose = "Situation.Nom";
    public const string FirstNamePurpose = "Situation.Prenom";
    public const string BirthDatePurpose = "Situation.DateNaissance";

    private Situation()
    {
    }

    public Guid Id { get; private set; }

    public SituationStatus Status { get; private set; }

    public Guid ReferentOrganisationId { get; private set; }

    public Organisation? ReferentOrganisation { get; private set; }

    public string CreatedById { get; private set; } = string.Empty;

    public DateTime CreatedAt { get; private set; }

    public DateTime UpdatedAt { get; private set; }

    public string LastNameEncrypted { get; private set; } = string.Empty;

    public string FirstNameEncrypted { get; private set; } = string.Empty;

    public string BirthDateEncrypted { get; private set; } = string.Empty;

    public string IdentityIndex { get; private set; } = string.Empty;

    /// <summary>Blind index of the family name alone, for the name search.</summary>
    public string NameIndex { get; private set; } = string.Empty;

    /// <summary>The level of the current evaluation (copied when an evaluation is validated), for lists.</summary>
    public QualificationLevel? Level { get; private set; }

    /// <summary>The detection date of the current evaluation (trame §3), for lists and statistics.</summary>
    public DateOnly? DetectedOn { get; private set; }

    /// <summary>
    /// The earliest due date of the situation's open legal steps (null when none is due), kept by
    /// <see cref="LegalSteps.LegalStepDue.RefreshAsync"/> whenever steps change: the list's "en
    /// retard" filter is then a range on one indexed column.
    /// </summary>
    public DateTime? NextDueAt { get; private set; }

    /// <summary>Number of the current (latest validated) evaluation; 0 before the first one.</summary>
    public int EvaluationCount { get; private set; }

    public List<SituationAssignment> Assignments { get; private set; } = [];

    public List<EmergencyAccess> EmergencyAccesses { get; private set; } = [];

    /// <summary>Co-accompaniments by the mobile team (the mobile team's scope).</summary>
    public List<Commission.Accompaniment> Accompaniments { get; private set; } = [];

    public List<LegalStep> LegalSteps { get; private set; } = [];

    /// <summary>Year of birth only, for lists and statistics without decrypting (never the full date).</summary>
    public int BirthYear { get; private set; }

    /// <summary>
    /// Month of birth (1–12), with <see cref="BirthYear"/> the only part of the birth date in clear: the
    /// observatory's age at detection in months (OLINPE keeps month and year too). Null for rows
    /// written before the column existed, until the start-up backfill decrypts them.
    /// </summary>
    public int? BirthMonth { get; private set; }

    /// <summary>
    /// The day the observatory counts this situation at: the detection date of the current evaluation
    /// (trame §3), else the day it was opened (Paris). Periods of the observatory are ranges on it.
    /// </summary>
    public DateOnly CountedOn { get; private set; }

    /// <summary>
    /// Whether the observatory counts this situation: true for the first situation of each minor (same
    /// <see cref="IdentityIndex"/>, smallest <see cref="CountedOn"/> then id), so each minor counts once.
    /// Kept by <see cref="Observatoire.MinorCounting.RefreshAsync"/> after a situation is opened, its
    /// identity edited or an evaluation validated.
    /// </summary>
    public bool CountsForMinor { get; private set; } = true;

    // The statistical variables of the current evaluation (copied by TakeEvaluation, DOMAIN.md §6), in
    // clear like Level and DetectedOn, so the observatory scans one table (and one covering index).
    public string? DetectionSource { get; private set; }

    public string? FamilyStructure { get; private set; }

    public string? PhysicalViolence { get; private set; }

    public string? SexualViolence { get; private set; }

    public string? SiblingRank { get; private set; }

    public int? RunawaysLast12Months { get; private set; }

    public bool? PolyRunaway { get; private set; }

    public bool? Proxenetisme { get; private set; }

    public bool? Rabattage { get; private set; }

    public string? Protection { get; private set; }

    public string? Schooling { get; private set; }

    public string? LivingPlace { get; private set; }

    public bool? UnaccompaniedMinor { get; private set; }

    public Sex Sex { get; private set; }

    public string? Territory { get; private set; }

    public DateTime? ClosedAt { get; private set; }

    public ClosureReason? ClosureReason { get; private set; }

    /// <summary>The status a closed situation returns to when reopened.</summary>
    public SituationStatus? StatusBeforeClosure { get; private set; }

    public void MoveTo(SituationStatus status, DateTime now)
    {
        if (status == SituationStatus.Cloturee || !SituationTransitions.CanMove(Status, status))
        {
            throw new InvalidOperationException($"Passage de {Status} à {status} impossible.");
        }

        Status = status;
        UpdatedAt = now;
    }

    public void Close(ClosureReason reason, DateTime now)
    {
        if (!SituationTransitions.CanMove(Status, SituationStatus.Cloturee) || !Enum.IsDefined(reason))
        {
            throw new InvalidOperationException("Cette situation ne peut pas être clôturée.");
        }

        StatusBeforeClosure = Status;
        Status = SituationStatus.Cloturee;
        ClosureReason = reason;
        ClosedAt = now;
        UpdatedAt = now;
    }

    public void Reopen(DateTime now)
    {
        if (Status != SituationStatus.Cloturee)
        {
            throw new InvalidOperationException("Seule une situation clôturée peut être rouverte.");
        }

        Status = StatusBeforeClosure ?? SituationStatus.EnEvaluation;
        StatusBeforeClosure = null;
        ClosureReason = null;
        ClosedAt = null;
        UpdatedAt = now;
    }

    public static Situation Open(MinorIdentity identity, Sex sex, string? territory, Guid organisationId, string authorId,
        FieldCipher cipher, BlindIndex index, DateTime now)
    {
        var situation = new Situation
        {
            Id = Guid.CreateVersion7(),
            Status = SituationStatus.Reperee,
            ReferentOrganisationId = organisationId,
            CreatedById = authorId,
            CreatedAt = now,
            CountedOn = DateOnly.FromDateTime(Platform.Web.ParisTime.ToLocal(now)),
        };
        situation.SetIdentity(identity, cipher, index, now);
        situation.SetDescription(sex, territory, now);
        return situation;
    }

    public void SetDescription(Sex sex, string? territory, DateTime now)
    {
        Sex = Enum.IsDefined(sex) ? sex : Sex.NonRenseigne;
        Territory = string.IsNullOrWhiteSpace(territory) ? null : territory.Trim();
        UpdatedAt = now;
    }

    public void SetIdentity(MinorIdentity identity, FieldCipher cipher, BlindIndex index, DateTime now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(identity.LastName);
        ArgumentException.ThrowIfNullOrWhiteSpace(identity.FirstName);
        LastNameEncrypted = cipher.Encrypt(identity.LastName.Trim(), LastNamePurpose);
        FirstNameEncrypted = cipher.Encrypt(identity.FirstName.Trim(), FirstNamePurpose);
        BirthDateEncrypted = cipher.Encrypt(identity.BirthDate.ToString("O"), BirthDatePurpose);
        IdentityIndex = index.Compute(identity.LastName, identity.FirstName, identity.BirthDate);
        NameIndex = index.ComputeName(identity.LastName);
        BirthYear = identity.BirthDate.Year;
        BirthMonth = identity.BirthDate.Month;
        UpdatedAt = now;
    }

    /// <summary>
    /// Records that <paramref name="evaluation"/> (validated) is now the current picture: its number,
    /// level and detection date for lists, and its statistical variables for the observatory.
    /// </summary>
    public void TakeEvaluation(Evaluation evaluation, DateTime now)
    {
        EvaluationCount = evaluation.Number;
        Level = evaluation.Level;
        DetectedOn = evaluation.DetectedOn;
        CountedOn = evaluation.DetectedOn ?? DateOnly.FromDateTime(Platform.Web.ParisTime.ToLocal(CreatedAt));
        DetectionSource = evaluation.DetectionSource;
        FamilyStructure = evaluation.FamilyStructure;
        PhysicalViolence = evaluation.PhysicalViolence;
        SexualViolence = evaluation.SexualViolence;
        SiblingRank = evaluation.SiblingRank;
        RunawaysLast12Months = evaluation.RunawaysLast12Months;
        PolyRunaway = evaluation.PolyRunaway;
        Proxenetisme = evaluation.Proxenetisme;
        Rabattage = evaluation.Rabattage;
        Protection = evaluation.Protection;
        Schooling = evaluation.Schooling;
        LivingPlace = evaluation.LivingPlace;
        UnaccompaniedMinor = evaluation.UnaccompaniedMinor;
        if (Status == SituationStatus.Reperee)
        {
            Status = SituationStatus.EnEvaluation;
        }

        UpdatedAt = now;
    }

    /// <summary>Fills the observatory's columns of a row written before they existed (start-up backfill); nothing else changes.</summary>
    public void FillObservatoryColumns(FieldCipher cipher, Evaluation? current)
    {
        BirthMonth = DateOnly.Parse(cipher.Decrypt(BirthDateEncrypted, BirthDatePurpose), System.Globalization.CultureInfo.InvariantCulture).Month;
        CountedOn = DetectedOn ?? DateOnly.FromDateTime(Platform.Web.ParisTime.ToLocal(CreatedAt));
        if (current is not null)
        {
            var (status, updatedAt) = (Status, UpdatedAt);
            TakeEvaluation(current, updatedAt);
            Status = status;
        }
    }

    /// <summary>For data written in bulk (the generator): the earliest open due date of the steps given.</summary>
    public void SetNextDueAt(DateTime? nextDueAt) => NextDueAt = nextDueAt;

    /// <summary>Re-encrypts the identity under the current field key (after a key rotation).</summary>
    public bool ReencryptIdentity(FieldCipher cipher)
    {
        if (!cipher.IsOlderThanCurrentKey(LastNameEncrypted) && !cipher.IsOlderThanCurrentKey(FirstNameEncrypted)
            && !cipher.IsOlderThanCurrentKey(BirthDateEncrypted))
        {
            return false;
        }

        LastNameEncrypted = cipher.Encrypt(cipher.Decrypt(LastNameEncrypted, LastNamePurpose), LastNamePurpose);
        FirstNameEncrypted = cipher.Encrypt(cipher.Decrypt(FirstNameEncrypted, FirstNamePurpose), FirstNamePurpose);
        BirthDateEncrypted = cipher.Encrypt(cipher.Decrypt(BirthDateEncrypted, BirthDatePurpose), BirthDatePurpose);
        return true;
    }

    /// <summary>"Prénom Nom" from the two encrypted columns, as pages show it (read in projections, without the entity).</summary>
    public static string DisplayName(FieldCipher cipher, string firstNameEncrypted, string lastNameEncrypted) =>
        $"{cipher.Decrypt(firstNameEncrypted, FirstNamePurpose)} {cipher.Decrypt(lastNameEncrypted, LastNamePurpose)}";

    public MinorIdentity ReadIdentity(FieldCipher cipher) => new(
        cipher.Decrypt(LastNameEncrypted, LastNamePurpose),
        cipher.Decrypt(FirstNameEncrypted, FirstNamePurpose),
        DateOnly.Parse(cipher.Decrypt(BirthDateEncrypted, BirthDatePurpose), System.Globalization.CultureInfo.InvariantCulture));
}

/// <summary>The columns of the observatory's covering index (see <see cref="SituationConfiguration"/>).</summary>
public static class ObservatoryColumns
{
    public static readonly string[] Key = [nameof(Situation.CountsForMinor), nameof(Situation.CountedOn)];

    public static readonly string[] Included =
    [
        nameof(Situation.Sex), nameof(Situation.BirthYear), nameof(Situation.BirthMonth), nameof(Situation.Territory), nameof(Situation.Level),
        nameof(Situation.DetectedOn), nameof(Situation.DetectionSource), nameof(Situation.FamilyStructure), nameof(Situation.PhysicalViolence),
        nameof(Situation.SexualViolence), nameof(Situation.SiblingRank), nameof(Situation.RunawaysLast12Months), nameof(Situation.PolyRunaway),
        nameof(Situation.Proxenetisme), nameof(Situation.Rabattage), nameof(Situation.Protection), nameof(Situation.Schooling),
        nameof(Situation.LivingPlace), nameof(Situation.UnaccompaniedMinor), nameof(Situation.Status),
    ];
}

internal sealed class SituationConfiguration : IEntityTypeConfiguration<Situation>
{
    public void Configure(EntityTypeBuilder<Situation> builder)
    {
        builder.HasOne(s => s.ReferentOrganisation).WithMany().HasForeignKey(s => s.ReferentOrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(s => s.CreatedById).HasMaxLength(64);
        builder.Property(s => s.LastNameEncrypted).HasMaxLength(1024);
        builder.Property(s => s.FirstNameEncrypted).HasMaxLength(1024);
        builder.Property(s => s.BirthDateEncrypted).HasMaxLength(256);
        builder.Property(s => s.IdentityIndex).HasMaxLength(64);
        builder.Property(s => s.Territory).HasMaxLength(120);
        builder.Property(s => s.NameIndex).HasMaxLength(64);
        builder.HasIndex(s => s.NameIndex);
        builder.HasIndex(s => new { s.Status, s.CreatedAt, s.Id });
        builder.HasIndex(s => new { s.ReferentOrganisationId, s.Status });
        // The list's default order (newest first, the id breaking ties) read straight from the index.
        builder.HasIndex(s => new { s.CreatedAt, s.Id });
        // The level and age-band filters of the list; NextDueAt inside makes the overdue filter on top of
        // them a read of the index alone (count of level + age + overdue over 100,000 situations on SQLite:
        // 28 ms with a table lookup per candidate row, 1.5 ms from this index).
        builder.HasIndex(s => new { s.Level, s.BirthYear, s.NextDueAt });
        // The narrowest index of the table: SQLite counts the list's rows by scanning it (a count
        // over 100,000 situations drops from ~5 ms to under 1 ms); it also serves the age bands.
        builder.HasIndex(s => s.BirthYear);
        builder.HasIndex(s => s.NextDueAt);
        foreach (var column in new[] { "DetectionSource", "FamilyStructure", "PhysicalViolence", "SexualViolence", "SiblingRank", "Protection", "Schooling", "LivingPlace" })
        {
            builder.Property(column).HasMaxLength(40);
        }

        // One count per minor (the first situation of an identity); the duplicate warning's look-up
        // uses its first column.
        builder.HasIndex(s => new { s.IdentityIndex, s.CountedOn, s.Id });

        // The observatory reads only these columns: one index holding all of them lets both databases
        // scan the index instead of the table's wide rows (encrypted names). Key columns rather than
        // PostgreSQL's INCLUDE, which SQLite lacks: one model for both.
        builder.HasIndex(ObservatoryColumns.Key.Concat(ObservatoryColumns.Included).ToArray()).HasDatabaseName("IX_Situations_Observatory");

    }
}
