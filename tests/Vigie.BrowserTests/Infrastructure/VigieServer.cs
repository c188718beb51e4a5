using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Vigie.Tests.Infrastructure;

namespace Vigie.BrowserTests.Infrastructure;

/// <summary>
/// A real Vigie on a Kestrel port of 127.0.0.1, on a database of its own (SQLite, or PostgreSQL when
/// test.sh says so), with the real clock: the browser's authenticator codes come from the real time.
/// </summary>
public sealed partial class VigieServer : WebApplicationFactory<Program>
{
    private readonly TestDatabase _database = new();
    private int _databaseDropped;

    private readonly IReadOnlyDictionary<string, string?> _extraSettings;

    private VigieServer(IReadOnlyDictionary<string, string?>? settings)
    {
        _extraSettings = settings ?? new Dictionary<string, string?>();
    }

    /// <summary>What the application logs, as an operator reads it.</summary>
    public LogCollector Logs { get; } = new();

    /// <summary>Where the server listens, e.g. http://127.0.0.1:41234/.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    /// <param name="settings">Settings a journey needs beyond the database and keys (e.g. the mail transport); they win over appsettings.json.</param>
    public static VigieServer Start(IReadOnlyDictionary<string, string?>? settings = null)
    {
        var server = new VigieServer(settings);
        try
        {
            // Port 0: the system picks a free port on 127.0.0.1; the factory reads it back from
            // IServerAddressesFeature once Kestrel listens.
            server.UseKestrel(0);
            server.StartServer();
            var address = server.ClientOptions.BaseAddress;
            if (!address.IsLoopback || address.Port == 0)
            {
                throw new InvalidOperationException($"Le serveur de test écoute sur {address}, pas sur un port de 127.0.0.1.");
            }

            server.BaseAddress = address;
            return server;
        }
        catch
        {
            server.Dispose();
            throw;
        }
    }

    public Uri Url(string pathAndQuery) => new(BaseAddress, pathAndQuery);

    /// <summary>
    /// The one-time setup link the application logs at its first start, when no account exists.
    /// Waits (bounded) for the line: it is written when the host reports it has started.
    /// </summary>
    public async Task<Uri> SetupLinkFromLogAsync(TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            foreach (var message in Logs.Messages)
            {
                if (SetupLink().Match(message) is { Success: true } match)
                {
                    return new Uri(match.Value);
                }
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("Aucun lien d'installation dans le journal de l'application :\n" + string.Join("\n", Logs.Messages));
            }

            await Task.Delay(50);
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        var settings = new Dictionary<string, string?>
        {
            ["Vigie:Database:Provider"] = TestDatabase.Provider,
            ["Vigie:Database:ConnectionString"] = _database.ConnectionString,
            ["Vigie:Database:DataFolder"] = _database.DataFolder,
            ["Vigie:Keys:Folder"] = _database.KeysFolder,
        };
        foreach (var (key, value) in _extraSettings)
        {
            settings[key] = value;
        }

        builder.ConfigureAppConfiguration((_, config) => config.AddInMemoryCollection(settings));
        // Command-line style settings win over appsettings.json in the content root.
        builder.UseSetting("Vigie:Database:Provider", TestDatabase.Provider);
        foreach (var (key, value) in _extraSettings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureLogging(logging => logging.AddProvider(Logs));
    }

    protected override void Dispose(bool disposing)
    {
        // The base class calls this twice (once from DisposeAsync): drop the database once, after the host stops.
        base.Dispose(disposing);
        if (disposing && Interlocked.Exchange(ref _databaseDropped, 1) == 0)
        {
            _database.Dispose();
        }
    }

    [GeneratedRegex(@"https?://[^\s/]+/installation\?jeton=[0-9a-f]{48}\b")]
    private static partial Regex SetupLink();
}
