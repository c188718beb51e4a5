using Vigie.Web.Data;

namespace Vigie.Web.Platform.Cli;

/// <summary>
/// Administrative commands run with the application's own settings, e.g.
/// <c>dotnet run --project src/Vigie.Web -- audit verify</c>.
/// </summary>
public static class CommandLine
{
    public static (string[]? Command, string[] HostArgs) Parse(string[] args)
    {
        // "--demo" is a switch: turn it into the setting it stands for.
        var hostArgs = args.Select(a => a == "--demo" ? "--Vigie:Accounts:Demo=true" : a).ToList();
        if (hostArgs.Count >= 2 && hostArgs[0] is "audit" or "database" or "keys")
        {
            return (hostArgs.Take(2).ToArray(), hostArgs.Skip(2).ToArray());
        }

        return (null, hostArgs.ToArray());
    }

    public static async Task<int> RunAsync(string[] command, IServiceProvider services)
    {
        switch (command)
        {
            case ["audit", "verify"]:
                return await AuditCommands.VerifyAsync(services, Console.Out);
            case ["database", "migrate"]:
                await services.PrepareDatabaseAsync(forceMigration: true);
                await Console.Out.WriteLineAsync("Base de données à jour.");
                return 0;
            case ["keys", "rotate"]:
                var ring = Crypto.FieldKeyRing.Rotate(services.GetRequiredService<Crypto.KeyFolder>(), services.GetRequiredService<TimeProvider>());
                await Console.Out.WriteLineAsync($"Nouvelle clé de chiffrement des champs : n° {ring.Current.Id} ({ring.Keys.Count} clés dans le trousseau). Redémarrez Vigie pour l'utiliser.");
                return 0;
            case ["keys", "reencrypt"]:
                using (var scope = services.CreateScope())
                {
                    var pass = ActivatorUtilities.CreateInstance<Features.Protection.Reencryption>(scope.ServiceProvider);
                    var reports = await pass.RunAsync(r => Console.Out.WriteLine($"{r.Table}.{r.Column} : {r.Read} lignes lues, {r.Rewritten} rechiffrées"));
                    await Console.Out.WriteLineAsync($"Rechiffrement terminé : {reports.Sum(r => r.Rewritten)} valeurs réécrites avec la clé courante.");
                }

                return 0;
            default:
                await Console.Error.WriteLineAsync($"Commande inconnue : {string.Join(' ', command)}. Commandes : audit verify, database migrate, keys rotate, keys reencrypt");
                return 64;
        }
    }
}
