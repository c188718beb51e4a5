using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Vigie.Web.Data;
using Vigie.Web.Platform.Audit;
using Vigie.Web.Platform.Web;

namespace Vigie.Web.Features.Formation.Sessions;

/// <summary>A training session, its participants (names: Coordination only) and the form to correct it.</summary>
[Authorize(Policy = FormationPolicies.Manage)]
public sealed class DetailsModel(VigieDbContext db, IAuditLog audit, TimeProvider clock) : PageModel
{
    public TrainingSession Session { get; private set; } = null!;

    public IReadOnlyList<ParticipantRow> Participants { get; private set; } = [];

    [BindProperty]
    public TrainingSessionForm Input { get; set; } = new();

    [TempData]
    public string? Status { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        Input = TrainingSessionForm.Of(Session);
        await audit.RecordAsync(AuditAction.Read, FormationAudit.Session, id.ToString(), cancellationToken: cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostEditAsync(Guid id, CancellationToken cancellationToken)
    {
        var session = await db.TrainingSessions.SingleOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (session is null)
        {
            return NotFound();
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var values = Input.Validate(ModelState, nameof(Input), DateOnly.FromDateTime(ParisTime.ToLocal(now)));
        if (values is not null && Input.Version != session.Version)
        {
            ModelState.AddModelError("Input.Version", "La session a été modifiée entre-temps par quelqu'un d'autre : rechargez la page, puis refaites vos changements.");
            values = null;
        }

        if (values is null)
        {
            await LoadAsync(id, cancellationToken);
            return Page();
        }

        session.Update(values.Date, values.Kind, values.Audience, values.Trainers, values.Place, values.DurationMinutes, now);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            ModelState.AddModelError("Input.Version", "La session a été modifiée entre-temps par quelqu'un d'autre : rechargez la page, puis refaites vos changements.");
            db.ChangeTracker.Clear();
            await LoadAsync(id, cancellationToken);
            return Page();
        }

        await audit.RecordAsync(AuditAction.Update, FormationAudit.Session, id.ToString(), cancellationToken: cancellationToken);
        Status = "La session est modifiée.";
        return Redirect($"/formation/sessions/{id}");
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var session = await db.TrainingSessions.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (session is null)
        {
            return false;
        }

        Session = session;
        Participants = await (from p in db.TrainingParticipations.AsNoTracking()
                              join person in db.TrainedPeople.AsNoTracking() on p.PersonId equals person.Id
                              where p.SessionId == id
                              orderby person.LastName, person.FirstName
                              select new ParticipantRow(person.Id, person.LastName, person.FirstName, person.Email, p.Employer, p.Category))
            .ToListAsync(cancellationToken);
        return true;
    }

    public sealed record ParticipantRow(Guid PersonId, string LastName, string FirstName, string? Email, string Employer, EmployerCategory Category);
}
