using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Vigie.Web.Features.Accueil;

public enum FacilityType
{
    FoyerJeunesFilles,
    Mecs,
    AccueilBasSeuil,
    LieuDeVie,
    FamilleAccueilSpecialisee,
    SejourDeRupture,
    HorsDepartement,
    Autre,
}

/// <summary>
/// A place where a minor can be oriented (DOMAIN.md §4): managed by Coordination, deactivated rather
/// than deleted once an orientation refers to it. <see cref="Capacity"/> is the number of places;
/// null or 0 means the places are not counted (an outside place, a partner département), and then
/// there is no capacity warning. Managers are professional contacts, not data about minors.
/// </summary>
public sealed class Facility
{
    public const int NameMaxLength = 200;
    public const int AddressMaxLength = 500;
    public const int PhoneMaxLength = 40;
    public const int DepartementMaxLength = 100;
    public const int MaxCapacity = 10_000;

    private Facility()
    {
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();

    public string Name { get; private set; } = string.Empty;

    public FacilityType Type { get; private set; }

    public string? Address { get; private set; }

    public string? Phone { get; private set; }

    public int? Capacity { get; private set; }

    public bool IsActive { get; private set; } = true;

    /// <summary>Outside the département: a séjour de rupture elsewhere, a partner département's place.</summary>
    public bool IsOutside { get; private set; }

    /// <summary>The partner département (name or number), for a place outside the département.</summary>
    public string? Departement { get; private set; }

    public List<FacilityManager> Managers { get; private set; } = [];

    public DateTime CreatedAt { get; private set; }

    public string CreatedById { get; private set; } = string.Empty;

    public DateTime UpdatedAt { get; private set; }

    public string UpdatedById { get; private set; } = string.Empty;

    /// <summary>Whether the places are counted: only then does an orientation warn about capacity.</summary>
    public bool TracksCapacity => Capacity is > 0;

    public static Facility Create(FacilityDetails details, IEnumerable<FacilityManager> managers, string userId, DateTime now)
    {
        var facility = new Facility { CreatedAt = now, CreatedById = userId };
        facility.Update(details, managers, userId, now);
        return facility;
    }

    public void Update(FacilityDetails details, IEnumerable<FacilityManager> managers, string userId, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(details);
        ArgumentException.ThrowIfNullOrWhiteSpace(details.Name);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(details.Name.Trim().Length, NameMaxLength);
        if (!Enum.IsDefined(details.Type))
        {
            throw new ArgumentOutOfRangeException(nameof(details), "Unknown facility type.");
        }

        if (details.Capacity is { } capacity)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(capacity);
            ArgumentOutOfRangeException.ThrowIfGreaterThan(capacity, MaxCapacity);
        }

        if (details.IsOutside && string.IsNullOrWhiteSpace(details.Departement))
        {
            throw new ArgumentException("A place outside the département names its département.", nameof(details));
        }

        Name = details.Name.Trim();
        Type = details.Type;
        Address = Clean(details.Address);
        Phone = Clean(details.Phone);
        Capacity = details.Capacity;
        IsOutside = details.IsOutside;
        Departement = details.IsOutside ? Clean(details.Departement) : null;
        Managers.Clear();
        var position = 0;
        foreach (var manager in managers)
        {
            manager.Position = ++position;
            Managers.Add(manager);
        }

        UpdatedAt = now;
        UpdatedById = userId;
    }

    /// <summary>No new orientation goes to an inactive facility; those recorded stay.</summary>
    public void Deactivate(string userId, DateTime now)
    {
        IsActive = false;
        UpdatedAt = now;
        UpdatedById = userId;
    }

    public void Reactivate(string userId, DateTime now)
    {
        IsActive = true;
        UpdatedAt = now;
        UpdatedById = userId;
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

/// <summary>What Coordination types about a facility, checked by the form before it reaches the entity.</summary>
public sealed record FacilityDetails(string Name, FacilityType Type, string? Address, string? Phone, int? Capacity, bool IsOutside, string? Departement);

/// <summary>A manager of a facility: a professional contact (name, function, phone, e-mail).</summary>
public sealed class FacilityManager
{
    public const int FieldMaxLength = 200;

    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid FacilityId { get; set; }

    public int Position { get; set; }

    public string Name { get; set; } = string.Empty;

    public string? Function { get; set; }

    public string? Phone { get; set; }

    public string? Email { get; set; }
}

internal sealed class FacilityConfiguration : IEntityTypeConfiguration<Facility>
{
    public void Configure(EntityTypeBuilder<Facility> builder)
    {
        builder.Property(f => f.Name).HasMaxLength(Facility.NameMaxLength);
        builder.Property(f => f.Address).HasMaxLength(Facility.AddressMaxLength);
        builder.Property(f => f.Phone).HasMaxLength(Facility.PhoneMaxLength);
        builder.Property(f => f.Departement).HasMaxLength(Facility.DepartementMaxLength);
        builder.Property(f => f.CreatedById).HasMaxLength(64);
        builder.Property(f => f.UpdatedById).HasMaxLength(64);
        builder.HasMany(f => f.Managers).WithOne().HasForeignKey(m => m.FacilityId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(f => f.Managers).UsePropertyAccessMode(PropertyAccessMode.Property);
        builder.HasIndex(f => f.Name);
    }
}

internal sealed class FacilityManagerConfiguration : IEntityTypeConfiguration<FacilityManager>
{
    public void Configure(EntityTypeBuilder<FacilityManager> builder)
    {
        builder.Property(m => m.Name).HasMaxLength(FacilityManager.FieldMaxLength);
        builder.Property(m => m.Function).HasMaxLength(FacilityManager.FieldMaxLength);
        builder.Property(m => m.Phone).HasMaxLength(Facility.PhoneMaxLength);
        builder.Property(m => m.Email).HasMaxLength(FacilityManager.FieldMaxLength);
        builder.HasIndex(m => new { m.FacilityId, m.Position });
    }
}
