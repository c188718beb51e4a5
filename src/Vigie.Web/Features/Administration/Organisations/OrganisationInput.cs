using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Vigie.Web.Features.Administration.Organisations;

public sealed class OrganisationInput
{
    [Required(ErrorMessage = "Indiquez le nom de l'organisation.")]
    [StringLength(200, ErrorMessage = "Le nom fait 200 caractères au plus.")]
    public string? Name { get; set; }

    [Required(ErrorMessage = "Choisissez le type d'organisation.")]
    public OrganisationKind? Kind { get; set; }

    [StringLength(120, ErrorMessage = "Le territoire fait 120 caractères au plus.")]
    public string? Territory { get; set; }

    [EmailAddress(ErrorMessage = "L'adresse e-mail n'est pas valide.")]
    [StringLength(254, ErrorMessage = "L'adresse e-mail fait 254 caractères au plus.")]
    public string? Email { get; set; }

    [RegularExpression(@"^[0-9+ ().-]{6,40}$", ErrorMessage = "Le téléphone ne peut contenir que des chiffres, espaces, points, tirets, parenthèses et le signe +.")]
    public string? Phone { get; set; }

    public static IEnumerable<SelectListItem> Kinds =>
        Enum.GetValues<OrganisationKind>().Select(k => new SelectListItem(OrganisationKinds.Label(k), k.ToString()));
}
