using Microsoft.EntityFrameworkCore;
using Vigie.Web.Data;

namespace Vigie.Web.Platform.Email.Outbox;

/// <summary>Which listener call goes with a change of state (returned by the change itself).</summary>
public enum OutboxEvent
{
    None,
    Accepted,
    Failed,
    Uncertain,
}

/// <summary>
/// Records one change of an outbox message and tells the listener of its kind, in one transaction.
/// The change is conditional: the row is read again, checked, and written with its
/// <see cref="OutboxMessage.Version"/> as concurrency token, so of two writers only one wins.
/// </summary>
internal static class OutboxTransition
{
    /// <returns>The message as recorded, or null when it was not (no longer) in the expected state.</returns>
    public static async Task<OutboxMessage?> ApplyAsync(
        VigieDbContext db,
        IEnumerable<IOutboxListener> listeners,
        Guid id,
        Func<OutboxMessage, bool> expected,
        Func<OutboxMessage, OutboxEvent> change,
        CancellationToken cancellationToken)
    {
        // Inside the caller's transaction when it has one (its commit then carries the change).
        await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        var row = await db.OutboxMessages.SingleOrDefaultAsync(m => m.Id == id, cancellationToken);
        if (row is null || !expected(row))
        {
            return null;
        }

        var tell = change(row);
        row.Version++;
        var listener = listeners.FirstOrDefault(l => l.Kind == row.Kind);
        if (listener is not null)
        {
            await (tell switch
            {
                OutboxEvent.Accepted => listener.AcceptedAsync(db, row, cancellationToken),
                OutboxEvent.Failed => listener.FailedAsync(db, row, cancellationToken),
                OutboxEvent.Uncertain => listener.UncertainAsync(db, row, cancellationToken),
                _ => Task.CompletedTask,
            });
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
            if (transaction is not null)
            {
                await transaction.CommitAsync(cancellationToken);
            }

            return row;
        }
        catch (DbUpdateConcurrencyException)
        {
            // Another sender (or a person) changed it first: leave everything as they recorded it.
            db.ChangeTracker.Clear();
            return null;
        }
    }
}
