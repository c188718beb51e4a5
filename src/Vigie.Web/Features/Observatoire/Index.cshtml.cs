using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Vigie.Web.Data;
using Vigie.Web.Features.Compte;
using Vigie.Web.Platform.Audit;
using Vigie.Web.Platform.Statistics;

namespace Vigie.Web.Features.Observatoire;

/// <summary>
/// The observatory's dashboard: every indicator for a year or a period, a territory and a level, each
/// as a chart followed by its table. Coordination sees exact counts; the Observatoire role sees them
/// protected, as every export and the report do.
/// </summary>
[Authorize(Policy = Policies.Observatory)]
public sealed class IndexModel(Observatory observatory, VigieDbContext db, IAuditLog audit, TimeProvider clock, IOptions<ObservatoireOptions> options) : PageModel
{
    public ObservatoryQuery Query { get; private set; } = new();

    public ObservatoryReport Report { get; private set; } = null!;

    /// <summary>Per indicator, the views of its tables this reader sees.</summary>
    public IReadOnlyList<IReadOnlyList<ProtectedTable>> Views { get; private set; } = [];

    public bool Exact { get; private set; }

    public int Threshold => options.Value.SmallCountThreshold;

    public int CurrentYear { get; private set; }

    public IReadOnlyList<string> Territories { get; private set; } = [];

    public string FilterQuery => ObservatoryQuery.QueryString(Report.Filter);

    public async Task OnGetAsync([FromQuery] ObservatoryQuery query, CancellationToken cancellationToken)
    {
        Query = query;
        CurrentYear = Platform.Web.ParisTime.ToLocal(clock.GetUtcNow().UtcDateTime).Year;
        var filter = query.Resolve(ModelState, CurrentYear);
        Exact = User.IsInRole(Roles.Coordination);
        Report = await observatory.ComputeAsync(filter, cancellationToken);
        Views = Report.Indicators
            .Select(i => (IReadOnlyList<ProtectedTable>)i.Tables.Select(t => Exact ? ProtectedTable.Exact(t.Table) : SmallCountProtection.Protect(t.Table, Threshold)).ToList())
            .ToList();
        Territories = await db.Situations.AsNoTracking().Where(s => s.Territory != null).Select(s => s.Territory!).Distinct().OrderBy(t => t).Take(300)
            .ToListAsync(cancellationToken);
        await audit.RecordAsync(AuditAction.Read, AuditRecordType.Observatory, filter.AuditId(), cancellationToken: cancellationToken);
    }
}
