using System.Security.Claims;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Vigie.Web.Features.Compte;

namespace Vigie.Web.Features;

public sealed class IndexModel : PageModel
{
    public string DisplayName { get; private set; } = string.Empty;

    public IReadOnlyList<string> RoleLabels { get; private set; } = [];

    public void OnGet()
    {
        DisplayName = User.FindFirstValue(VigieClaimTypes.DisplayName) ?? string.Empty;
        RoleLabels = User.FindAll(ClaimTypes.Role).Select(c => Roles.Label(c.Value)).ToList();
    }
}
