using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Vigie.Web.Data;
using Vigie.Web.Features.Observatoire;
using Vigie.Web.Platform.Audit;

namespace Vigie.Web.Features.Enquetes;

/// <summary>
/// The surveys across years (Coordination, exact figures): per campaign, services answered out of asked
/// and the sums of the reference questions, beside the observatory's own count of new situations that year.
/// </summary>
[Authorize(Policy = SurveyPolicies.Coordination)]
public sealed class TrendModel(VigieDbContext db, IAuditLog audit) : PageModel
{
    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var years = await SurveyResults.TrendAsync(db, SurveyCampaign.MinYear, SurveyCampaign.MaxYear);
        var observed = new Dictionary<int, int>();
        if (years.Count > 0)
        {
            var from = new DateOnly(years[0].Year, 1, 1);
            var to = new DateOnly(years[^1].Year, 12, 31);
            // The observatory's indicator 1: one count per minor, the year of the first detection.
            observed = await new ObservatoryFilter(from, to, null, null).Apply(db.Situations.AsNoTracking())
                .GroupBy(s => s.CountedOn.Year).Select(g => new { Year = g.Key, Count = g.Count() })
                .ToDictionaryAsync(g => g.Year, g => g.Count);
        }

        Rows = years.Select(y => new Row(y, observed.GetValueOrDefault(y.Year))).ToList();
        await audit.RecordAsync(AuditAction.Read, AuditRecordType.SurveyTrend, "tendance");
    }

    public sealed record Row(TrendYear Survey, int NewSituations);
}
