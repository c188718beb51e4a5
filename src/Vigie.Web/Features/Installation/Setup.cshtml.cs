using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Vigie.Web.Data;
using Vigie.Web.Features.Administration;
using Vigie.Web.Features.Compte;
using Vigie.Web.Platform.Audit;

namespace Vigie.Web.Features.Installation;

/// <summary>First run: creates the operating organisation, the first Administrateur and Coordination accounts.</summary>
[AllowAnonymous]
public sealed class SetupModel(
    FirstRunToken token,
    VigieDbContext db,
    CreateAccount createAccount,
    UserManager<VigieUser> users,
    IAuditLog audit,
    TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Jeton { get; set; }

    [BindProperty]
    public SetupInput Input { get; set; } = new();

    public bool Done { get; private set; }

    public IEnumerable<SelectListItem> Kinds => Enum.GetValues<OrganisationKind>()
        .Select(k => new SelectListItem(OrganisationKinds.Label(k), k.ToString()));

    public async Task<IActionResult> OnGetAsync() =>
        token.Matches(Jeton) && !await db.Users.AnyAsync() ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync()
    {
        if (!token.Matches(Jeton) || await db.Users.AnyAsync())
        {
            return NotFound();
        }

        if (string.Equals(Input.AdminEmail?.Trim(), Input.CoordinationEmail?.Trim(), StringComparison.OrdinalIgnoreCase))
        {
            ModelState.AddModelError("Input.CoordinationEmail", "Les deux comptes doivent avoir des adresses e-mail différentes.");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        // Check both passwords before creating anything, so a refusal leaves no half-made installation.
        await ValidatePasswordAsync(Input.AdminName!, Input.AdminEmail!, Input.AdminPassword!, "Input.AdminPassword");
        await ValidatePasswordAsync(Input.CoordinationName!, Input.CoordinationEmail!, Input.CoordinationPassword!, "Input.CoordinationPassword");
        if (!ModelState.IsValid)
        {
            return Page();
        }

        // Consume first: a second submission racing this one gets a 404, not a second set of accounts.
        if (!token.TryConsume(Jeton))
        {
            return NotFound();
        }

        var organisation = Organisation.Create(Input.OrganisationName!, Input.OrganisationKind, null, null, null, clock.GetUtcNow().UtcDateTime);
        db.Organisations.Add(organisation);
        await db.SaveChangesAsync();

        var admin = await createAccount.ExecuteAsync(
            new NewAccount(Input.AdminName!, Input.AdminEmail!, null, organisation.Id, [Roles.Administrateur]), Input.AdminPassword!, false);
        var coordination = await createAccount.ExecuteAsync(
            new NewAccount(Input.CoordinationName!, Input.CoordinationEmail!, null, organisation.Id, [Roles.Coordination]), Input.CoordinationPassword!, false);
        if (!admin.Succeeded || !coordination.Succeeded)
        {
            // Validated above; reaching this means the database refused: the generic error page is right.
            throw new InvalidOperationException("La création des premiers comptes a échoué.");
        }

        await audit.RecordAsync(AuditAction.OrganisationCreated, AuditRecordType.Organisation, organisation.Id.ToString(), actorId: admin.User!.Id);
        await audit.RecordAsync(AuditAction.SetupCompleted, AuditRecordType.Installation, null, actorId: admin.User!.Id);
        Done = true;
        return Page();
    }

    private async Task ValidatePasswordAsync(string name, string email, string password, string key)
    {
        var candidate = new VigieUser { DisplayName = name, Email = email, UserName = email };
        foreach (var validator in users.PasswordValidators)
        {
            var result = await validator.ValidateAsync(users, candidate, password);
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError(key, error.Description);
            }
        }
    }

    public sealed class SetupInput
    {
        [Required(ErrorMessage = "Indiquez le nom de l'organisation.")]
        [StringLength(200, ErrorMessage = "200 caractères au plus.")]
        public string? OrganisationName { get; set; }

        public OrganisationKind OrganisationKind { get; set; } = OrganisationKind.ServiceMetropole;

        [Required(ErrorMessage = "Indiquez le prénom et le nom de l'administrateur.")]
        [StringLength(200, ErrorMessage = "200 caractères au plus.")]
        public string? AdminName { get; set; }

        [Required(ErrorMessage = "Indiquez l'adresse e-mail de l'administrateur.")]
        [EmailAddress(ErrorMessage = "L'adresse e-mail de l'administrateur n'est pas valide.")]
        public string? AdminEmail { get; set; }

        [Required(ErrorMessage = "Choisissez le mot de passe de l'administrateur.")]
        [StringLength(256, MinimumLength = 12, ErrorMessage = "Le mot de passe de l'administrateur doit contenir au moins 12 caractères.")]
        public string? AdminPassword { get; set; }

        [Required(ErrorMessage = "Indiquez le prénom et le nom de la personne de coordination.")]
        [StringLength(200, ErrorMessage = "200 caractères au plus.")]
        public string? CoordinationName { get; set; }

        [Required(ErrorMessage = "Indiquez l'adresse e-mail de la personne de coordination.")]
        [EmailAddress(ErrorMessage = "L'adresse e-mail de la coordination n'est pas valide.")]
        public string? CoordinationEmail { get; set; }

        [Required(ErrorMessage = "Choisissez le mot de passe de la coordination.")]
        [StringLength(256, MinimumLength = 12, ErrorMessage = "Le mot de passe de la coordination doit contenir au moins 12 caractères.")]
        public string? CoordinationPassword { get; set; }
    }
}
