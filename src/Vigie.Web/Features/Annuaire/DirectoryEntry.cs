using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Vigie.Web.Features.Administration;
using Vigie.Web.Platform.Web;

namespace Vigie.Web.Features.Annuaire;

/// <summary>What a directory entry is: a partner institution or one of the resources professionals orient young people to.</summary>
public enum DirectoryKind
{
    ServiceMetropole,
    Ase,
    Etablissement,
    Hebergement,
    EquipeMobile,
    PreventionSpecialisee,
    Pedopsychiatrie,
    Sante,
    Cpef,
    EducationNationale,
    Pjj,
    Justice,
    Police,
    Gendarmerie,
    Prefecture,
    Association,
    Autre,
}

/// <summary>The place of a partner in the commission (CESMIVIP).</summary>
public enum CommissionMembership
{
    Aucun,
    MembrePermanent,
    MembreAssocie,
    Invite,
}

public static class DirectoryLabels
{
    public static string Kind(DirectoryKind kind) => kind switch
    {
        DirectoryKind.ServiceMetropole => "Service de la Métropole / du département",
        DirectoryKind.Ase => "Aide sociale à l'enfance (ASE)",
        DirectoryKind.Etablissement => "Établissement (MECS, foyer…)",
        DirectoryKind.Hebergement => "Hébergement, accueil, mise à l'abri",
        DirectoryKind.EquipeMobile => "Équipe mobile",
        DirectoryKind.PreventionSpecialisee => "Prévention spécialisée",
        DirectoryKind.Pedopsychiatrie => "Pédopsychiatrie",
        DirectoryKind.Sante => "Santé",
        DirectoryKind.Cpef => "CPEF, santé sexuelle",
        DirectoryKind.EducationNationale => "Éducation nationale",
        DirectoryKind.Pjj => "Protection judiciaire de la jeunesse (PJJ)",
        DirectoryKind.Justice => "Justice (parquet, juges des enfants)",
        DirectoryKind.Police => "Police",
        DirectoryKind.Gendarmerie => "Gendarmerie",
        DirectoryKind.Prefecture => "Préfecture",
        DirectoryKind.Association => "Association",
        DirectoryKind.Autre => "Autre",
        _ => kind.ToString(),
    };

    public static string Membership(CommissionMembership membership) => membership switch
    {
        CommissionMembership.MembrePermanent => "Membre permanent",
        CommissionMembership.MembreAssocie => "Membre associé",
        CommissionMembership.Invite => "Invité",
        CommissionMembership.Aucun => "Aucun",
        _ => membership.ToString(),
    };

    /// <summary>The directory kind an organisation of Vigie suggests when an entry is linked to it.</summary>
    public static DirectoryKind KindOf(OrganisationKind kind) => kind switch
    {
        OrganisationKind.Ase => DirectoryKind.Ase,
        OrganisationKind.Etablissement => DirectoryKind.Etablissement,
        OrganisationKind.EducationNationale => DirectoryKind.EducationNationale,
        OrganisationKind.Pjj => DirectoryKind.Pjj,
        OrganisationKind.Parquet => DirectoryKind.Justice,
        OrganisationKind.Police => DirectoryKind.Police,
        OrganisationKind.Gendarmerie => DirectoryKind.Gendarmerie,
        OrganisationKind.Sante => DirectoryKind.Sante,
        OrganisationKind.Association => DirectoryKind.Association,
        OrganisationKind.Prefecture => DirectoryKind.Prefecture,
        OrganisationKind.Cpef => DirectoryKind.Cpef,
        OrganisationKind.PreventionSpecialisee => DirectoryKind.PreventionSpecialisee,
        OrganisationKind.ServiceMetropole => DirectoryKind.ServiceMetropole,
        _ => DirectoryKind.Autre,
    };
}

/// <summary>An entry's details as a form gives them, already checked and tidied (phone, e-mail and web address formats).</summary>
public sealed record DirectoryDetails(
    string Name,
    DirectoryKind Kind,
    Guid? OrganisationId,
    string? Description,
    string? Address,
    string? Phone,
    string? Email,
    string? Website,
    string? Territory,
    string? Access,
    CommissionMembership Membership);

/// <summary>A professional contact of an entry: name, function and how to reach them at work. Never data about a minor.</summary>
public sealed record ContactDetails(string Name, string? Function, string? Phone, string? Email);

/// <summary>
/// One entry of the partners' directory: an organisation of Vigie described for the others, or a
/// resource with no account in Vigie (a consultation, a helpline, a reception place). Never deleted:
/// retired, and restorable.
/// </summary>
public sealed class DirectoryEntry
{
    public const int NameMaxLength = 200;
    public const int TextMaxLength = 2000;
    public const int MaxContacts = 12;

    private readonly List<DirectoryContact> _contacts = [];

    private DirectoryEntry()
    {
    }

    public Guid Id { get; private set; }

    public string Name { get; private set; } = string.Empty;

    public DirectoryKind Kind { get; private set; }

    /// <summary>The organisation of Vigie this entry describes, if it is one.</summary>
    public Guid? OrganisationId { get; private set; }

    /// <summary>The service offered.</summary>
    public string? Description { get; private set; }

    public string? Address { get; private set; }

    public string? Phone { get; private set; }

    public string? Email { get; private set; }

    public string? Website { get; private set; }

    public string? Territory { get; private set; }

    /// <summary>Opening hours and how to reach the service (on appointment, walk-in, by phone first…).</summary>
    public string? Access { get; private set; }

    public CommissionMembership Membership { get; private set; }

    /// <summary>Name, kind, territory, description and the contacts' names and functions, folded for the search.</summary>
    public string SearchKey { get; private set; } = string.Empty;

    public bool IsActive { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public DateTime UpdatedAt { get; private set; }

    public string? UpdatedById { get; private set; }

    public IReadOnlyList<DirectoryContact> Contacts => _contacts;

    public static DirectoryEntry Create(DirectoryDetails details, IReadOnlyList<ContactDetails> contacts, DateTime now, string by)
    {
        var entry = new DirectoryEntry { Id = Guid.CreateVersion7(), IsActive = true, CreatedAt = now };
        entry.Update(details, contacts, now, by);
        return entry;
    }

    public void Update(DirectoryDetails details, IReadOnlyList<ContactDetails> contacts, DateTime now, string by)
    {
        ArgumentNullException.ThrowIfNull(details);
        ArgumentNullException.ThrowIfNull(contacts);
        ArgumentException.ThrowIfNullOrWhiteSpace(details.Name);
        if (!Enum.IsDefined(details.Kind) || !Enum.IsDefined(details.Membership))
        {
            throw new ArgumentOutOfRangeException(nameof(details));
        }

        if (contacts.Count > MaxContacts)
        {
            throw new ArgumentException($"At most {MaxContacts} contacts.", nameof(contacts));
        }

        CheckFormats(details.Phone, details.Email);
        if (details.Website is not null && ContactFormats.Url(details.Website) != details.Website)
        {
            throw new ArgumentException("The website must be an http or https address.", nameof(details));
        }

        Name = details.Name.Trim();
        Kind = details.Kind;
        OrganisationId = details.OrganisationId;
        Description = Clean(details.Description);
        Address = Clean(details.Address);
        Phone = details.Phone;
        Email = details.Email;
        Website = details.Website;
        Territory = Clean(details.Territory);
        Access = Clean(details.Access);
        Membership = details.Membership;

        _contacts.Clear();
        for (var i = 0; i < contacts.Count; i++)
        {
            var contact = contacts[i];
            ArgumentException.ThrowIfNullOrWhiteSpace(contact.Name);
            CheckFormats(contact.Phone, contact.Email);
            _contacts.Add(new DirectoryContact(Id, i + 1, contact.Name.Trim(), Clean(contact.Function), contact.Phone, contact.Email));
        }

        SearchKey = SearchText.Fold(string.Join(' ',
            [Name, DirectoryLabels.Kind(Kind), Territory, Description, Address, .. _contacts.SelectMany(c => new[] { c.Name, c.Function })]));
        UpdatedAt = now;
        UpdatedById = by;
    }

    public void Retire(DateTime now, string by)
    {
        IsActive = false;
        UpdatedAt = now;
        UpdatedById = by;
    }

    public void Restore(DateTime now, string by)
    {
        IsActive = true;
        UpdatedAt = now;
        UpdatedById = by;
    }

    private static void CheckFormats(string? phone, string? email)
    {
        if (phone is not null && ContactFormats.Phone(phone) != phone)
        {
            throw new ArgumentException("A phone number is stored as ContactFormats.Phone writes it.", nameof(phone));
        }

        if (email is not null && ContactFormats.Email(email) != email)
        {
            throw new ArgumentException("An e-mail address is stored as ContactFormats.Email writes it.", nameof(email));
        }
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

/// <summary>A person to call at a directory entry, in the order the entry lists them.</summary>
public sealed class DirectoryContact
{
    private DirectoryContact()
    {
    }

    internal DirectoryContact(Guid entryId, int position, string name, string? function, string? phone, string? email)
    {
        Id = Guid.CreateVersion7();
        EntryId = entryId;
        Position = position;
        Name = name;
        Function = function;
        Phone = phone;
        Email = email;
    }

    public Guid Id { get; private set; }

    public Guid EntryId { get; private set; }

    public int Position { get; private set; }

    public string Name { get; private set; } = string.Empty;

    public string? Function { get; private set; }

    public string? Phone { get; private set; }

    public string? Email { get; private set; }
}

internal sealed class DirectoryEntryConfiguration : IEntityTypeConfiguration<DirectoryEntry>
{
    public void Configure(EntityTypeBuilder<DirectoryEntry> builder)
    {
        builder.Property(e => e.Name).HasMaxLength(DirectoryEntry.NameMaxLength);
        builder.Property(e => e.Description).HasMaxLength(DirectoryEntry.TextMaxLength);
        builder.Property(e => e.Address).HasMaxLength(300);
        builder.Property(e => e.Phone).HasMaxLength(40);
        builder.Property(e => e.Email).HasMaxLength(254);
        builder.Property(e => e.Website).HasMaxLength(500);
        builder.Property(e => e.Territory).HasMaxLength(120);
        builder.Property(e => e.Access).HasMaxLength(DirectoryEntry.TextMaxLength);
        builder.Property(e => e.UpdatedById).HasMaxLength(450);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(e => e.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(e => new { e.IsActive, e.Kind });
        builder.HasIndex(e => e.Territory);
        builder.HasMany(e => e.Contacts).WithOne().HasForeignKey(c => c.EntryId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(e => e.Contacts).HasField("_contacts").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class DirectoryContactConfiguration : IEntityTypeConfiguration<DirectoryContact>
{
    public void Configure(EntityTypeBuilder<DirectoryContact> builder)
    {
        // Contacts are replaced on every edit: new rows carry their own id, which EF must insert, not update.
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.Name).HasMaxLength(150);
        builder.Property(c => c.Function).HasMaxLength(150);
        builder.Property(c => c.Phone).HasMaxLength(40);
        builder.Property(c => c.Email).HasMaxLength(254);
        builder.HasIndex(c => new { c.EntryId, c.Position });
    }
}
