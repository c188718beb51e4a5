using Microsoft.EntityFrameworkCore;
using Vigie.Web.Data;

namespace Vigie.Web.Platform.Audit;

/// <summary>What a module reports; the writer adds the sequence, the key id and the HMAC.</summary>
public sealed record AuditRecord(
    string Action,
    AuditOutcome Outcome,
    string? ActorId,
    string? RecordType,
    string? RecordId,
    string? Ip);

/// <summary>
/// Appends entries to the chain with group commit: a caller queues its record and waits for the
/// writer's gate; whoever holds the gate writes every record queued so far (its own and the
/// others', up to <see cref="MaxBatch"/>) in one transaction, chaining them in queue order, and
/// completes each caller once the transaction is committed. A caller therefore returns only when
/// its entry is durable, as before, while concurrent requests share one commit (one disk flush)
/// instead of queueing one commit each. Within a process the gate orders writers; across processes
/// sharing a PostgreSQL database a transaction-scoped advisory lock does, and SQLite's single
/// writer does the same. The sequence is the primary key, so a fork would fail rather than pass.
/// </summary>
public sealed class AuditChainWriter(
    IDbContextFactory<VigieDbContext> dbFactory,
    AuditKey key,
    TimeProvider clock,
    ILogger<AuditChainWriter> logger) : IDisposable
{
    public const int MaxBatch = 256;
    private const long PostgresLockId = 0x56696769_65417564; // "VigieAud"
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly System.Collections.Concurrent.ConcurrentQueue<Pending> _queue = new();

    public void Dispose() => _gate.Dispose();

    public async Task<AuditEntry> AppendAsync(AuditRecord record, CancellationToken cancellationToken = default)
    {
        var pending = new Pending(record);
        _queue.Enqueue(pending);
        // Not cancellable: once queued, the record is written by whoever holds the gate next, and
        // this caller must stay to write it if nobody else does.
        await _gate.WaitAsync(CancellationToken.None);
        try
        {
            while (!pending.Done.Task.IsCompleted)
            {
                var batch = new List<Pending>();
                while (batch.Count < MaxBatch && _queue.TryDequeue(out var next))
                {
                    batch.Add(next);
                }

                await WriteWithRetriesAsync(batch);
            }
        }
        finally
        {
            _gate.Release();
        }

        return await pending.Done.Task.WaitAsync(cancellationToken);
    }

    private async Task WriteWithRetriesAsync(List<Pending> batch)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var entries = await AppendBatchAsync(batch);
                for (var i = 0; i < batch.Count; i++)
                {
                    batch[i].Done.TrySetResult(entries[i]);
                }

                return;
            }
            catch (DbUpdateException ex) when (attempt < 5)
            {
                // Another process appended the same sequence number first: read the new head and retry.
                logger.LogWarning(ex, "Audit append collided (attempt {Attempt}); retrying", attempt);
            }
            catch (Exception ex)
            {
                foreach (var pending in batch)
                {
                    pending.Done.TrySetException(ex);
                }

                return;
            }
        }
    }

    private async Task<List<AuditEntry>> AppendBatchAsync(List<Pending> batch)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        await using var transaction = await db.Database.BeginTransactionAsync();
        if (db.Database.IsNpgsql())
        {
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({PostgresLockId})");
        }

        var head = await db.AuditEntries.AsNoTracking()
            .OrderByDescending(e => e.Sequence)
            .Select(e => new { e.Sequence, e.Hmac })
            .FirstOrDefaultAsync();

        var sequence = head?.Sequence ?? 0;
        var previous = head?.Hmac ?? string.Empty;
        var entries = new List<AuditEntry>(batch.Count);
        foreach (var record in batch.Select(p => p.Record))
        {
            sequence++;
            var at = AuditChain.Normalise(clock.GetUtcNow().UtcDateTime);
            var hmac = AuditChain.ComputeHmac(key.Secret, sequence, at, record.ActorId, record.Action, record.RecordType,
                record.RecordId, record.Outcome, record.Ip, key.Id, previous);
            entries.Add(new AuditEntry
            {
                Sequence = sequence,
                At = at,
                ActorId = record.ActorId,
                Action = record.Action,
                RecordType = record.RecordType,
                RecordId = record.RecordId,
                Outcome = record.Outcome,
                Ip = record.Ip,
                KeyId = key.Id,
                Hmac = hmac,
            });
            previous = hmac;
        }

        db.AuditEntries.AddRange(entries);
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        return entries;
    }

    private sealed class Pending(AuditRecord record)
    {
        public AuditRecord Record { get; } = record;

        public TaskCompletionSource<AuditEntry> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
