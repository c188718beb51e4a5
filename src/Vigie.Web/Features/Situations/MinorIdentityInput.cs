using System.ComponentModel.DataAnnotations;

namespace Vigie.Web.Features.Situations;

/// <summary>
/// The minor's identity as typed in a form (opening a situation, emergency access), with its French
/// messages; <c>_MinorIdentityFields</c> renders it under the <c>Input.</c> prefix.
/// </summary>
public class MinorIdentityInput
{
    [Required(ErrorMessage = "Indiquez le nom du mineur.")]
    [StringLength(200, ErrorMessage = "Le nom fait 200 caractères au plus.")]
    public string? LastName { get; set; }

    [Required(ErrorMessage = "Indiquez le ou les prénoms du mineur.")]
    [StringLength(200, ErrorMessage = "Les prénoms font 200 caractères au plus.")]
    public string? FirstName { get; set; }

    [Required(ErrorMessage = "Indiquez la date de naissance.")]
    public DateOnly? BirthDate { get; set; }
}
