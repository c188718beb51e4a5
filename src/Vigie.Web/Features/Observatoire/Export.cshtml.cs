using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using Vigie.Web.Features.Compte;
using Vigie.Web.Platform.Audit;
using Vigie.Web.Platform.Statistics;

namespace Vigie.Web.Features.Observatoire;

/// <summary>
/// One table, or every table, of the dashboard as xlsx or csv: always protected (even for Coordination:
/// a file leaves Vigie), after a fresh code, and audited with the filters and the table asked.
/// </summary>
[Authorize(Policy = Policies.Observatory)]
[Authorize(Policy = Policies.RecentStepUp)]
public sealed class ExportModel(Observatory observatory, IAuditLog audit, TimeProvider clock, IOptions<ObservatoireOptions> options) : PageModel
{
    [FromQuery(Name = "indicateur")]
    public int? Indicator { get; set; }

    [FromQuery(Name = "tableau")]
    public int? Table { get; set; }

    [FromQuery(Name = "format")]
    public string? Format { get; set; }

    public async Task<IActionResult> OnGetAsync([FromQuery] ObservatoryQuery query, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var filter = query.Resolve(ModelState, Platform.Web.ParisTime.ToLocal(now).Year);
        var format = Format?.Trim().ToLowerInvariant();
        if (format is not ("xlsx" or "csv"))
        {
            ModelState.AddModelError("format", "Choisissez le format xlsx ou csv.");
        }

        if (!ModelState.IsValid)
        {
            return ObservatoryQuery.Problem(ModelState, "Export impossible");
        }

        var report = await observatory.ComputeAsync(filter, cancellationToken);
        var threshold = options.Value.SmallCountThreshold;
        var tables = report.Indicators
            .Where(i => Indicator is null || i.Number == Indicator)
            .SelectMany(i => i.Tables.Select((t, n) => (Indicator: i, Table: n, View: SmallCountProtection.Protect(t.Table, threshold))))
            .Where(t => Table is null || t.Table == Table - 1)
            .ToList();
        if (tables.Count == 0)
        {
            return NotFound();
        }

        var what = Indicator is null ? "tout" : $"{Indicator}.{Table ?? 0}";
        await audit.RecordAsync(AuditAction.Export, AuditRecordType.ObservatoryExport, $"{what}|{format}|{filter.AuditId()}", cancellationToken: cancellationToken);
        var name = string.Create(CultureInfo.InvariantCulture,
            $"vigie-observatoire-{(Indicator is null ? "tableaux" : $"indicateur-{Indicator}")}-{filter.From:yyyyMMdd}-{filter.To:yyyyMMdd}.{format}");
        var description = filter.Describe();
        return format == "xlsx"
            ? File(TableExport.Xlsx(tables, description, now), TableExport.XlsxType, name)
            : File(TableExport.Csv(tables, description), "text/csv; charset=utf-8", name);
    }
}
