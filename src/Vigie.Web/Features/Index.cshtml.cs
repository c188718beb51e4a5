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

    /// <summary>Open and overdue commission actions the user owns; null for roles that own none.</summary>
    public (int Open, int Overdue)? MyActions { get; private set; }

    public async Task OnGetAsync()
    {
        DisplayName = User.FindFirstValue(VigieClaimTypes.DisplayName) ?? string.Empty;
        RoleLabels = User.FindAll(ClaimTypes.Role).Select(c => Roles.Label(c.Value)).ToList();
        if (User.IsInRole(Roles.Professionnel) || User.IsInRole(Roles.Coordination))
        {
            var now = clock.GetUtcNow().UtcDateTime;
            OverdueSteps = await OpenSteps.Of(db, User, now).Overdue(now).CountAsync();
        }

        if (User.IsInRole(Roles.Professionnel) || User.IsInRole(Roles.Coordination) || User.IsInRole(Roles.MembreCommission) || User.IsInRole(Roles.EquipeMobile))
        {
            var userId = User.FindFirstValue(ClaimTypes.NameIdentifier);
            var today = Commission.Actions.ActionRows.Today(clock.GetUtcNow().UtcDateTime);
            var mine = db.CommissionActions.Where(a => a.OwnerId == userId && a.Status == Commission.ActionStatus.Ouverte);
            var open = await mine.CountAsync();
            MyActions = (open, open == 0 ? 0 : await mine.CountAsync(a => a.DueOn < today));
        }
    }
}
