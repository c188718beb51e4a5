using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Vigie.Web.Data;
using Vigie.Web.Platform.Web;
using Vigie.Web.Platform.Audit;

namespace Vigie.Web.Features.Protection;

public sealed class AuditLogModel(VigieDbContext db, IAuditLog audit) : PageModel
{
    private const int PageSize = 50;

    [FromQuery]
    public AuditLogFilter Filter { get; set; } = new();

    [FromQuery(Name = "page")]
    public new int Page { get; set; } = 1;

    public int Total { get; private set; }

    public int Pages { get; private set; }

    public IReadOnlyList<AuditRow> Rows { get; private set; } = [];

    public async Task OnGetAsync()
    {
        Filter.Validate(ModelState);
        if (!ModelState.IsValid)
        {
            return;
        }

        var query = Filter.Apply(db);
        Total = await query.CountAsync();
        Pages = Math.Max(1, (Total + PageSize - 1) / PageSize);
        Page = Math.Clamp(Page, 1, Pages);
        Rows = await AuditRow.WithRecordNamesAsync(db, await query.OrderByDescending(r => r.Sequence).Skip((Page - 1) * PageSize).Take(PageSize).ToListAsync());
        await audit.RecordAsync(AuditAction.Read, AuditRecordType.AuditLog, null);
    }

    public string PageLink(int page) => Paging.Link(Request, page);
}
