using Microsoft.EntityFrameworkCore;
using Vigie.Web.Data;

namespace Vigie.Web.Platform.Email.Outbox;

public enum OutboxResolutionOutcome
{
    /// <summary>The message was uncertain and is now settled as asked.</summary>
    Resolved,

    NotFound,

    /// <summary>The message is not (or no longer) uncertain: nothing was changed.</summary>
    NotUncertain,
}

public sealed record OutboxResolutionResult(OutboxResolutionOutcome Outcome, OutboxMessage? Message);

/// <summary>
/// A person's decision on an <see cref="OutboxStatus.Uncertain"/> message, after checking with the
/// recipient: it was received, or it must be sent again (with the same Message-ID, so the recipient's
/// system can recognise a duplicate). The caller checks the person's rights and audits the decision.
/// </summary>
public sealed class OutboxResolution(VigieDbContext db, IEnumerable<IOutboxListener> listeners, OutboxSignal signal, TimeProvider clock)
{
    public const string ConfirmedByPerson = "ConfirmeParUnePersonne";
    public const string SentAgainByPerson = "RenvoyeParUnePersonne";

    /// <summary>The recipient confirmed receipt: Accepted, the listener is told.</summary>
    public Task<OutboxResolutionResult> ConfirmReceivedAsync(Guid outboxId, string userId, CancellationToken cancellationToken = default) =>
        ResolveAsync(outboxId, userId, ConfirmedByPerson, m =>
        {
            m.Status = OutboxStatus.Accepted;
            m.AcceptedAt = m.ResolvedAt;
            m.ServerResponse = null; // no server answer: the proof is the person's confirmation
            return OutboxEvent.Accepted;
        }, cancellationToken);

    /// <summary>The recipient did not get it: back in the queue for one more automatic hand-over.</summary>
    public async Task<OutboxResolutionResult> SendAgainAsync(Guid outboxId, string userId, CancellationToken cancellationToken = default)
    {
        var result = await ResolveAsync(outboxId, userId, SentAgainByPerson, m =>
        {
            m.Status = OutboxStatus.Pending;
            m.NextAttemptAt = m.ResolvedAt!.Value;
            m.ClaimedBy = null;
            m.ClaimedUntil = null;
            return OutboxEvent.None;
        }, cancellationToken);
        if (result.Outcome == OutboxResolutionOutcome.Resolved)
        {
            signal.Wake();
        }

        return result;
    }

    private async Task<OutboxResolutionResult> ResolveAsync(Guid outboxId, string userId, string resolution, Func<OutboxMessage, OutboxEvent> change, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var row = await OutboxTransition.ApplyAsync(db, listeners, outboxId, m => m.Status == OutboxStatus.Uncertain, m =>
        {
            m.ResolvedById = userId;
            m.ResolvedAt = now;
            m.Resolution = resolution;
            return change(m);
        }, cancellationToken);
        if (row is not null)
        {
            return new OutboxResolutionResult(OutboxResolutionOutcome.Resolved, row);
        }

        var current = await db.OutboxMessages.AsNoTracking().SingleOrDefaultAsync(m => m.Id == outboxId, cancellationToken);
        return new OutboxResolutionResult(current is null ? OutboxResolutionOutcome.NotFound : OutboxResolutionOutcome.NotUncertain, current);
    }
}
