using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Vigie.Web.Data;
using Vigie.Web.Platform.Audit;
using Vigie.Web.Platform.Crypto;

namespace Vigie.Web.Features.Situations;

public sealed class DetailsModel(VigieDbContext db, FieldCipher cipher, IAuditLog audit, TimeProvider clock) : PageModel
{
    [TempData]
    public string? Status { get; set; }

    public Guid Id { get; private set; }

    public MinorIdentity Identity { get; private set; } = new(string.Empty, string.Empty, default);

    public Row Summary { get; private set; } = null!;

    /// <summary>How the user reaches it when it is not their organisation's (shared, emergency access).</summary>
    public SituationReach Reach { get; private set; } = SituationReach.Ordinary;

    /// <summary>Close, reopen and correct the identity: Coordination and the referent organisation only.</summary>
    public bool MayManage { get; private set; }

    /// <summary>The situation's signalements and informations préoccupantes, with their status in words.</summary>
    public IReadOnlyList<Signalements.SignalementRow> Signalements { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id) =>
        await ShowAsync(id) ? Page() : NotFound();

    public async Task<IActionResult> OnPostCloseAsync(Guid id, ClosureReason? reason)
    {
        var situation = await db.Situations.VisibleTo(User, clock.GetUtcNow().UtcDateTime).FirstOrDefaultAsync(s => s.Id == id);
        if (situation is null)
        {
            return NotFound();
        }

        if (!SituationScope.MayManage(User, situation))
        {
            return Forbid();
        }

        if (reason is null || !Enum.IsDefined(reason.Value))
        {
            ModelState.Clear();
            ModelState.AddModelError("Reason", "Choisissez le motif de clôture.");
            return await ShowAsync(id) ? Page() : NotFound();
        }

        if (situation.Status == SituationStatus.Cloturee)
        {
            Status = "La situation était déjà clôturée.";
            return RedirectToPage(new { id });
        }

        var now = clock.GetUtcNow().UtcDateTime;
        situation.Close(reason.Value, now);
        db.SituationEvents.Add(SituationEvent.Of(id, now, User.FindFirstValue(ClaimTypes.NameIdentifier)!, SituationEventKind.Closed, reason.Value.ToString()));
        await db.SaveChangesAsync();
        await audit.RecordAsync(AuditAction.Update, AuditRecordType.Situation, id.ToString());
        Status = "La situation est clôturée.";
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostReopenAsync(Guid id)
    {
        var situation = await db.Situations.VisibleTo(User, clock.GetUtcNow().UtcDateTime).FirstOrDefaultAsync(s => s.Id == id);
        if (situation is null)
        {
            return NotFound();
        }

        if (!SituationScope.MayManage(User, situation))
        {
            return Forbid();
        }

        if (situation.Status == SituationStatus.Cloturee)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            situation.Reopen(now);
            db.SituationEvents.Add(SituationEvent.Of(id, now, User.FindFirstValue(ClaimTypes.NameIdentifier)!, SituationEventKind.Reopened, situation.Status.ToString()));
            await db.SaveChangesAsync();
            await audit.RecordAsync(AuditAction.Update, AuditRecordType.Situation, id.ToString());
        }

        Status = "La situation est rouverte.";
        return RedirectToPage(new { id });
    }

    /// <summary>Loads what the page shows; false when the situation is out of scope or absent (the same 404).</summary>
    private async Task<bool> ShowAsync(Guid id)
    {
        var situation = await db.Situations.AsNoTracking().VisibleTo(User, clock.GetUtcNow().UtcDateTime)
            .Where(s => s.Id == id)
            .Select(s => new { Entity = s, Organisation = s.ReferentOrganisation!.Name })
            .FirstOrDefaultAsync();
        if (situation is null)
        {
            return false;
        }

        Id = id;
        Identity = situation.Entity.ReadIdentity(cipher);
        Summary = new Row(situation.Entity.Status, situation.Entity.Sex, situation.Entity.Territory, situation.Organisation,
            situation.Entity.CreatedAt, situation.Entity.ClosureReason)
        {
            EvaluationCount = situation.Entity.EvaluationCount,
            Level = situation.Entity.Level,
            DetectedOn = situation.Entity.DetectedOn,
        };
        MayManage = SituationScope.MayManage(User, situation.Entity);
        Reach = await SituationReach.OfAsync(db, User, id, situation.Entity.ReferentOrganisationId, clock.GetUtcNow().UtcDateTime);
        Signalements = await Features.Signalements.SignalementRows.OfSituationAsync(db, id);
        await audit.RecordAsync(AuditAction.Read, AuditRecordType.Situation, id.ToString());
        return true;
    }

    public sealed record Row(SituationStatus Status, Sex Sex, string? Territory, string Organisation, DateTime CreatedAt, ClosureReason? ClosureReason)
    {
        /// <summary>The current evaluation (0: none validated yet), its level and detection date.</summary>
        public int EvaluationCount { get; init; }

        public Trame.QualificationLevel? Level { get; init; }

        public DateOnly? DetectedOn { get; init; }
    }
}
