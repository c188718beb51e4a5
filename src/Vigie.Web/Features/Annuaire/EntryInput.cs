using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;
using Vigie.Web.Platform.Web;

namespace Vigie.Web.Features.Annuaire;

/// <summary>What the directory entry form sends. <see cref="Check"/> turns it into checked, tidied details or adds French errors.</summary>
public sealed class EntryInput
{
    /// <summary>Empty contact rows the form offers below those already filled.</summary>
    public const int BlankContactRows = 2;

    [StringLength(DirectoryEntry.NameMaxLength, ErrorMessage = "Le nom fait 200 caractères au plus.")]
    public string? Name { get; set; }

    [Required(ErrorMessage = "Choisissez le type de partenaire ou de ressource.")]
    public DirectoryKind? Kind { get; set; }

    public Guid? OrganisationId { get; set; }

    [StringLength(DirectoryEntry.TextMaxLength, ErrorMessage = "La description fait 2 000 caractères au plus.")]
    public string? Description { get; set; }

    [StringLength(300, ErrorMessage = "L'adresse fait 300 caractères au plus.")]
    public string? Address { get; set; }

    [StringLength(40, ErrorMessage = "Le téléphone fait 40 caractères au plus.")]
    public string? Phone { get; set; }

    [StringLength(254, ErrorMessage = "L'adresse e-mail fait 254 caractères au plus.")]
    public string? Email { get; set; }

    [StringLength(500, ErrorMessage = "L'adresse du site fait 500 caractères au plus.")]
    public string? Website { get; set; }

    [StringLength(120, ErrorMessage = "Le territoire fait 120 caractères au plus.")]
    public string? Territory { get; set; }

    [StringLength(DirectoryEntry.TextMaxLength, ErrorMessage = "Les horaires et modalités d'accès font 2 000 caractères au plus.")]
    public string? Access { get; set; }

    [Required(ErrorMessage = "Choisissez le rôle dans la commission (« Aucun » s'il n'en a pas).")]
    public CommissionMembership? Membership { get; set; }

    public List<ContactInput> Contacts { get; set; } = [];

    /// <summary>The contacts as the form shows them: those given, then empty rows.</summary>
    public IReadOnlyList<ContactInput> ContactRows =>
        [.. Contacts.Take(DirectoryEntry.MaxContacts), .. Enumerable.Range(0, Math.Min(BlankContactRows, Math.Max(0, DirectoryEntry.MaxContacts - Contacts.Count))).Select(_ => new ContactInput())];

    public static IEnumerable<SelectListItem> Kinds =>
        Enum.GetValues<DirectoryKind>().Select(k => new SelectListItem(DirectoryLabels.Kind(k), k.ToString()));

    public static IEnumerable<SelectListItem> Memberships =>
        Enum.GetValues<CommissionMembership>().Select(m => new SelectListItem(DirectoryLabels.Membership(m), m.ToString()));

    /// <summary>
    /// Checks formats and rows; <paramref name="organisationName"/> is the linked organisation's name
    /// (null when none is linked or it does not exist), which the entry takes when no name is typed.
    /// </summary>
    public (DirectoryDetails Details, List<ContactDetails> Contacts)? Check(ModelStateDictionary modelState, string? organisationName)
    {
        if (OrganisationId is not null && organisationName is null)
        {
            modelState.AddModelError("Input.OrganisationId", "Cette organisation n'existe pas.");
        }

        var name = string.IsNullOrWhiteSpace(Name) ? organisationName : Name.Trim();
        if (string.IsNullOrWhiteSpace(name))
        {
            modelState.AddModelError("Input.Name", "Indiquez le nom (ou choisissez l'organisation de Vigie que la fiche décrit).");
        }

        var phone = Format(modelState, "Input.Phone", Phone, ContactFormats.Phone, ContactFormats.PhoneMessage);
        var email = Format(modelState, "Input.Email", Email, ContactFormats.Email, ContactFormats.EmailMessage);
        var website = Format(modelState, "Input.Website", Website, ContactFormats.Url, "Site web : " + char.ToLowerInvariant(ContactFormats.UrlMessage[0]) + ContactFormats.UrlMessage[1..]);

        var contacts = new List<ContactDetails>();
        for (var i = 0; i < Contacts.Count; i++)
        {
            var row = Contacts[i];
            var prefix = $"Input.Contacts[{i}]";
            var filled = !string.IsNullOrWhiteSpace(row.Name) || !string.IsNullOrWhiteSpace(row.Function) || !string.IsNullOrWhiteSpace(row.Phone) || !string.IsNullOrWhiteSpace(row.Email);
            if (!filled)
            {
                continue;
            }

            if (i >= DirectoryEntry.MaxContacts)
            {
                modelState.AddModelError(prefix + ".Name", $"Une fiche a {DirectoryEntry.MaxContacts} contacts au plus.");
                continue;
            }

            var label = $"Contact {i + 1} : ";
            if (string.IsNullOrWhiteSpace(row.Name))
            {
                modelState.AddModelError(prefix + ".Name", label + "indiquez le nom du contact (ou videz la ligne pour le retirer).");
            }
            else if (row.Name.Trim().Length > 150)
            {
                modelState.AddModelError(prefix + ".Name", label + "le nom fait 150 caractères au plus.");
            }

            if (row.Function?.Trim().Length > 150)
            {
                modelState.AddModelError(prefix + ".Function", label + "la fonction fait 150 caractères au plus.");
            }

            var contactPhone = Format(modelState, prefix + ".Phone", row.Phone, ContactFormats.Phone, label + Lower(ContactFormats.PhoneMessage));
            var contactEmail = Format(modelState, prefix + ".Email", row.Email, ContactFormats.Email, label + Lower(ContactFormats.EmailMessage));
            if (!string.IsNullOrWhiteSpace(row.Name))
            {
                contacts.Add(new ContactDetails(row.Name.Trim(), string.IsNullOrWhiteSpace(row.Function) ? null : row.Function.Trim(), contactPhone, contactEmail));
            }
        }

        if (!modelState.IsValid || name is null)
        {
            return null;
        }

        return (new DirectoryDetails(name, Kind!.Value, OrganisationId, Description, Address, phone, email, website, Territory, Access, Membership!.Value), contacts);
    }

    public static EntryInput From(DirectoryEntry entry) => new()
    {
        Name = entry.Name,
        Kind = entry.Kind,
        OrganisationId = entry.OrganisationId,
        Description = entry.Description,
        Address = entry.Address,
        Phone = entry.Phone,
        Email = entry.Email,
        Website = entry.Website,
        Territory = entry.Territory,
        Access = entry.Access,
        Membership = entry.Membership,
        Contacts = [.. entry.Contacts.OrderBy(c => c.Position).Select(c => new ContactInput { Name = c.Name, Function = c.Function, Phone = c.Phone, Email = c.Email })],
    };

    private static string Lower(string message) => char.ToLowerInvariant(message[0]) + message[1..];

    private static string? Format(ModelStateDictionary modelState, string key, string? typed, Func<string?, string?> tidy, string message)
    {
        if (string.IsNullOrWhiteSpace(typed))
        {
            return null;
        }

        var value = tidy(typed);
        if (value is null)
        {
            modelState.AddModelError(key, message);
        }

        return value;
    }
}

public sealed class ContactInput
{
    public string? Name { get; set; }

    public string? Function { get; set; }

    public string? Phone { get; set; }

    public string? Email { get; set; }
}
