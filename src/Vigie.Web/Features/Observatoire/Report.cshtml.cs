using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using Vigie.Web.Features.Compte;
using Vigie.Web.Features.Signalements;
using Vigie.Web.Platform.Audit;

namespace Vigie.Web.Features.Observatoire;

/// <summary>The yearly report (PDF) for a year, a territory and a level: protected, after a fresh code, audited.</summary>
[Authorize(Policy = Policies.Observatory)]
[Authorize(Policy = Policies.RecentStepUp)]
public sealed class ReportModel(Observatory observatory, IAuditLog audit, TimeProvider clock, IOptions<ObservatoireOptions> options,
    IOptions<SignalementsOptions> signalements) : PageModel
{
    public async Task<IActionResult> OnGetAsync([FromQuery] ObservatoryQuery query, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var filter = query.Resolve(ModelState, Platform.Web.ParisTime.ToLocal(now).Year);
        if (!ModelState.IsValid)
        {
            return ObservatoryQuery.Problem(ModelState, "Rapport impossible");
        }

        var report = await observatory.ComputeAsync(filter, cancellationToken);
        var pdf = YearlyReport.Render(report, options.Value.SmallCountThreshold, now, signalements.Value.Sender.Organisation);
        await audit.RecordAsync(AuditAction.Export, AuditRecordType.ObservatoryReport, filter.AuditId(), cancellationToken: cancellationToken);
        var name = filter.IsWholeYear
            ? string.Create(CultureInfo.InvariantCulture, $"vigie-observatoire-rapport-{filter.From.Year}.pdf")
            : string.Create(CultureInfo.InvariantCulture, $"vigie-observatoire-rapport-{filter.From:yyyyMMdd}-{filter.To:yyyyMMdd}.pdf");
        return File(pdf, "application/pdf", name);
    }
}
