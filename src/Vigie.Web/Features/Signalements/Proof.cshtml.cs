using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Vigie.Web.Data;
using Vigie.Web.Features.Compte;
using Vigie.Web.Features.Situations;
using Vigie.Web.Platform.Audit;
using Vigie.Web.Platform.Crypto;
using Vigie.Web.Platform.Email.Outbox;

namespace Vigie.Web.Features.Signalements;

/// <summary>
/// The proof of sending: what was sent (reference, kind, recipients, subject), when it was queued
/// and accepted, the server's reply, the Message-ID and the SHA-256 of the PDF sent.
/// </summary>
[Authorize(Policy = Policies.Situations)]
public sealed class ProofModel(
    VigieDbContext db,
    FieldCipher cipher,
    IAuditLog audit,
    TimeProvider clock,
    IAuthorizationService authorization,
    StepUp stepUp,
    OutboxResolution resolution) : PageModel
{
    /// <summary>The code field of the resolution forms (step-up).</summary>
    [BindProperty]
    public string? Code { get; set; }

    public bool NeedsCode { get; private set; } = true;

    /// <summary>Coordination settles an interrupted send ("à vérifier").</summary>
    public bool MayResolve => IsCoordination && Current.Signalement.Status == SignalementStatus.AVerifier && Outbox?.Status == OutboxStatus.Uncertain;

    [TempData]
    public string? Status { get; set; }

    public SignalementInScope Current { get; private set; } = null!;

    public string MinorName { get; private set; } = string.Empty;

    public IReadOnlyList<SignalementRecipient> Recipients { get; private set; } = [];

    public string Subject => SignalementMail.Subject(Current.Signalement.Kind, Current.Signalement.Reference);

    public OutboxMessage? Outbox { get; private set; }

    public string? SentBy { get; private set; }

    public bool IsCoordination => SignalementAccess.IsCoordination(User);

    public async Task<IActionResult> OnGetAsync(Guid sid)
    {
        if (!await LoadAsync(sid))
        {
            return NotFound();
        }

        await audit.RecordAsync(AuditAction.Read, AuditRecordType.SignalementProof, sid.ToString());
        return Page();
    }

    /// <summary>"Le destinataire a bien reçu le message": the send is settled as accepted (the listener makes the signalement effectué).</summary>
    public Task<IActionResult> OnPostConfirmAsync(Guid sid) => ResolveAsync(sid, confirm: true);

    /// <summary>"Renvoyer le même message": the very same message (same Message-ID) goes back to the outbox.</summary>
    public Task<IActionResult> OnPostSendAgainAsync(Guid sid) => ResolveAsync(sid, confirm: false);

    private async Task<IActionResult> ResolveAsync(Guid sid, bool confirm)
    {
        if (!await LoadAsync(sid))
        {
            return NotFound();
        }

        if (!IsCoordination)
        {
            await audit.RecordAsync(AuditAction.SignalementSendResolved, AuditRecordType.Signalement, sid.ToString(), AuditOutcome.Failure);
            return Forbid();
        }

        if (!MayResolve)
        {
            ModelState.AddModelError(string.Empty, "Cet envoi n'est pas (ou plus) à vérifier : rien n'a été changé.");
            return Page();
        }

        if (NeedsCode && !await stepUp.VerifyAsync(User, Code, $"/signalements/{sid}/preuve"))
        {
            Code = null;
            ModelState.AddModelError(nameof(Code), "Code incorrect, déjà utilisé ou absent : saisissez le code à 6 chiffres affiché par votre application d'authentification.");
            return Page();
        }

        var userId = SignalementAccess.UserId(User)!;
        var outboxId = Current.Signalement.OutboxMessageId!.Value;
        var result = confirm
            ? await resolution.ConfirmReceivedAsync(outboxId, userId)
            : await resolution.SendAgainAsync(outboxId, userId);
        if (result.Outcome != OutboxResolutionOutcome.Resolved)
        {
            ModelState.AddModelError(string.Empty, "Cet envoi vient d'être réglé par ailleurs : rien n'a été changé.");
            return Page();
        }

        var now = clock.GetUtcNow().UtcDateTime;
        if (!confirm)
        {
            // Back in the queue: the signalement is being sent again (the listener tells the outcome).
            await db.Signalements.Where(s => s.Id == sid && s.Status == SignalementStatus.AVerifier)
                .ExecuteUpdateAsync(u => u.SetProperty(s => s.Status, SignalementStatus.EnEnvoi).SetProperty(s => s.FailureReason, (string?)null)
                    .SetProperty(s => s.Version, s => s.Version + 1).SetProperty(s => s.UpdatedAt, now).SetProperty(s => s.UpdatedById, userId));
        }

        db.SituationEvents.Add(SituationEvent.Of(Current.Signalement.SituationId, now, userId, SignalementEvents.Resolved, sid.ToString()));
        await db.SaveChangesAsync();
        await audit.RecordAsync(AuditAction.SignalementSendResolved, AuditRecordType.Signalement, sid.ToString());
        Status = confirm
            ? "Réception confirmée : le signalement est effectué."
            : "Le même message (même identifiant) repart vers le destinataire.";
        return Redirect($"/signalements/{sid}/preuve");
    }

    private async Task<bool> LoadAsync(Guid sid)
    {
        var found = await SignalementAccess.FindAsync(db, User, sid, clock.GetUtcNow().UtcDateTime);
        if (found is null)
        {
            return false;
        }

        Current = found;
        MinorName = found.Situation.MinorName(cipher);
        Recipients = SignalementRecipient.FromJson(found.Signalement.RecipientsJson);
        Outbox = found.Signalement.OutboxMessageId is { } outboxId
            ? await db.OutboxMessages.AsNoTracking().FirstOrDefaultAsync(m => m.Id == outboxId)
            : null;
        NeedsCode = !(await authorization.AuthorizeAsync(User, Policies.RecentStepUp)).Succeeded;
        SentBy = found.Signalement.SentById is { } sender
            ? await db.Users.AsNoTracking().Where(u => u.Id == sender).Select(u => u.DisplayName).FirstOrDefaultAsync()
            : null;
        return true;
    }
}
