using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Vigie.Web.Data;
using Vigie.Web.Features.Compte;
using Vigie.Web.Platform.Audit;

namespace Vigie.Web.Features.Administration.Users;

public sealed class EditModel(VigieDbContext db, UserManager<VigieUser> users, IAuditLog audit, TimeProvider clock) : PageModel
{
    [BindProperty]
    public UserInput Input { get; set; } = new();

    [TempData]
    public string? Status { get; set; }

    public string? TemporaryPassword { get; private set; }

    public Summary Current { get; private set; } = new(string.Empty, false, false, false, default);

    public IReadOnlyList<OrganisationOption> Organisations { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string id)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null)
        {
            return NotFound();
        }

        await ShowAsync(user);
        await LoadInputAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string id)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null)
        {
            return NotFound();
        }

        await ShowAsync(user);
        if (Input.OrganisationId is { } orgId && Organisations.All(o => o.Id != orgId))
        {
            ModelState.AddModelError("Input.OrganisationId", "Cette organisation n'existe pas ou est désactivée.");
        }

        var requested = Input.Roles.Where(Roles.All.Contains).Distinct().ToList();
        if (requested.Count == 0)
        {
            ModelState.AddModelError("Input.Roles", "Cochez au moins un rôle.");
        }

        if (IsSelf(user) && !requested.Contains(Roles.Administrateur))
        {
            ModelState.AddModelError("Input.Roles", "Vous ne pouvez pas retirer votre propre rôle Administrateur.");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var email = Input.Email!.Trim();
        var sensitive = !string.Equals(user.Email, email, StringComparison.OrdinalIgnoreCase) || user.OrganisationId != Input.OrganisationId;
        user.DisplayName = Input.DisplayName!.Trim();
        user.JobTitle = string.IsNullOrWhiteSpace(Input.JobTitle) ? null : Input.JobTitle.Trim();
        user.OrganisationId = Input.OrganisationId!.Value;
        user.Email = email;
        user.UserName = email;
        var updated = await users.UpdateAsync(user);
        if (!updated.Succeeded)
        {
            foreach (var error in updated.Errors.DistinctBy(e => e.Description))
            {
                ModelState.AddModelError("Input.Email", error.Description);
            }

            return Page();
        }

        await audit.RecordAsync(AuditAction.AccountUpdated, AuditRecordType.Account, user.Id);
        var current = await users.GetRolesAsync(user);
        var added = requested.Except(current).ToList();
        var removed = current.Except(requested).ToList();
        if (added.Count > 0 || removed.Count > 0)
        {
            await users.AddToRolesAsync(user, added);
            await users.RemoveFromRolesAsync(user, removed);
            await audit.RecordAsync(AuditAction.AccountRolesChanged, AuditRecordType.Account, user.Id);
            sensitive = true;
        }

        if (sensitive)
        {
            // Ends the person's open sessions: they come back with their new rights.
            await users.UpdateSecurityStampAsync(user);
        }

        Status = "Modifications enregistrées.";
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostResetMfaAsync(string id)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null)
        {
            return NotFound();
        }

        await users.SetTwoFactorEnabledAsync(user, false);
        await users.ResetAuthenticatorKeyAsync(user);
        await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 0);
        await audit.RecordAsync(AuditAction.MfaReset, AuditRecordType.Account, user.Id);
        Status = "Double authentification réinitialisée : la personne l'activera de nouveau à sa prochaine connexion.";
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostResetPasswordAsync(string id)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null)
        {
            return NotFound();
        }

        var password = CreateAccount.TemporaryPassword();
        var token = await users.GeneratePasswordResetTokenAsync(user);
        var result = await users.ResetPasswordAsync(user, token, password);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("Réinitialisation du mot de passe refusée.");
        }

        user.MustChangePassword = true;
        await users.UpdateAsync(user);
        await users.SetLockoutEndDateAsync(user, null);
        await audit.RecordAsync(AuditAction.AccountPasswordReset, AuditRecordType.Account, user.Id);
        await ShowAsync(user);
        await LoadInputAsync(user);
        TemporaryPassword = password;
        return Page();
    }

    public async Task<IActionResult> OnPostDeactivateAsync(string id)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null)
        {
            return NotFound();
        }

        if (IsSelf(user))
        {
            await ShowAsync(user);
            await LoadInputAsync(user);
            ModelState.AddModelError(string.Empty, "Vous ne pouvez pas désactiver votre propre compte.");
            return Page();
        }

        user.IsActive = false;
        user.DeactivatedAt = clock.GetUtcNow().UtcDateTime;
        await users.UpdateAsync(user);
        await users.UpdateSecurityStampAsync(user);
        await audit.RecordAsync(AuditAction.AccountDeactivated, AuditRecordType.Account, user.Id);
        Status = "Compte désactivé : la personne ne peut plus se connecter et ses sessions sont fermées.";
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostReactivateAsync(string id)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null)
        {
            return NotFound();
        }

        user.IsActive = true;
        user.DeactivatedAt = null;
        await users.UpdateAsync(user);
        await users.SetLockoutEndDateAsync(user, null);
        await audit.RecordAsync(AuditAction.AccountReactivated, AuditRecordType.Account, user.Id);
        Status = "Compte réactivé.";
        return RedirectToPage(new { id });
    }

    private bool IsSelf(VigieUser user) => User.FindFirstValue(ClaimTypes.NameIdentifier) == user.Id;

    private async Task ShowAsync(VigieUser user)
    {
        Organisations = await UserFormView.OrganisationsAsync(db, user.OrganisationId);
        Current = new Summary(user.DisplayName, user.IsActive, user.TwoFactorEnabled,
            user.LockoutEnd is { } end && end > clock.GetUtcNow(), user.CreatedAt);
    }

    private async Task LoadInputAsync(VigieUser user) =>
        Input = new UserInput
        {
            DisplayName = user.DisplayName,
            Email = user.Email,
            JobTitle = user.JobTitle,
            OrganisationId = user.OrganisationId,
            Roles = (await users.GetRolesAsync(user)).ToList(),
        };

    public sealed record Summary(string DisplayName, bool IsActive, bool MfaEnabled, bool LockedOut, DateTime CreatedAt);
}
