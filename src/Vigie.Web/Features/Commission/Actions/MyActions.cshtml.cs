using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Vigie.Web.Data;
using Vigie.Web.Features.Compte;
using Vigie.Web.Platform.Audit;
using Vigie.Web.Platform.Crypto;

namespace Vigie.Web.Features.Commission.Actions;

/// <summary>
/// "Mes actions": the commission actions the user owns and, apart, those of their organisation
/// without a named owner; open ones first by due date (overdue said in words), then closed ones.
/// </summary>
[Authorize(Policy = Policies.Actions)]
public sealed class MyActionsModel(VigieDbContext db, FieldCipher cipher, IAuditLog audit, TimeProvider clock) : PageModel
{
    /// <summary>Closed actions shown in each list (the most recent).</summary>
    public const int ClosedShown = 50;

    public IReadOnlyList<ActionRow> Mine { get; private set; } = [];

    public IReadOnlyList<ActionRow> Organisation { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var userId = User.FindFirstValue(ClaimTypes.NameIdentifier)!;
        Mine = await ListAsync(db.CommissionActions.Where(a => a.OwnerId == userId), now);
        if (Guid.TryParse(User.FindFirstValue(VigieClaimTypes.OrganisationId), out var organisation))
        {
            Organisation = await ListAsync(db.CommissionActions.Where(a => a.OwnerId == null && a.OwnerOrganisationId == organisation), now);
        }

        await audit.RecordAsync(AuditAction.Read, AuditRecordType.MyActions);
    }

    private async Task<IReadOnlyList<ActionRow>> ListAsync(IQueryable<CommissionAction> actions, DateTime now)
    {
        var open = await ActionRows.LoadAsync(db, cipher, User, now, actions.Where(a => a.Status == ActionStatus.Ouverte));
        var closed = await ActionRows.LoadAsync(db, cipher, User, now,
            actions.Where(a => a.Status != ActionStatus.Ouverte).OrderByDescending(a => a.ClosedAt).Take(ClosedShown));
        return [.. open.OrderBy(r => r.DueOn).ThenBy(r => r.SessionNumber), .. closed.OrderByDescending(r => r.ClosedAt)];
    }
}
