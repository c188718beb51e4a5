using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Vigie.Web.Features.Formation;

/// <summary>What a session is (DOMAIN.md §5). Stored by name: never rename a member.</summary>
public enum TrainingKind
{
    Sensibilisation,
    Approfondissement,

    /// <summary>Intervention de prévention in a school (collège, lycée).</summary>
    PreventionScolaire,

    /// <summary>Intervention de prévention in a children's home (MECS, foyer).</summary>
    PreventionFoyer,
}

/// <summary>The employer categories the figures count people by (DOMAIN.md §5).</summary>
public enum EmployerCategory
{
    Metropole,
    Etablissement,
    EducationNationale,
    PreventionSpecialisee,
    Cpef,
    Sante,
    Justice,
    PoliceGendarmerie,
    Association,
    Autre,
}

/// <summary>
/// A training or prevention session run by Coordination: a day, a kind, an audience, trainers, a place
/// and a duration. Institutional facts only, in clear; the participants are <see cref="TrainingParticipation"/>s.
/// </summary>
public sealed class TrainingSession
{
    public const int TitleMaxLength = 200;
    public const int AudienceMaxLength = 300;
    public const int TrainersMaxLength = 300;
    public const int PlaceMaxLength = 300;
    public const int MinDurationMinutes = 15;
    public const int MaxDurationMinutes = 5 * 24 * 60;

    private TrainingSession()
    {
    }

    public Guid Id { get; private set; }

    public DateOnly Date { get; private set; }

    public TrainingKind Kind { get; private set; }

    public string Audience { get; private set; } = string.Empty;

    public string Trainers { get; private set; } = string.Empty;

    public string Place { get; private set; } = string.Empty;

    public int DurationMinutes { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public string CreatedById { get; private set; } = string.Empty;

    public DateTime UpdatedAt { get; private set; }

    public int Version { get; private set; }

    public static TrainingSession Create(DateOnly date, TrainingKind kind, string audience, string trainers, string place, int durationMinutes,
        string userId, DateTime now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        var session = new TrainingSession { Id = Guid.CreateVersion7(), CreatedAt = now, CreatedById = userId };
        session.Update(date, kind, audience, trainers, place, durationMinutes, now);
        return session;
    }

    /// <summary>Changes the facts of the session; the form checks them first, this refuses what would break the record.</summary>
    public void Update(DateOnly date, TrainingKind kind, string audience, string trainers, string place, int durationMinutes, DateTime now)
    {
        if (!Enum.IsDefined(kind))
        {
            throw new ArgumentOutOfRangeException(nameof(kind));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(durationMinutes, MinDurationMinutes);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(durationMinutes, MaxDurationMinutes);
        Date = date;
        Kind = kind;
        Audience = Required(audience, AudienceMaxLength);
        Trainers = Required(trainers, TrainersMaxLength);
        Place = Required(place, PlaceMaxLength);
        DurationMinutes = durationMinutes;
        UpdatedAt = now;
        Version++;
    }

    private static string Required(string value, int max)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value);
        var trimmed = value.Trim();
        ArgumentOutOfRangeException.ThrowIfGreaterThan(trimmed.Length, max);
        return trimmed;
    }
}

/// <summary>
/// A professional who attended at least one session: counted once however many sessions ("personnes
/// différentes"). Found again by <see cref="NormalisedEmail"/>, else by <see cref="NormalisedName"/>.
/// A person merged into another on the review screen stays as an alias (<see cref="MergedIntoId"/>): its
/// e-mail still leads to the person kept, so a later sheet does not create it again.
/// </summary>
public sealed class TrainedPerson
{
    public const int NameMaxLength = 100;
    public const int EmailMaxLength = 254;
    public const int EmployerMaxLength = 200;

    private TrainedPerson()
    {
    }

    public Guid Id { get; private set; }

    public string FirstName { get; private set; } = string.Empty;

    public string LastName { get; private set; } = string.Empty;

    public string? Email { get; private set; }

    public string? NormalisedEmail { get; private set; }

    public string NormalisedName { get; private set; } = string.Empty;

    /// <summary>The employer of the person's latest session (the figures count by its category).</summary>
    public string Employer { get; private set; } = string.Empty;

    public string NormalisedEmployer { get; private set; } = string.Empty;

    public EmployerCategory Category { get; private set; }

    /// <summary>The day of the latest session the employer was read from.</summary>
    public DateOnly EmployerSeenOn { get; private set; }

    public Guid? MergedIntoId { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public static TrainedPerson Create(string firstName, string lastName, string? email, string employer, EmployerCategory category, DateOnly seenOn, DateTime now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(firstName);
        ArgumentException.ThrowIfNullOrWhiteSpace(lastName);
        var person = new TrainedPerson
        {
            Id = Guid.CreateVersion7(),
            FirstName = firstName.Trim(),
            LastName = lastName.Trim(),
            NormalisedName = PersonKeys.Name(firstName, lastName),
            CreatedAt = now,
            EmployerSeenOn = DateOnly.MinValue,
        };
        person.SetEmail(email);
        person.SawEmployer(employer, category, seenOn);
        return person;
    }

    /// <summary>Gives an e-mail to a person known by name only (a later sheet had it).</summary>
    public void SetEmail(string? email)
    {
        if (string.IsNullOrWhiteSpace(email))
        {
            return;
        }

        if (NormalisedEmail is not null)
        {
            throw new InvalidOperationException("Cette personne a déjà une adresse électronique.");
        }

        Email = email.Trim();
        NormalisedEmail = PersonKeys.Email(email);
    }

    /// <summary>Keeps the employer of the most recent session: an older sheet does not overwrite a newer one.</summary>
    public void SawEmployer(string employer, EmployerCategory category, DateOnly on)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(employer);
        if (!Enum.IsDefined(category))
        {
            throw new ArgumentOutOfRangeException(nameof(category));
        }

        if (on < EmployerSeenOn)
        {
            return;
        }

        Employer = employer.Trim();
        NormalisedEmployer = PersonKeys.Organisation(employer);
        Category = category;
        EmployerSeenOn = on;
    }

    /// <summary>An alias of a person now merged into <paramref name="kept"/> leads to <paramref name="kept"/> directly.</summary>
    public void RedirectAlias(TrainedPerson kept)
    {
        if (MergedIntoId is null)
        {
            throw new InvalidOperationException("Cette personne n'est pas un alias.");
        }

        MergedIntoId = kept.Id;
    }

    /// <summary>This person was the same as <paramref name="kept"/>: it becomes its alias (its participations are moved by the caller).</summary>
    public void MergeInto(TrainedPerson kept)
    {
        if (kept.Id == Id)
        {
            throw new InvalidOperationException("Une personne ne peut pas être fusionnée avec elle-même.");
        }

        if (MergedIntoId is not null || kept.MergedIntoId is not null)
        {
            throw new InvalidOperationException("Cette personne a déjà été fusionnée.");
        }

        MergedIntoId = kept.Id;
        kept.SawEmployer(Employer, Category, EmployerSeenOn);
        if (kept.NormalisedEmail is null && NormalisedEmail is not null)
        {
            // The alias keeps its address (unique), so the kept person shows it without owning it.
            kept.Email = Email;
        }
    }
}

/// <summary>One person at one session: once, however many times the sheet names them.</summary>
public sealed class TrainingParticipation
{
    private TrainingParticipation()
    {
    }

    public Guid Id { get; private set; }

    public Guid SessionId { get; private set; }

    public Guid PersonId { get; private set; }

    /// <summary>The employer given on that session's sheet.</summary>
    public string Employer { get; private set; } = string.Empty;

    public EmployerCategory Category { get; private set; }

    public DateTime RecordedAt { get; private set; }

    public string RecordedById { get; private set; } = string.Empty;

    public static TrainingParticipation Record(Guid sessionId, Guid personId, string employer, EmployerCategory category, string userId, DateTime now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(employer);
        return new TrainingParticipation
        {
            Id = Guid.CreateVersion7(), SessionId = sessionId, PersonId = personId, Employer = employer.Trim(), Category = category,
            RecordedAt = now, RecordedById = userId,
        };
    }

    /// <summary>Moves the participation to the person kept by a merge.</summary>
    public void MoveTo(Guid personId) => PersonId = personId;
}

/// <summary>Two people Coordination said are different: the review screen no longer proposes them together.</summary>
public sealed class TrainedPersonDistinction
{
    private TrainedPersonDistinction()
    {
    }

    public Guid Id { get; private set; }

    /// <summary>The smaller of the two ids (the pair is stored once, in order).</summary>
    public Guid FirstPersonId { get; private set; }

    public Guid SecondPersonId { get; private set; }

    public DateTime DecidedAt { get; private set; }

    public string DecidedById { get; private set; } = string.Empty;

    public static TrainedPersonDistinction Of(Guid one, Guid other, string userId, DateTime now)
    {
        if (one == other)
        {
            throw new InvalidOperationException("Une personne est toujours identique à elle-même.");
        }

        var (first, second) = Order(one, other);
        return new TrainedPersonDistinction { Id = Guid.CreateVersion7(), FirstPersonId = first, SecondPersonId = second, DecidedAt = now, DecidedById = userId };
    }

    public static (Guid First, Guid Second) Order(Guid one, Guid other) => one.CompareTo(other) < 0 ? (one, other) : (other, one);
}

internal sealed class TrainingSessionConfiguration : IEntityTypeConfiguration<TrainingSession>
{
    public void Configure(EntityTypeBuilder<TrainingSession> builder)
    {
        builder.Property(s => s.Audience).HasMaxLength(TrainingSession.AudienceMaxLength);
        builder.Property(s => s.Trainers).HasMaxLength(TrainingSession.TrainersMaxLength);
        builder.Property(s => s.Place).HasMaxLength(TrainingSession.PlaceMaxLength);
        builder.Property(s => s.CreatedById).HasMaxLength(64);
        builder.Property(s => s.Version).IsConcurrencyToken();
        builder.HasIndex(s => s.Date);
    }
}

internal sealed class TrainedPersonConfiguration : IEntityTypeConfiguration<TrainedPerson>
{
    public void Configure(EntityTypeBuilder<TrainedPerson> builder)
    {
        builder.Property(p => p.FirstName).HasMaxLength(TrainedPerson.NameMaxLength);
        builder.Property(p => p.LastName).HasMaxLength(TrainedPerson.NameMaxLength);
        builder.Property(p => p.Email).HasMaxLength(TrainedPerson.EmailMaxLength);
        builder.Property(p => p.NormalisedEmail).HasMaxLength(TrainedPerson.EmailMaxLength);
        builder.Property(p => p.NormalisedName).HasMaxLength(2 * TrainedPerson.NameMaxLength + 1);
        builder.Property(p => p.Employer).HasMaxLength(TrainedPerson.EmployerMaxLength);
        builder.Property(p => p.NormalisedEmployer).HasMaxLength(TrainedPerson.EmployerMaxLength);
        // Several NULLs are allowed in a unique index by both SQLite and PostgreSQL.
        builder.HasIndex(p => p.NormalisedEmail).IsUnique();
        builder.HasIndex(p => new { p.NormalisedName, p.MergedIntoId });
        builder.HasIndex(p => new { p.MergedIntoId, p.Category });
        builder.HasOne<TrainedPerson>().WithMany().HasForeignKey(p => p.MergedIntoId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class TrainingParticipationConfiguration : IEntityTypeConfiguration<TrainingParticipation>
{
    public void Configure(EntityTypeBuilder<TrainingParticipation> builder)
    {
        builder.Property(p => p.Employer).HasMaxLength(TrainedPerson.EmployerMaxLength);
        builder.Property(p => p.RecordedById).HasMaxLength(64);
        builder.HasIndex(p => new { p.SessionId, p.PersonId }).IsUnique();
        builder.HasIndex(p => new { p.PersonId, p.SessionId });
        builder.HasOne<TrainingSession>().WithMany().HasForeignKey(p => p.SessionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<TrainedPerson>().WithMany().HasForeignKey(p => p.PersonId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class TrainedPersonDistinctionConfiguration : IEntityTypeConfiguration<TrainedPersonDistinction>
{
    public void Configure(EntityTypeBuilder<TrainedPersonDistinction> builder)
    {
        builder.Property(d => d.DecidedById).HasMaxLength(64);
        builder.HasIndex(d => new { d.FirstPersonId, d.SecondPersonId }).IsUnique();
        builder.HasOne<TrainedPerson>().WithMany().HasForeignKey(d => d.FirstPersonId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<TrainedPerson>().WithMany().HasForeignKey(d => d.SecondPersonId).OnDelete(DeleteBehavior.Cascade);
    }
}
