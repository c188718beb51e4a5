using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Vigie.Web.Data;
using Vigie.Web.Features.Situations;
using Vigie.Web.Platform.Audit;
using Vigie.Web.Platform.Crypto;
using Vigie.Web.Platform.Email;
using Vigie.Web.Platform.Email.Outbox;

namespace Vigie.Web.Features.Signalements;

/// <summary>
/// Confirms the sending of a validated signalement: re-checks its status and validations, renders
/// the PDF (no watermark), builds the e-mail, puts it in the outbox and freezes the signalement
/// (PDF, its SHA-256, who and when, status "en cours d'envoi") in one SaveChanges; then audits and
/// wakes the background sender. The status check and the version make a double click a no-op.
/// </summary>
public sealed class SendSignalement(
    VigieDbContext db,
    FieldCipher cipher,
    SignalementDocuments documents,
    IOptions<MailOptions> mail,
    IAuditLog audit,
    OutboxSignal signal)
{
    /// <summary>Null when the message is queued; otherwise why not, in French.</summary>
    public async Task<string?> SendAsync(Guid signalementId, int expectedVersion, string userId, DateTime nowUtc, CancellationToken cancellationToken = default)
    {
        var signalement = await db.Signalements.Include(s => s.Authors).FirstOrDefaultAsync(s => s.Id == signalementId, cancellationToken);
        if (signalement is null)
        {
            return "Ce signalement n'existe plus.";
        }

        if (signalement.Status is not (SignalementStatus.Brouillon or SignalementStatus.Echec))
        {
            return "Ce signalement est déjà parti : il n'est pas envoyé une seconde fois.";
        }

        if (signalement.Version != expectedVersion)
        {
            return "Le signalement a changé depuis que vous l'avez ouvert : relisez-le, puis envoyez-le à nouveau.";
        }

        if (signalement.Authors.All(a => a.UserId != userId))
        {
            return "Seul un auteur du signalement peut l'envoyer.";
        }

        if (signalement.Authors.Count == 0 || signalement.Authors.Any(a => a.ValidatedAt is null))
        {
            return "Chaque auteur doit d'abord valider le texte.";
        }

        signalement.Authors.Sort((a, b) => a.Position.CompareTo(b.Position));
        var pdf = await documents.RenderAsync(signalement, nowUtc, watermark: null, cancellationToken);
        var message = SignalementMail.Build(mail.Value, signalement, SignalementRecipient.FromJson(signalement.RecipientsJson), pdf);
        var outbox = MailOutbox.Add(db, cipher, message, SignalementOutboxListener.OutboxKind, signalement.Id, nowUtc);

        db.Entry(signalement).Property(s => s.Version).OriginalValue = expectedVersion;
        signalement.Version = expectedVersion + 1;
        signalement.PdfEncrypted = cipher.Encrypt(Convert.ToBase64String(pdf), Signalement.PdfPurpose);
        signalement.PdfSha256 = SignalementDocuments.Sha256(pdf);
        signalement.QueuedAt = nowUtc;
        signalement.SentById = userId;
        signalement.OutboxMessageId = outbox.Id;
        signalement.Status = SignalementStatus.EnEnvoi;
        signalement.FailureReason = null;
        signalement.UpdatedAt = nowUtc;
        signalement.UpdatedById = userId;
        db.SituationEvents.Add(SituationEvent.Of(signalement.SituationId, nowUtc, userId, SignalementEvents.Sent, signalement.Id.ToString()));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Someone (or a second click) sent or changed it first: nothing of ours was written.
            db.ChangeTracker.Clear();
            return "Ce signalement vient d'être envoyé ou modifié par ailleurs : il n'est pas envoyé une seconde fois.";
        }

        await audit.RecordAsync(AuditAction.SignalementSent, AuditRecordType.Signalement, signalement.Id.ToString(), actorId: userId, cancellationToken: cancellationToken);
        signal.Wake();
        return null;
    }
}
