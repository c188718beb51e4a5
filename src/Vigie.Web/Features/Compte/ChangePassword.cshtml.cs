using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Vigie.Web.Platform.Audit;

namespace Vigie.Web.Features.Compte;

public sealed class ChangePasswordModel(UserManager<VigieUser> users, SignInManager<VigieUser> signIn, IAuditLog audit) : PageModel
{
    [BindProperty]
    public PasswordInput Input { get; set; } = new();

    [TempData]
    public string? Status { get; set; }

    public bool MustChange { get; private set; }

    public void OnGet() => MustChange = User.HasClaim(PasswordChangeGate.ClaimType, "1");

    public async Task<IActionResult> OnPostAsync()
    {
        MustChange = User.HasClaim(PasswordChangeGate.ClaimType, "1");
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return RedirectToPage("/Compte/Login");
        }

        var result = await users.ChangePasswordAsync(user, Input.Current!, Input.New!);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                var key = error.Code == "PasswordMismatch" ? "Input.Current" : "Input.New";
                ModelState.AddModelError(key, error.Description);
            }

            return Page();
        }

        // ChangePasswordAsync renewed the security stamp: other sessions end; this one is re-issued.
        user.MustChangePassword = false;
        await users.UpdateAsync(user);
        await signIn.RefreshSignInAsync(user);
        await audit.RecordAsync(AuditAction.PasswordChanged, AuditRecordType.Account, user.Id);
        Status = "Votre mot de passe a été changé. Vos autres sessions ont été fermées.";
        return RedirectToPage();
    }

    public sealed class PasswordInput
    {
        [Required(ErrorMessage = "Saisissez votre mot de passe actuel.")]
        [DataType(DataType.Password)]
        public string? Current { get; set; }

        [Required(ErrorMessage = "Saisissez un nouveau mot de passe.")]
        [StringLength(256, MinimumLength = 12, ErrorMessage = "Le nouveau mot de passe doit contenir au moins 12 caractères.")]
        [DataType(DataType.Password)]
        public string? New { get; set; }

        [Required(ErrorMessage = "Confirmez le nouveau mot de passe.")]
        [Compare(nameof(New), ErrorMessage = "Les deux saisies du nouveau mot de passe sont différentes.")]
        [DataType(DataType.Password)]
        public string? Confirm { get; set; }
    }
}
