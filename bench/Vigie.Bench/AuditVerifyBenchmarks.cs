using System.Security.Cryptography;
using System.Text;
using BenchmarkDotNet.Attributes;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Vigie.Web.Data;
using Vigie.Web.Platform.Audit;

namespace Vigie.Bench;

/// <summary>
/// Times <see cref="AuditVerifier.VerifyAsync"/> over a seeded database (its folder in
/// <c>VIGIE_BENCH_DATA</c>, see <see cref="Program"/>), and splits it into its two halves: reading the
/// entries through EF Core, and recomputing the HMACs in memory. Two floors show what each half
/// costs at the least: the same rows through a bare SqliteDataReader, and HMAC-SHA256 alone over
/// buffers of the same size, with no field encoding.
/// </summary>
public class AuditVerifyBenchmarks
{
    private WebApplication? _host;
    private AuditVerifier? _verifier;
    private IDbContextFactory<VigieDbContext>? _factory;
    private AuditKey? _key;
    private List<AuditEntry> _entries = [];
    private byte[][] _encoded = [];
    private string? _sqliteConnectionString;

    [GlobalSetup]
    public void Setup()
    {
        _host = BenchHost.Build(BenchTargetFromEnvironment.Read());
        _verifier = _host.Services.GetRequiredService<AuditVerifier>();
        _factory = _host.Services.GetRequiredService<IDbContextFactory<VigieDbContext>>();
        _key = _host.Services.GetRequiredService<AuditKey>();
        using var db = _factory.CreateDbContext();
        _entries = [.. db.AuditEntries.AsNoTracking().OrderBy(e => e.Sequence)];
        if (_entries.Count == 0)
        {
            throw new InvalidOperationException("The audit log is empty: run the seed command first.");
        }

        // Same length as what ComputeHmac hashes: 16 bytes of numbers, 8 length prefixes, the fields in UTF-8.
        _encoded = [.. _entries.Select(e => new byte[16 + (8 * 4)
            + new[] { e.ActorId, e.Action, e.RecordType, e.RecordId, e.Outcome.ToString(), e.Ip, e.KeyId, e.Hmac }
                .Sum(f => f is null ? 0 : Encoding.UTF8.GetByteCount(f))])];
        _sqliteConnectionString = db.Database.IsSqlite() ? db.Database.GetConnectionString() : null;
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        if (_host is not null)
        {
            _host.DisposeAsync().AsTask().GetAwaiter().GetResult();
            _host = null;
        }
    }

    /// <summary>What the operator's command runs: read every entry in order and check its HMAC.</summary>
    [Benchmark(Baseline = true, Description = "AuditVerifier.VerifyAsync (whole chain)")]
    public async Task<long> VerifyChain()
    {
        var result = await _verifier!.VerifyAsync();
        if (!result.IsIntact || result.EntriesChecked != _entries.Count)
        {
            throw new InvalidOperationException($"Unexpected verification: {result}");
        }

        return result.EntriesChecked;
    }

    /// <summary>The reading half alone: the same EF Core query, no HMAC.</summary>
    [Benchmark(Description = "Read entries only (same EF query)")]
    public async Task<long> ReadOnly()
    {
        await using var db = await _factory!.CreateDbContextAsync();
        long count = 0;
        await foreach (var entry in db.AuditEntries.AsNoTracking().OrderBy(e => e.Sequence).AsAsyncEnumerable())
        {
            count += entry.Sequence > 0 ? 1 : 0;
        }

        return count;
    }

    /// <summary>Floor of the reading half: the same rows through Microsoft.Data.Sqlite directly (SQLite only).</summary>
    [Benchmark(Description = "Floor: same rows, bare SqliteDataReader")]
    public async Task<long> ReadRawSqlite()
    {
        if (_sqliteConnectionString is null)
        {
            return 0;
        }

        await using var connection = new SqliteConnection(_sqliteConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT "Sequence", "Action", "ActorId", "At", "Hmac", "Ip", "KeyId", "Outcome", "RecordId", "RecordType"
            FROM "AuditEntries" ORDER BY "Sequence"
            """;
        await using var reader = await command.ExecuteReaderAsync();
        long count = 0;
        while (await reader.ReadAsync())
        {
            var at = reader.GetDateTime(3);
            var hmac = reader.GetString(4);
            count += at.Ticks > 0 && hmac.Length > 0 ? 1 : 0;
            _ = reader.IsDBNull(2) ? null : reader.GetString(2);
            _ = reader.GetString(1);
            _ = reader.IsDBNull(5) ? null : reader.GetString(5);
            _ = reader.GetString(6);
            _ = Enum.Parse<AuditOutcome>(reader.GetString(7));
            _ = reader.IsDBNull(8) ? null : reader.GetString(8);
            _ = reader.IsDBNull(9) ? null : reader.GetString(9);
        }

        return count;
    }

    /// <summary>The computing half alone: AuditChain.ComputeHmac and the comparison over entries already in memory.</summary>
    [Benchmark(Description = "HMAC recompute only (in memory)")]
    public long HmacOnly()
    {
        var previous = string.Empty;
        long ok = 0;
        foreach (var entry in _entries)
        {
            var recomputed = AuditChain.ComputeHmac(_key!.Secret, entry, previous);
            if (CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(recomputed), Encoding.ASCII.GetBytes(entry.Hmac)))
            {
                ok++;
            }

            previous = entry.Hmac;
        }

        return ok;
    }

    /// <summary>Floor of the computing half: HMAC-SHA256 over buffers of the same lengths, nothing else.</summary>
    [Benchmark(Description = "Floor: HMAC-SHA256 only, same sizes")]
    public long HmacFloor()
    {
        Span<byte> mac = stackalloc byte[32];
        long sum = 0;
        foreach (var buffer in _encoded)
        {
            HMACSHA256.HashData(_key!.Secret, buffer, mac);
            sum += mac[0];
        }

        return sum;
    }
}

/// <summary>The target is handed to the benchmark class through the environment (BenchmarkDotNet creates it).</summary>
public static class BenchTargetFromEnvironment
{
    public const string DataVariable = "VIGIE_BENCH_DATA";
    public const string ProviderVariable = "VIGIE_BENCH_PROVIDER";
    public const string ConnectionVariable = "VIGIE_BENCH_CONNECTION";

    public static void Write(BenchTarget target)
    {
        Environment.SetEnvironmentVariable(DataVariable, target.DataFolder);
        Environment.SetEnvironmentVariable(ProviderVariable, target.Provider.ToString());
        Environment.SetEnvironmentVariable(ConnectionVariable, target.ConnectionString);
    }

    public static BenchTarget Read() => new(
        Environment.GetEnvironmentVariable(DataVariable) ?? throw new InvalidOperationException($"{DataVariable} is not set."),
        Enum.Parse<DatabaseProvider>(Environment.GetEnvironmentVariable(ProviderVariable) ?? nameof(DatabaseProvider.Sqlite), ignoreCase: true),
        Environment.GetEnvironmentVariable(ConnectionVariable));
}
