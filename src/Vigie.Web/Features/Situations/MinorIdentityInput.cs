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

    /// <summary>The birth-date rules shared by every form typing a minor's identity.</summary>
    public void CheckBirthDate(Microsoft.AspNetCore.Mvc.ModelBinding.ModelStateDictionary modelState, DateOnly today)
    {
        if (BirthDate is { } birth && (birth > today || birth < today.AddYears(-21)))
        {
            modelState.AddModelError("Input.BirthDate", birth > today
                ? "La date de naissance ne peut pas être dans le futur."
                : "La date de naissance indique une personne de plus de 21 ans : vérifiez-la.");
        }
    }
}
