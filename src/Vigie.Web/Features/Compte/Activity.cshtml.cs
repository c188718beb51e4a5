using System.Security.Claims;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Vigie.Web.Data;
using Vigie.Web.Platform.Audit;

namespace Vigie.Web.Features.Compte;

public sealed class ActivityModel(VigieDbContext db) : PageModel
{
    public IReadOnlyList<AuditRow> Entries { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var me = User.FindFirstValue(ClaimTypes.NameIdentifier);
        Entries = await AuditRow.WithRecordNamesAsync(db, await AuditRow.Query(db, db.AuditEntries.Where(e => e.ActorId == me))
            .OrderByDescending(e => e.Sequence)
            .Take(100)
            .ToListAsync());
    }
}
