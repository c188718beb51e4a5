using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Vigie.Web.Data;
using Vigie.Web.Features.Compte;
using Vigie.Web.Features.Situations;
using Vigie.Web.Platform.Audit;

namespace Vigie.Web.Features.Commission.Sessions;

/// <summary>The sessions the user sees (all for Coordination, those they are invited to otherwise), upcoming then past.</summary>
[Authorize(Policy = Policies.Commission)]
public sealed class IndexModel(VigieDbContext db, IAuditLog audit, TimeProvider clock) : PageModel
{
    [TempData]
    public string? Status { get; set; }

    public IReadOnlyList<Row> Upcoming { get; private set; } = [];

    public IReadOnlyList<Row> Past { get; private set; } = [];

    public bool IsCoordination => User.IsInRole(Roles.Coordination);

    public async Task OnGetAsync()
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var rows = await db.CommissionSessions.AsNoTracking().SessionsVisibleTo(User)
            .OrderBy(s => s.StartsAt)
            .Select(s => new Row(s.Id, s.Number, s.Kind, s.StartsAt, s.DurationMinutes, s.Place, s.VideoLink, s.Status, s.AgendaPublishedAt, s.Items.Count))
            .ToListAsync();
        Upcoming = rows.Where(r => r.StartsAt.AddMinutes(r.DurationMinutes) >= now && r.Status == SessionStatus.Planifiee).ToList();
        Past = rows.Except(Upcoming).OrderByDescending(r => r.StartsAt).ToList();
        await audit.RecordAsync(AuditAction.Read, AuditRecordType.CommissionSession, "liste");
    }

    public sealed record Row(Guid Id, int Number, SessionKind Kind, DateTime StartsAt, int DurationMinutes, string? Place, string? VideoLink,
        SessionStatus Status, DateTime? AgendaPublishedAt, int Items);
}
