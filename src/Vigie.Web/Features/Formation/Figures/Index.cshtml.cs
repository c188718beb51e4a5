using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Vigie.Web.Data;
using Vigie.Web.Features.Compte;
using Vigie.Web.Features.Observatoire;
using Vigie.Web.Platform.Audit;
using Vigie.Web.Platform.Statistics;
using Vigie.Web.Platform.Web;

namespace Vigie.Web.Features.Formation.Figures;

/// <summary>
/// Distinct people trained by employer category and year, and since the first session. No name.
/// Coordination sees exact counts; the Observatoire role sees them protected (small counts hidden), as
/// in the observatory.
/// </summary>
[Authorize(Policy = FormationPolicies.Figures)]
public sealed class IndexModel(VigieDbContext db, IAuditLog audit, TimeProvider clock, IOptions<ObservatoireOptions> options) : PageModel
{
    [FromQuery(Name = "de")]
    public int? From { get; set; }

    [FromQuery(Name = "a")]
    public int? To { get; set; }

    public TrainingFigureSet Figures { get; private set; } = null!;

    public IReadOnlyList<ProtectedTable> Views { get; private set; } = [];

    public bool Exact { get; private set; }

    public int Threshold => options.Value.SmallCountThreshold;

    public IReadOnlyList<int> AvailableYears { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var current = ParisTime.ToLocal(clock.GetUtcNow().UtcDateTime).Year;
        var first = await db.TrainingSessions.AsNoTracking().Select(s => (DateOnly?)s.Date).MinAsync(cancellationToken);
        var last = await db.TrainingSessions.AsNoTracking().Select(s => (DateOnly?)s.Date).MaxAsync(cancellationToken);
        var lowest = Math.Min(first?.Year ?? current, current);
        var highest = Math.Max(last?.Year ?? current, current);
        AvailableYears = Enumerable.Range(lowest, highest - lowest + 1).ToList();
        if (From is not { } from || from < lowest || from > highest)
        {
            if (From is not null)
            {
                ModelState.AddModelError("de", $"L'année de début doit être comprise entre {lowest} et {highest}.");
            }

            from = lowest;
        }

        if (To is not { } to || to < from || to > highest)
        {
            if (To is not null)
            {
                ModelState.AddModelError("a", $"L'année de fin doit être comprise entre {from} et {highest}.");
            }

            to = Math.Max(from, current);
        }

        From = from;
        To = to;
        Figures = await TrainingFigureSet.ComputeAsync(db, new DateOnly(from, 1, 1), new DateOnly(to, 12, 31), cancellationToken);
        Exact = User.IsInRole(Roles.Coordination);
        Views = new[] { Figures.ByYearTable(), Figures.CumulativeTable() }
            .Select(t => Exact ? ProtectedTable.Exact(t) : SmallCountProtection.Protect(t, Threshold)).ToList();
        await audit.RecordAsync(AuditAction.Read, FormationAudit.Figures, string.Create(CultureInfo.InvariantCulture, $"{from}-{to}"), cancellationToken: cancellationToken);
    }
}
