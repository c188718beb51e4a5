using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Vigie.Web.Data;
using Vigie.Web.Features.Compte;
using Vigie.Web.Features.Situations;
using Vigie.Web.Platform.Audit;
using Vigie.Web.Platform.Crypto;

namespace Vigie.Web.Features.Commission.Actions;

/// <summary>
/// One commission action: its description, and closing it (done, impossible, not done) with an
/// optional note, by its owner (or, without one, its organisation) or Coordination; Coordination
/// reopens it. Others get 404. Concurrency on <see cref="CommissionAction.Version"/>.
/// </summary>
[Authorize(Policy = Policies.Actions)]
public sealed class DetailsModel(VigieDbContext db, FieldCipher cipher, IAuditLog audit, TimeProvider clock) : PageModel
{
    public const int NoteMaxLength = 2000;

    /// <summary>The outcomes offered when closing.</summary>
    public static readonly IReadOnlyList<ActionStatus> Outcomes = [ActionStatus.Faite, ActionStatus.Impossible, ActionStatus.NonFaite];

    [BindProperty]
    public CloseInput Input { get; set; } = new();

    [TempData]
    public string? Status { get; set; }

    public CommissionAction Action { get; private set; } = null!;

    public ActionRow Row { get; private set; } = null!;

    public string Description { get; private set; } = string.Empty;

    public string? ClosingNote { get; private set; }

    public string? ClosedBy { get; private set; }

    public bool MayReopen => User.IsInRole(Roles.Coordination) && Action.Status != ActionStatus.Ouverte;

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        Input.Version = Action.Version;
        await audit.RecordAsync(AuditAction.Read, AuditRecordType.CommissionAction, id.ToString());
        return Page();
    }

    public async Task<IActionResult> OnPostCloseAsync(Guid id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        ActionStatus? outcome = Enum.TryParse<ActionStatus>(Input.Outcome, out var parsed) && Outcomes.Contains(parsed)
            && !int.TryParse(Input.Outcome, out _) ? parsed : null;
        if (outcome is null)
        {
            ModelState.AddModelError("Input.Outcome", "Choisissez comment l'action se termine : faite, impossible ou non faite.");
        }

        var note = Input.Note?.Trim();
        if (note is { Length: > NoteMaxLength })
        {
            ModelState.AddModelError("Input.Note", $"La note fait {note.Length} caractères : {NoteMaxLength} au plus.");
        }

        if (Action.Status != ActionStatus.Ouverte)
        {
            ModelState.AddModelError(string.Empty, "Cette action est déjà close.");
        }

        if (!ModelState.IsValid || outcome is null)
        {
            return Page();
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var userId = User.FindFirstValue(ClaimTypes.NameIdentifier)!;
        var encrypted = string.IsNullOrEmpty(note) ? null : cipher.Encrypt(note, CommissionAction.ClosingPurpose);
        var updated = await db.CommissionActions
            .Where(a => a.Id == id && a.Version == Input.Version && a.Status == ActionStatus.Ouverte)
            .ExecuteUpdateAsync(u => u.SetProperty(a => a.Status, outcome.Value).SetProperty(a => a.ClosedAt, now)
                .SetProperty(a => a.ClosedById, userId).SetProperty(a => a.ClosingNoteEncrypted, encrypted)
                .SetProperty(a => a.Version, a => a.Version + 1));
        if (updated == 0)
        {
            return await ConflictAsync(id);
        }

        await audit.RecordAsync(AuditAction.Update, AuditRecordType.CommissionAction, $"{id}#cloture");
        Status = $"L'action est close : {CommissionLabels.Action(outcome.Value).ToLowerInvariant()}.";
        return Redirect($"/actions/{id}");
    }

    public async Task<IActionResult> OnPostReopenAsync(Guid id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        if (!User.IsInRole(Roles.Coordination))
        {
            await audit.RecordAsync(AuditAction.Update, AuditRecordType.CommissionAction, $"{id}#reouverture", AuditOutcome.Denied);
            return Forbid();
        }

        var updated = await db.CommissionActions
            .Where(a => a.Id == id && a.Version == Input.Version && a.Status != ActionStatus.Ouverte)
            .ExecuteUpdateAsync(u => u.SetProperty(a => a.Status, ActionStatus.Ouverte).SetProperty(a => a.ClosedAt, (DateTime?)null)
                .SetProperty(a => a.ClosedById, (string?)null).SetProperty(a => a.ClosingNoteEncrypted, (string?)null)
                .SetProperty(a => a.Version, a => a.Version + 1));
        if (updated == 0)
        {
            return await ConflictAsync(id);
        }

        await audit.RecordAsync(AuditAction.Update, AuditRecordType.CommissionAction, $"{id}#reouverture");
        Status = "L'action est rouverte.";
        return Redirect($"/actions/{id}");
    }

    /// <summary>Someone changed the action since the page was shown: say who, keep what was typed.</summary>
    private async Task<IActionResult> ConflictAsync(Guid id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        var who = ClosedBy ?? "une autre personne";
        ModelState.AddModelError(string.Empty, $"L'action a été modifiée par {who} entre-temps (elle est maintenant « {CommissionLabels.Action(Action.Status)} ») : vérifiez-la avant d'enregistrer à nouveau.");
        ModelState.Remove("Input.Version");
        Input.Version = Action.Version;
        return Page();
    }

    private async Task<bool> LoadAsync(Guid id)
    {
        var action = await db.CommissionActions.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id);
        if (action is null || !ActionRows.MayOpen(User, action))
        {
            return false;
        }

        Action = action;
        var now = clock.GetUtcNow().UtcDateTime;
        Row = (await ActionRows.LoadAsync(db, cipher, User, now, db.CommissionActions.Where(a => a.Id == id))).Single();
        Description = cipher.Decrypt(action.DescriptionEncrypted, CommissionAction.DescriptionPurpose);
        ClosingNote = action.ClosingNoteEncrypted is null ? null : cipher.Decrypt(action.ClosingNoteEncrypted, CommissionAction.ClosingPurpose);
        ClosedBy = action.ClosedById is null ? null : await db.Users.Where(u => u.Id == action.ClosedById).Select(u => u.DisplayName).FirstOrDefaultAsync();
        return true;
    }

    public sealed class CloseInput
    {
        public string? Outcome { get; set; }

        public string? Note { get; set; }

        public int Version { get; set; }
    }
}
