using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Vigie.Web.Data;
using Vigie.Web.Features.Commission.Actions;
using Vigie.Web.Features.Compte;
using Vigie.Web.Platform.Audit;

namespace Vigie.Web.Features.Commission.Figures;

/// <summary>"Chiffres de la commission": its activity over a year (the current one by default) or a period.</summary>
[Authorize(Policy = Policies.CommissionCoordination)]
public sealed class IndexModel(VigieDbContext db, IAuditLog audit, TimeProvider clock) : PageModel
{
    /// <summary>The longest period asked at once.</summary>
    public const int MaxDays = 3660;

    private static readonly string[] DateFormats = ["yyyy-MM-dd", "dd/MM/yyyy"];

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
            var fromOk = TryParse(FromText, out from);
            var toOk = TryParse(ToText, out to);
            if (!fromOk)
            {
                ModelState.AddModelError("du", $"La date de début « {FromText} » n'est pas valide : indiquez un jour (jj/mm/aaaa).");
            }

            if (!toOk)
            {
                ModelState.AddModelError("au", $"La date de fin « {ToText} » n'est pas valide : indiquez un jour (jj/mm/aaaa).");
            }

            if (fromOk && toOk && to < from)
            {
                ModelState.AddModelError("au", "La date de fin précède la date de début.");
            }
            else if (fromOk && toOk && to.DayNumber - from.DayNumber > MaxDays)
            {
                ModelState.AddModelError("au", "La période demandée dépasse dix ans : choisissez-en une plus courte.");
            }

            if (!ModelState.IsValid)
            {
                (from, to) = YearOf(CurrentYear);
            }
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

    private static bool TryParse(string? text, out DateOnly day) =>
        DateOnly.TryParseExact(text?.Trim(), DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out day);
}
