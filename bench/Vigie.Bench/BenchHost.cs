using System.Security.Cryptography;
using System.Text;
using Vigie.Web.Data;
using Vigie.Web.Features.Compte;
using Vigie.Web.Platform.Audit;
using Vigie.Web.Platform.Crypto;

namespace Vigie.Bench;

/// <summary>Where the benchmark's data lives: a folder (SQLite file and key folder) and, for PostgreSQL, a connection string.</summary>
public sealed record BenchTarget(string DataFolder, DatabaseProvider Provider, string? ConnectionString)
{
    public string KeysFolder => Path.Combine(DataFolder, "keys");

    public string KeyFile => Path.Combine(KeysFolder, "audit-hmac.key");
}

/// <summary>
/// Builds the application's own services (keys, data, audit) exactly as Program.cs composes them,
/// with the same settings the operator's command would read, so the verifier measured here is the
/// one <c>Vigie.Web audit verify</c> runs.
/// </summary>
public static class BenchHost
{
    /// <summary>A fixed key for reproducible data. Test data only: never a production key.</summary>
    public static byte[] TestKey { get; } = SHA256.HashData(Encoding.UTF8.GetBytes("vigie-bench: test key, not a secret"));

    /// <param name="target">Where the data and keys live.</param>
    /// <param name="withAccounts">Adds ASP.NET Core Identity as the app configures it (to create accounts).</param>
    /// <param name="configure">More of the application's pieces or settings (e.g. mail and outbox for the outbox benchmark).</param>
    public static WebApplication Build(BenchTarget target, bool withAccounts = false, Action<WebApplicationBuilder>? configure = null)
    {
        Directory.CreateDirectory(target.DataFolder);
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = [],
            EnvironmentName = Environments.Production,
            ContentRootPath = target.DataFolder,
        });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Vigie:Database:Provider"] = target.Provider.ToString(),
            ["Vigie:Database:ConnectionString"] = target.ConnectionString ?? string.Empty,
            ["Vigie:Database:DataFolder"] = target.DataFolder,
            ["Vigie:Database:MigrateAtStartup"] = "true",
            ["Vigie:Keys:Folder"] = target.KeysFolder,
            ["Vigie:Audit:Key"] = string.Empty,
        });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        // On a new PostgreSQL database EF Core logs its first look at the missing __EFMigrationsHistory
        // table as a failed command before creating it. Real failures still throw.
        builder.Logging.AddFilter("Microsoft.EntityFrameworkCore.Database.Command", LogLevel.Critical);
        builder.AddKeys();
        builder.AddData();
        builder.AddAudit();
        if (withAccounts)
        {
            builder.AddAccounts();
        }

        configure?.Invoke(builder);
        return builder.Build();
    }

    /// <summary>Writes the fixed test key where the application looks for it (owner-only, like the app does).</summary>
    public static void WriteTestKey(BenchTarget target)
    {
        Directory.CreateDirectory(target.KeysFolder);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(target.KeysFolder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using var writer = new StreamWriter(target.KeyFile, options);
        writer.Write(Convert.ToBase64String(TestKey));
    }
}
