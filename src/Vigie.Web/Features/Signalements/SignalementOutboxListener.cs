using Microsoft.EntityFrameworkCore;
using Vigie.Web.Data;
using Vigie.Web.Features.Compte;
using Vigie.Web.Features.Notifications;
using Vigie.Web.Features.Situations;
using Vigie.Web.Features.Situations.LegalSteps;
using Vigie.Web.Platform.Email.Outbox;

namespace Vigie.Web.Features.Signalements;

/// <summary>
/// What becomes of a signalement when the background sender settles its message, inside the
/// sender's transaction: accepted → effectué (proof copied, legal step, situation signalée,
/// timeline); refused → échec; interrupted → à vérifier. Failures notify the authors and
/// Coordination in Vigie (fixed text, no personal data; no e-mail from inside the sender).
/// Nothing is saved here: the sender saves the outbox row and these changes together, so the
/// situation's next due date is computed in memory (<see cref="LegalStepDue.Earliest"/>, the rule
/// <see cref="LegalStepDue.RefreshAsync"/> applies in the database).
/// </summary>
public sealed class SignalementOutboxListener(TimeProvider clock) : IOutboxListener
{
    public const string OutboxKind = "signalement";

    public string Kind => OutboxKind;

    public async Task AcceptedAsync(VigieDbContext db, OutboxMessage message, CancellationToken cancellationToken)
    {
        var signalement = await FindAsync(db, message, cancellationToken);
        if (signalement is null || signalement.Status == SignalementStatus.Effectue)
        {
            return;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var acceptedAt = message.AcceptedAt ?? now;
        signalement.Status = SignalementStatus.Effectue;
        signalement.AcceptedAt = acceptedAt;
        signalement.MessageId = message.MessageId;
        signalement.ServerResponse = message.ServerResponse;
        signalement.FailureReason = null;
        signalement.Version++;
        var sender = signalement.SentById ?? signalement.CreatedById;
        var recipients = SignalementRecipient.FromJson(signalement.RecipientsJson);
        var main = recipients.FirstOrDefault(r => !r.Copy);
        var stepKind = signalement.Kind == SignalementKind.Signalement ? LegalStepKind.Signalement : LegalStepKind.InformationPreoccupante;
        var step = new LegalStep
        {
            SituationId = signalement.SituationId,
            SignalementId = signalement.Id,
            Kind = stepKind,
            OccurredAt = acceptedAt,
            DueAt = LegalDeadlines.DueAt(stepKind, acceptedAt),
            Recipient = main?.Name,
            ResponsibleUserId = sender,
            RecordedById = sender,
            RecordedAt = now,
        };
        db.LegalSteps.Add(step);
        db.SituationEvents.Add(SituationEvent.Of(signalement.SituationId, acceptedAt, sender, SignalementEvents.Accepted, signalement.Id.ToString()));

        // A signalement to the parquet makes the situation "signalée" (an IP does not: the CRIP evaluates).
        var situation = await db.Situations.FirstAsync(s => s.Id == signalement.SituationId, cancellationToken);
        if (signalement.Kind == SignalementKind.Signalement && situation.Status != SituationStatus.Signalee
            && SituationTransitions.CanMove(situation.Status, SituationStatus.Signalee))
        {
            situation.MoveTo(SituationStatus.Signalee, now);
            db.SituationEvents.Add(SituationEvent.Of(situation.Id, now, sender, SituationEventKind.StatusChanged, SituationStatus.Signalee.ToString()));
        }

        var open = await db.LegalSteps.AsNoTracking()
            .Where(l => l.SituationId == signalement.SituationId && l.CompletedAt == null && l.DueAt != null).ToListAsync(cancellationToken);
        situation.SetNextDueAt(LegalStepDue.Earliest([.. open, step]));
    }

    public async Task FailedAsync(VigieDbContext db, OutboxMessage message, CancellationToken cancellationToken)
    {
        var reason = string.IsNullOrWhiteSpace(message.LastError)
            ? "Le serveur du destinataire a refusé le message."
            : message.LastError;
        await SettleAsync(db, message, SignalementStatus.Echec, reason, SignalementEvents.Failed, NotificationKind.SignalementFailed, cancellationToken);
    }

    public Task UncertainAsync(VigieDbContext db, OutboxMessage message, CancellationToken cancellationToken) =>
        SettleAsync(db, message, SignalementStatus.AVerifier,
            "L'envoi a été interrompu après la transmission du message : la coordination vérifie auprès du destinataire s'il l'a reçu avant tout nouvel envoi.",
            SignalementEvents.Uncertain, NotificationKind.SignalementUncertain, cancellationToken);

    private async Task SettleAsync(VigieDbContext db, OutboxMessage message, SignalementStatus status, string reason, string eventKind,
        string notificationKind, CancellationToken cancellationToken)
    {
        var signalement = await FindAsync(db, message, cancellationToken);
        if (signalement is null || signalement.Status == SignalementStatus.Effectue)
        {
            return;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        signalement.Status = status;
        signalement.FailureReason = reason.Length <= 1000 ? reason : reason[..1000];
        signalement.Version++;
        db.SituationEvents.Add(SituationEvent.Of(signalement.SituationId, now, signalement.SentById ?? signalement.CreatedById, eventKind, signalement.Id.ToString()));

        var coordination = await db.Users.AsNoTracking()
            .Where(u => u.IsActive && db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == Roles.Coordination)))
            .Select(u => u.Id).ToListAsync(cancellationToken);
        var link = $"/signalements/{signalement.Id}/preuve";
        foreach (var userId in signalement.Authors.Select(a => a.UserId).Concat(coordination).Distinct())
        {
            db.Notifications.Add(new Notification
            {
                UserId = userId, Kind = notificationKind, Message = NotificationKind.Message(notificationKind), Link = link, CreatedAt = now,
            });
        }
    }

    private static Task<Signalement?> FindAsync(VigieDbContext db, OutboxMessage message, CancellationToken cancellationToken) =>
        db.Signalements.Include(s => s.Authors).FirstOrDefaultAsync(s => s.Id == message.SubjectId && s.OutboxMessageId == message.Id, cancellationToken);
}
