using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Vigie.Web.Features.Administration;

public enum OrganisationKind
{
    Ase,
    Etablissement,
    EducationNationale,
    Pjj,
    Parquet,
    Police,
    Gendarmerie,
    Sante,
    Association,
    Prefecture,
    Cpef,
    PreventionSpecialisee,
    ServiceMetropole,
}

public static class OrganisationKinds
{
    public static string Label(OrganisationKind kind) => kind switch
    {
        OrganisationKind.Ase => "Aide sociale à l'enfance (ASE)",
        OrganisationKind.Etablissement => "Établissement (MECS, foyer…)",
        OrganisationKind.EducationNationale => "Éducation nationale",
        OrganisationKind.Pjj => "Protection judiciaire de la jeunesse (PJJ)",
        OrganisationKind.Parquet => "Parquet",
        OrganisationKind.Police => "Police",
        OrganisationKind.Gendarmerie => "Gendarmerie",
        OrganisationKind.Sante => "Santé",
        OrganisationKind.Association => "Association",
        OrganisationKind.Prefecture => "Préfecture",
        OrganisationKind.Cpef => "Centre de planification (CPEF)",
        OrganisationKind.PreventionSpecialisee => "Prévention spécialisée",
        OrganisationKind.ServiceMetropole => "Service de la Métropole",
        _ => kind.ToString(),
    };
}

/// <summary>A partner organisation. Never deleted: deactivated, so its people's history keeps its name.</summary>
public sealed class Organisation
{
    private Organisation()
    {
    }

    public Guid Id { get; private set; }

    public string Name { get; private set; } = string.Empty;

    public OrganisationKind Kind { get; private set; }

    public string? Territory { get; private set; }

    public string? Email { get; private set; }

    public string? Phone { get; private set; }

    public bool IsActive { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public DateTime UpdatedAt { get; private set; }

    public static Organisation Create(string name, OrganisationKind kind, string? territory, string? email, string? phone, DateTime now)
    {
        var organisation = new Organisation { Id = Guid.CreateVersion7(), IsActive = true, CreatedAt = now };
        organisation.Update(name, kind, territory, email, phone, now);
        return organisation;
    }

    public void Update(string name, OrganisationKind kind, string? territory, string? email, string? phone, DateTime now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (!Enum.IsDefined(kind))
        {
            throw new ArgumentOutOfRangeException(nameof(kind));
        }

        Name = name.Trim();
        Kind = kind;
        Territory = Clean(territory);
        Email = Clean(email);
        Phone = Clean(phone);
        UpdatedAt = now;
    }

    public void Deactivate(DateTime now)
    {
        IsActive = false;
        UpdatedAt = now;
    }

    public void Reactivate(DateTime now)
    {
        IsActive = true;
        UpdatedAt = now;
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

internal sealed class OrganisationConfiguration : IEntityTypeConfiguration<Organisation>
{
    public void Configure(EntityTypeBuilder<Organisation> builder)
    {
        builder.Property(o => o.Name).HasMaxLength(200);
        builder.Property(o => o.Territory).HasMaxLength(120);
        builder.Property(o => o.Email).HasMaxLength(254);
        builder.Property(o => o.Phone).HasMaxLength(40);
        // Names are unique case-insensitively in practice; enforced in the pages with a clear message.
        builder.HasIndex(o => o.Name);
    }
}
