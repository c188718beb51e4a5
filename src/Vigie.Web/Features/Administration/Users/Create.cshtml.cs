using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Vigie.Web.Data;

namespace Vigie.Web.Features.Administration.Users;

public sealed class CreateModel(VigieDbContext db, CreateAccount createAccount) : PageModel
{
    [BindProperty]
    public UserInput Input { get; set; } = new();

    public IReadOnlyList<OrganisationOption> Organisations { get; private set; } = [];

    public string? TemporaryPassword { get; private set; }

    public string? CreatedId { get; private set; }

    public async Task OnGetAsync(Guid? organisation)
    {
        Input.OrganisationId = organisation;
        Organisations = await UserFormView.OrganisationsAsync(db);
    }

    public async Task<IActionResult> OnPostAsync()
    {
        Organisations = await UserFormView.OrganisationsAsync(db);
        if (Input.OrganisationId is { } orgId && Organisations.All(o => o.Id != orgId))
        {
            ModelState.AddModelError("Input.OrganisationId", "Cette organisation n'existe pas ou est désactivée.");
        }

        if (Input.Roles.Count == 0)
        {
            ModelState.AddModelError("Input.Roles", "Cochez au moins un rôle.");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var password = CreateAccount.TemporaryPassword();
        var result = await createAccount.ExecuteAsync(
            new NewAccount(Input.DisplayName!, Input.Email!, Input.JobTitle, Input.OrganisationId!.Value, Input.Roles), password, mustChangePassword: true);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError(error.Code is "DuplicateEmail" or "DuplicateUserName" or "InvalidEmail" ? "Input.Email" : "Input.Roles", error.Description);
            }

            return Page();
        }

        TemporaryPassword = password;
        CreatedId = result.User!.Id;
        return Page();
    }
}
