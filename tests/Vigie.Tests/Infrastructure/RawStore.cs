using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Vigie.Tests.Infrastructure;

/// <summary>
/// Everything the database holds, as an attacker with the storage would read it: on SQLite the
/// database file and its write-ahead log; on PostgreSQL a full <c>pg_dump</c> of the test database
/// (schema and data, plain format). Canary tests search it for names and words typed in forms.
/// </summary>
public static class RawStore
{
    public static async Task<byte[]> ReadAsync(VigieFactory factory)
    {
        if (!TestDatabase.IsPostgres)
        {
            await factory.WithDbAsync(db => db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(FULL)"));
            return Directory.GetFiles(factory.Database.DataFolder, "vigie.db*").SelectMany(File.ReadAllBytes).ToArray();
        }

        var connection = new NpgsqlConnectionStringBuilder(factory.Database.ConnectionString);
        var start = new ProcessStartInfo(PgDump())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
                 {
                     "--host", connection.Host!, "--port", connection.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
                     "--username", connection.Username!, "--dbname", connection.Database!, "--no-password", "--format=plain",
                 })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["PGPASSWORD"] = connection.Password ?? string.Empty;
        using var process = Process.Start(start)!;
        using var output = new MemoryStream();
        var copy = process.StandardOutput.BaseStream.CopyToAsync(output);
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        await copy;
        Assert.True(process.ExitCode == 0, $"pg_dump a échoué : {await errors}");
        return output.ToArray();
    }

    /// <summary>The newest pg_dump of Debian's PostgreSQL packages, else the one on the PATH.</summary>
    private static string PgDump() =>
        Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql")
                .Select(d => Path.Combine(d, "bin", "pg_dump"))
                .Where(File.Exists)
                .OrderByDescending(p => int.TryParse(Path.GetFileName(Path.GetDirectoryName(Path.GetDirectoryName(p))), out var v) ? v : 0)
                .FirstOrDefault() ?? "pg_dump"
            : "pg_dump";
}
