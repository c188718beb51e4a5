using System.ComponentModel.DataAnnotations;

namespace Vigie.Web.Features.Administration.Users;

public sealed class UserInput
{
    [Required(ErrorMessage = "Indiquez le prénom et le nom.")]
    [StringLength(200, ErrorMessage = "Le nom fait 200 caractères au plus.")]
    public string? DisplayName { get; set; }

    [Required(ErrorMessage = "Indiquez l'adresse e-mail professionnelle.")]
    [EmailAddress(ErrorMessage = "L'adresse e-mail n'est pas valide.")]
    [StringLength(254, ErrorMessage = "L'adresse e-mail fait 254 caractères au plus.")]
    public string? Email { get; set; }

    [StringLength(200, ErrorMessage = "La fonction fait 200 caractères au plus.")]
    public string? JobTitle { get; set; }

    [Required(ErrorMessage = "Choisissez l'organisation de la personne.")]
    public Guid? OrganisationId { get; set; }

    public List<string> Roles { get; set; } = [];
}
