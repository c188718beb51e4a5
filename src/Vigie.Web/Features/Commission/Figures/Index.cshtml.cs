using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Vigie.Web.Data;
using Vigie.Web.Features.Commission.Actions;
using Vigie.Web.Features.Compte;
using Vigie.Web.Platform.Audit;
using Vigie.Web.Platform.Web;

namespace Vigie.Web.Features.Commission.Figures;

/// <summary>"Chiffres de la commission": its activity over a year (the current one by default) or a period.</summary>
[Authorize(Policy = Policies.CommissionCoordination)]
public sealed class IndexModel(VigieDbContext db, IAuditLog audit, TimeProvider clock) : PageModel
{
    [FromQuery(Name = "annee")]
    public int? Year { get; set; }

    [FromQuery(Name = "du")]
    public string? FromText { get; set; }

    [FromQuery(Name = "au")]
    public string? ToText { get; set; }

    public int CurrentYear { get; private set; }

    public CommissionFigureSet Figures { get; private set; } = null!;

    public async Task OnGetAsync()
    {
        var today = ActionRows.Today(clock.GetUtcNow().UtcDateTime);
        CurrentYear = today.Year;
        DateOnly from, to;
        if (!string.IsNullOrWhiteSpace(FromText) || !string.IsNullOrWhiteSpace(ToText))
        {
            (from, to) = PeriodInput.Parse(FromText, ToText, ModelState) ?? YearOf(CurrentYear);
        }
        else
        {
            if (Year is not (>= 2000 and <= 2100))
            {
                Year = CurrentYear;
            }

            (from, to) = YearOf(Year.Value);
        }

        Figures = await CommissionFigures.ComputeAsync(db, from, to);
        await audit.RecordAsync(AuditAction.Read, AuditRecordType.CommissionFigures,
            $"{from.ToString("O", CultureInfo.InvariantCulture)}/{to.ToString("O", CultureInfo.InvariantCulture)}");
    }

    private static (DateOnly From, DateOnly To) YearOf(int year) => (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
}
