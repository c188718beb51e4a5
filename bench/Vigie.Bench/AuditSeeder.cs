using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Vigie.Web.Data;
using Vigie.Web.Platform.Audit;

namespace Vigie.Bench;

/// <summary>
/// Creates a new database through the application's migrations and fills its audit log with a
/// valid chain of entries, computed with <see cref="AuditChain.ComputeHmac(byte[], long, DateTime, string?, string, string?, string?, AuditOutcome, string?, string, string)"/>.
/// The data is deterministic (fixed seed and key) and looks like a year of use: 40 users, mostly
/// record reads, some logins, changes, exports and refusals.
/// </summary>
public static class AuditSeeder
{
    private const int BatchSize = 10_000;

    public static async Task<TimeSpan> SeedAsync(BenchTarget target, int count, TextWriter output)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        if (target.Provider == DatabaseProvider.Sqlite && File.Exists(Path.Combine(target.DataFolder, "vigie.db")))
        {
            throw new InvalidOperationException($"{target.DataFolder} already holds a database: seed into an empty folder.");
        }

        var watch = Stopwatch.StartNew();
        BenchHost.WriteTestKey(target);
        await using var host = BenchHost.Build(target);
        var services = host.Services;

        // The application's own start-up step: WAL journal on SQLite, then the migrations.
        await services.PrepareDatabaseAsync();
        var migrated = watch.Elapsed;

        var key = services.GetRequiredService<AuditKey>();
        var factory = services.GetRequiredService<IDbContextFactory<VigieDbContext>>();
        await using (var check = await factory.CreateDbContextAsync())
        {
            if (await check.AuditEntries.AnyAsync())
            {
                throw new InvalidOperationException("The audit log is not empty: seed a new database.");
            }
        }

        var generator = new EntryGenerator(key);
        for (var done = 0; done < count; done += BatchSize)
        {
            var size = Math.Min(BatchSize, count - done);
            await using var db = await factory.CreateDbContextAsync();
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            await using var transaction = await db.Database.BeginTransactionAsync();
            for (var i = 0; i < size; i++)
            {
                db.AuditEntries.Add(generator.Next());
            }

            await db.SaveChangesAsync();
            await transaction.CommitAsync();
        }

        watch.Stop();
        await output.WriteLineAsync(
            $"Seeded {count} audit entries ({target.Provider}) in {watch.Elapsed.TotalSeconds:0.00} s " +
            $"(migrations {migrated.TotalSeconds:0.00} s, inserts {(watch.Elapsed - migrated).TotalSeconds:0.00} s); key id {key.Id}.");
        return watch.Elapsed;
    }

    /// <summary>Deterministic, realistic-looking entries, each chained to the previous one.</summary>
    private sealed class EntryGenerator(AuditKey key)
    {
        private static readonly string[] Ips = [.. Enumerable.Range(1, 30).Select(i => $"192.0.2.{i}"), "2001:db8::7", "2001:db8::1:2"];
        private readonly Random _random = new(20_250_101);
        private readonly string[] _actors = NewActors(new Random(40), 40);
        private DateTime _at = new(2025, 1, 1, 7, 0, 0, DateTimeKind.Utc);
        private long _sequence;
        private string _previous = string.Empty;

        public AuditEntry Next()
        {
            _sequence++;
            _at = AuditChain.Normalise(_at.AddMicroseconds(_random.NextInt64(1_000_000, 600_000_000)));
            var actor = _actors[_random.Next(_actors.Length)];
            var ip = Ips[_random.Next(Ips.Length)];
            var roll = _random.Next(100);
            var (action, recordType, recordId, outcome) = roll switch
            {
                < 60 => (AuditAction.Read, "Dossier", Id(), AuditOutcome.Success),
                < 72 => (AuditAction.LoginSucceeded, null, null, AuditOutcome.Success),
                < 75 => (AuditAction.LoginFailed, null, null, AuditOutcome.Failure),
                < 87 => (AuditAction.Update, "Dossier", Id(), AuditOutcome.Success),
                < 92 => (AuditAction.Create, "Dossier", Id(), AuditOutcome.Success),
                < 95 => (AuditAction.Export, "Dossier", Id(), AuditOutcome.Success),
                < 98 => (AuditAction.AccessDenied, "Dossier", Id(), AuditOutcome.Denied),
                _ => (AuditAction.Logout, null, null, AuditOutcome.Success),
            };
            string? actorId = action == AuditAction.LoginFailed ? null : actor;
            var hmac = AuditChain.ComputeHmac(key.Secret, _sequence, _at, actorId, action, recordType, recordId, outcome, ip, key.Id, _previous);
            _previous = hmac;
            return new AuditEntry
            {
                Sequence = _sequence,
                At = _at,
                ActorId = actorId,
                Action = action,
                RecordType = recordType,
                RecordId = recordId,
                Outcome = outcome,
                Ip = ip,
                KeyId = key.Id,
                Hmac = hmac,
            };
        }

        private string Id() => _random.Next(1, 20_000).ToString(System.Globalization.CultureInfo.InvariantCulture);

        private static string[] NewActors(Random random, int count)
        {
            var actors = new string[count];
            var bytes = new byte[16];
            for (var i = 0; i < count; i++)
            {
                random.NextBytes(bytes);
                actors[i] = new Guid(bytes).ToString();
            }

            return actors;
        }
    }
}
