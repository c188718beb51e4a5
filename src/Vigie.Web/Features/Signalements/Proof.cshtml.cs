using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Vigie.Web.Data;
using Vigie.Web.Features.Compte;
using Vigie.Web.Platform.Audit;
using Vigie.Web.Platform.Crypto;
using Vigie.Web.Platform.Email.Outbox;

namespace Vigie.Web.Features.Signalements;

/// <summary>
/// The proof of sending: what was sent (reference, kind, recipients, subject), when it was queued
/// and accepted, the server's reply, the Message-ID and the SHA-256 of the PDF sent.
/// </summary>
[Authorize(Policy = Policies.Situations)]
public sealed partial class ProofModel(VigieDbContext db, FieldCipher cipher, IAuditLog audit, TimeProvider clock) : PageModel
{
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
        SentBy = found.Signalement.SentById is { } sender
            ? await db.Users.AsNoTracking().Where(u => u.Id == sender).Select(u => u.DisplayName).FirstOrDefaultAsync()
            : null;
        return true;
    }
}
