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
/// Appends entries one at a time. Within a process a semaphore orders writers; across processes
/// sharing a PostgreSQL database a transaction-scoped advisory lock does, and SQLite's single
/// writer does the same. The sequence is the primary key, so a fork would fail rather than pass.
/// </summary>
public sealed class AuditChainWriter(
    IDbContextFactory<VigieDbContext> dbFactory,
    AuditKey key,
    TimeProvider clock,
    ILogger<AuditChainWriter> logger) : IDisposable
{
    private const long PostgresLockId = 0x56696769_65417564; // "VigieAud"
    private readonly SemaphoreSlim _gate = new(1, 1);

    public void Dispose() => _gate.Dispose();

    public async Task<AuditEntry> AppendAsync(AuditRecord record, CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    return await AppendOnceAsync(record, cancellationToken);
                }
                catch (DbUpdateException ex) when (attempt < 5)
                {
                    // Another process appended the same sequence number first: read the new head and retry.
                    logger.LogWarning(ex, "Audit append collided (attempt {Attempt}); retrying", attempt);
                }
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<AuditEntry> AppendOnceAsync(AuditRecord record, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (db.Database.IsNpgsql())
        {
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({PostgresLockId})", cancellationToken);
        }

        var head = await db.AuditEntries.AsNoTracking()
            .OrderByDescending(e => e.Sequence)
            .Select(e => new { e.Sequence, e.Hmac })
            .FirstOrDefaultAsync(cancellationToken);

        var sequence = (head?.Sequence ?? 0) + 1;
        var at = AuditChain.Normalise(clock.GetUtcNow().UtcDateTime);
        var hmac = AuditChain.ComputeHmac(key.Secret, sequence, at, record.ActorId, record.Action, record.RecordType,
            record.RecordId, record.Outcome, record.Ip, key.Id, head?.Hmac ?? string.Empty);
        var entry = new AuditEntry
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
        };
        db.AuditEntries.Add(entry);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return entry;
    }
}
