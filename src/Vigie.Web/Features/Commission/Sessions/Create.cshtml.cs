using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using System.Security.Claims;
using Vigie.Web.Data;
using Vigie.Web.Features.Compte;
using Vigie.Web.Platform.Audit;

namespace Vigie.Web.Features.Commission.Sessions;

/// <summary>A new session: ordinary (on a free day) or exceptional (an emergency, any future time).</summary>
[Authorize(Policy = Policies.CommissionCoordination)]
public sealed class CreateModel(VigieDbContext db, IAuditLog audit, TimeProvider clock, IOptions<CommissionOptions> options) : PageModel
{
    [BindProperty]
    public SessionForm Input { get; set; } = new();

    [BindProperty]
    public SessionKind Kind { get; set; } = SessionKind.Ordinaire;

    public void OnGet()
    {
        Input.Place = options.Value.DefaultPlace;
        Input.DurationMinutes = options.Value.DefaultDurationMinutes;
        Input.Time = options.Value.ScheduleStartTime;
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var unbound = ModelState.TryGetValue(nameof(Kind), out var entry) && entry.Errors.Count > 0;
        if (unbound || !Enum.IsDefined(Kind))
        {
            ModelState.Remove(nameof(Kind));
            ModelState.AddModelError(nameof(Kind), "Choisissez le type de séance.");
        }

        var start = Input.Validate(ModelState, nameof(Input), now);
        if (start is { } s && Kind == SessionKind.Ordinaire && await SessionCalendar.DayTakenAsync(db, DateOnly.FromDateTime(Platform.Web.ParisTime.ToLocal(s))))
        {
            ModelState.AddModelError("Input.Date", "Une séance est déjà prévue ce jour-là : choisissez un autre jour (ou une séance exceptionnelle).");
        }

        if (!ModelState.IsValid || start is null)
        {
            return Page();
        }

        var session = new CommissionSession
        {
            Kind = Kind,
            StartsAt = start.Value,
            DurationMinutes = Input.DurationMinutes,
            Place = Input.Place,
            VideoLink = Input.VideoLink,
            Note = Input.Note,
            CreatedAt = now,
            CreatedById = User.FindFirstValue(ClaimTypes.NameIdentifier)!,
        };
        await SessionCalendar.AddNumberedAsync(db, [session]);
        await audit.RecordAsync(AuditAction.Create, AuditRecordType.CommissionSession, session.Id.ToString());
        TempData["Status"] = $"La séance n° {session.Number} est créée.";
        return Redirect(CommissionAgenda.SessionLink(session.Id));
    }
}
