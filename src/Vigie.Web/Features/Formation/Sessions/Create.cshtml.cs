using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Vigie.Web.Data;
using Vigie.Web.Platform.Audit;
using Vigie.Web.Platform.Web;

namespace Vigie.Web.Features.Formation.Sessions;

/// <summary>A new training session (past sessions are recorded too, to import their attendance sheets).</summary>
[Authorize(Policy = FormationPolicies.Manage)]
public sealed class CreateModel(VigieDbContext db, IAuditLog audit, TimeProvider clock) : PageModel
{
    [BindProperty]
    public TrainingSessionForm Input { get; set; } = new();

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var values = Input.Validate(ModelState, nameof(Input), DateOnly.FromDateTime(ParisTime.ToLocal(now)));
        if (values is null)
        {
            return Page();
        }

        var session = TrainingSession.Create(values.Date, values.Kind, values.Audience, values.Trainers, values.Place, values.DurationMinutes,
            User.FindFirstValue(ClaimTypes.NameIdentifier)!, now);
        db.TrainingSessions.Add(session);
        await db.SaveChangesAsync(cancellationToken);
        await audit.RecordAsync(AuditAction.Create, FormationAudit.Session, session.Id.ToString(), cancellationToken: cancellationToken);
        TempData["Status"] = $"La session du {session.Date:dd/MM/yyyy} est créée. Importez maintenant sa feuille d'émargement.";
        return Redirect($"/formation/sessions/{session.Id}");
    }
}
