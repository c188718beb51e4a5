using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Vigie.Web.Data;
using Vigie.Web.Features.Compte;
using Vigie.Web.Features.Situations;
using Vigie.Web.Platform.Audit;
using Vigie.Web.Platform.Crypto;

namespace Vigie.Web.Features.Signalements;

/// <summary>The signalements of one situation, and the buttons that draft a new one from the current evaluation.</summary>
[Authorize(Policy = Policies.Situations)]
public sealed class IndexModel(VigieDbContext db, FieldCipher cipher, DraftSignalement drafts, IAuditLog audit, TimeProvider clock) : PageModel
{
    [TempData]
    public string? Status { get; set; }

    public Guid Id { get; private set; }

    public string MinorName { get; private set; } = string.Empty;

    public bool MayDraft { get; private set; }

    public bool ReadOnlyAccess { get; private set; }

    public bool IsClosed { get; private set; }

    public int EvaluationCount { get; private set; }

    public IReadOnlyList<SignalementRow> Rows { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id) => await ShowAsync(id) ? Page() : NotFound();

    public Task<IActionResult> OnPostSignalementAsync(Guid id) => CreateAsync(id, SignalementKind.Signalement);

    public Task<IActionResult> OnPostInformationAsync(Guid id) => CreateAsync(id, SignalementKind.InformationPreoccupante);

    private async Task<IActionResult> CreateAsync(Guid id, SignalementKind kind)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var situation = await db.Situations.AsNoTracking().VisibleTo(User, now).Where(s => s.Id == id)
            .Select(s => new { s.Status, s.ReferentOrganisationId }).FirstOrDefaultAsync();
        if (situation is null)
        {
            return NotFound();
        }

        if (!(await SituationReach.OfAsync(db, User, id, situation.ReferentOrganisationId, now)).MayContribute)
        {
            await audit.RecordAsync(AuditAction.Create, AuditRecordType.SituationSignalements, id.ToString(), AuditOutcome.Failure);
            return Forbid();
        }

        if (situation.Status == SituationStatus.Cloturee)
        {
            ModelState.AddModelError(string.Empty, "La situation est clôturée : rouvrez-la avant de rédiger.");
            return await ShowAsync(id) ? Page() : NotFound();
        }

        var signalement = await drafts.CreateAsync(id, kind, SignalementAccess.UserId(User)!, now);
        if (signalement is null)
        {
            ModelState.AddModelError(string.Empty, "Validez d'abord une évaluation de la situation : le brouillon est prérempli à partir de l'évaluation en cours.");
            return await ShowAsync(id) ? Page() : NotFound();
        }

        await audit.RecordAsync(AuditAction.Create, AuditRecordType.Signalement, signalement.Id.ToString());
        Status = $"Le brouillon {signalement.Reference} est créé à partir de l'évaluation n° {signalement.EvaluationNumber}. Relisez et complétez chaque rubrique.";
        return Redirect($"/signalements/{signalement.Id}");
    }

    private async Task<bool> ShowAsync(Guid id)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var situation = await db.Situations.AsNoTracking().VisibleTo(User, now).Where(s => s.Id == id)
            .Select(s => new { s.FirstNameEncrypted, s.LastNameEncrypted, s.Status, s.ReferentOrganisationId, s.EvaluationCount })
            .FirstOrDefaultAsync();
        if (situation is null)
        {
            return false;
        }

        Id = id;
        MinorName = Situation.DisplayName(cipher, situation.FirstNameEncrypted, situation.LastNameEncrypted);
        IsClosed = situation.Status == SituationStatus.Cloturee;
        ReadOnlyAccess = !(await SituationReach.OfAsync(db, User, id, situation.ReferentOrganisationId, now)).MayContribute;
        EvaluationCount = situation.EvaluationCount;
        MayDraft = !IsClosed && !ReadOnlyAccess;
        Rows = await SignalementRows.OfSituationAsync(db, id);
        await audit.RecordAsync(AuditAction.Read, AuditRecordType.SituationSignalements, id.ToString());
        return true;
    }
}

/// <summary>One line of a situation's signalements (no content: reference, kind, status, dates).</summary>
public sealed record SignalementRow(Guid Id, string Reference, SignalementKind Kind, SignalementStatus Status, DateTime CreatedAt, DateTime? AcceptedAt)
{
    public string StatusText => SignalementLabels.Status(Status, AcceptedAt);
}

public static class SignalementRows
{
    /// <summary>Call only for a situation the user may see.</summary>
    public static async Task<IReadOnlyList<SignalementRow>> OfSituationAsync(VigieDbContext db, Guid situationId) =>
        await db.Signalements.AsNoTracking().Where(s => s.SituationId == situationId).OrderByDescending(s => s.CreatedAt)
            .Select(s => new SignalementRow(s.Id, s.Reference, s.Kind, s.Status, s.CreatedAt, s.AcceptedAt)).ToListAsync();
}
