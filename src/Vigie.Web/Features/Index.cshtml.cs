using System.Security.Claims;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Vigie.Web.Data;
using Vigie.Web.Features.Compte;
using Vigie.Web.Features.Situations.LegalSteps;

namespace Vigie.Web.Features;

public sealed class IndexModel(VigieDbContext db, TimeProvider clock) : PageModel
{
    public string DisplayName { get; private set; } = string.Empty;

    public IReadOnlyList<string> RoleLabels { get; private set; } = [];

    /// <summary>Overdue steps the user is responsible for; null for roles that follow no situation.</summary>
    public int? OverdueSteps { get; private set; }

    public async Task OnGetAsync()
    {
        DisplayName = User.FindFirstValue(VigieClaimTypes.DisplayName) ?? string.Empty;
        RoleLabels = User.FindAll(ClaimTypes.Role).Select(c => Roles.Label(c.Value)).ToList();
        if (User.IsInRole(Roles.Professionnel) || User.IsInRole(Roles.Coordination))
        {
            var now = clock.GetUtcNow().UtcDateTime;
            OverdueSteps = await OpenSteps.Of(db, User, now).Overdue(now).CountAsync();
        }
    }
}
