using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Vigie.Web.Data;
using Vigie.Web.Features.Compte;
using Vigie.Web.Platform.Audit;
using Vigie.Web.Platform.Web;

namespace Vigie.Web.Features.Commission.Sessions;

/// <summary>
/// Generates the next ordinary sessions: every <c>ScheduleIntervalDays</c> after the last ordinary
/// session (or from a chosen first date), at <c>ScheduleStartTime</c> Paris time in the default
/// place. A day that already has a session moves to the next free day. The dates are shown before
/// anything is created.
/// </summary>
[Authorize(Policy = Policies.CommissionCoordination)]
public sealed class ScheduleModel(VigieDbContext db, IAuditLog audit, TimeProvider clock, IOptions<CommissionOptions> options) : PageModel
{
    public const int MaxCount = 12;

    [BindProperty(SupportsGet = true, Name = "nombre")]
    public int? Count { get; set; }

    [BindProperty(SupportsGet = true, Name = "premiere")]
    public string? FirstDate { get; set; }

    public IReadOnlyList<Planned> Preview { get; private set; } = [];

    public CommissionOptions Settings => options.Value;

    public async Task OnGetAsync()
    {
        if (Count is not null || !string.IsNullOrWhiteSpace(FirstDate))
        {
            Preview = await PlanAsync();
        }
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var planned = await PlanAsync();
        if (!ModelState.IsValid || planned.Count == 0)
        {
            return Page();
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var userId = User.FindFirstValue(ClaimTypes.NameIdentifier)!;
        var sessions = planned.Select(p => new CommissionSession
        {
            Kind = SessionKind.Ordinaire,
            StartsAt = p.StartsAt,
            DurationMinutes = Settings.DefaultDurationMinutes,
            Place = Settings.DefaultPlace,
            CreatedAt = now,
            CreatedById = userId,
        }).ToList();
        await SessionCalendar.AddNumberedAsync(db, sessions);
        foreach (var session in sessions)
        {
            await audit.RecordAsync(AuditAction.Create, AuditRecordType.CommissionSession, session.Id.ToString());
        }

        TempData["Status"] = sessions.Count == 1 ? "1 séance ordinaire est créée." : $"{sessions.Count} séances ordinaires sont créées.";
        return RedirectToPage("Index");
    }

    /// <summary>The dates to create, or none with the errors in the model state.</summary>
    private async Task<IReadOnlyList<Planned>> PlanAsync()
    {
        // "abc" fails model binding with an English message: only the French one is shown.
        ModelState.Remove("nombre");
        if (Count is null or < 1 or > MaxCount)
        {
            ModelState.AddModelError("nombre", $"Indiquez un nombre de séances entre 1 et {MaxCount}.");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(ParisTime.ToLocal(now));
        var interval = Settings.ScheduleIntervalDays;
        DateOnly first;
        if (!string.IsNullOrWhiteSpace(FirstDate))
        {
            if (!DateOnly.TryParseExact(FirstDate.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out first))
            {
                ModelState.AddModelError("premiere", "La date de la première séance n'est pas valide (jj/mm/aaaa).");
                return [];
            }

            if (ParisTime.ToUtc(first.ToDateTime(Settings.StartTime)) <= now)
            {
                ModelState.AddModelError("premiere", "La date de la première séance est passée : choisissez une date à venir.");
                return [];
            }
        }
        else
        {
            var last = await db.CommissionSessions.Where(s => s.Kind == SessionKind.Ordinaire && s.Status != SessionStatus.Annulee)
                .MaxAsync(s => (DateTime?)s.StartsAt);
            if (last is null)
            {
                ModelState.AddModelError("premiere", "Aucune séance ordinaire n'existe encore : indiquez la date de la première séance.");
                return [];
            }

            first = DateOnly.FromDateTime(ParisTime.ToLocal(last.Value)).AddDays(interval);
            // A schedule left behind starts again at the next step in the future.
            for (var i = 0; i < 100 && ParisTime.ToUtc(first.ToDateTime(Settings.StartTime)) <= now; i++)
            {
                first = first.AddDays(interval);
            }
        }

        if (!ModelState.IsValid || first <= today.AddDays(-1))
        {
            return [];
        }

        var taken = await SessionCalendar.TakenDaysAsync(db, first, first.AddDays((interval * MaxCount) + 7));
        var planned = new List<Planned>();
        for (var i = 0; i < Count!.Value; i++)
        {
            var wanted = first.AddDays(interval * i);
            var day = wanted;
            for (var shift = 0; shift < 7 && taken.Contains(day); shift++)
            {
                day = day.AddDays(1);
            }

            taken.Add(day);
            planned.Add(new Planned(day, ParisTime.ToUtc(day.ToDateTime(Settings.StartTime)), day != wanted));
        }

        return planned;
    }

    public sealed record Planned(DateOnly Day, DateTime StartsAt, bool Moved);
}
