using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Vigie.Web.Data;
using Vigie.Web.Features.Compte;

namespace Vigie.Web.Features.Installation;

public static class InstallationServiceCollectionExtensions
{
    public const string SetupPath = "/installation";

    public static WebApplicationBuilder AddInstallation(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<FirstRunToken>();
        builder.Services.AddScoped<DemoData>();
        return builder;
    }

    /// <summary>Creates the roles, seeds the demo when asked, and prints the setup link when no account exists.</summary>
    public static async Task PrepareInstallationAsync(this IServiceProvider services, WebApplication app)
    {
        await using var scope = services.CreateAsyncScope();
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new IdentityRole(role));
            }
        }

        var accounts = scope.ServiceProvider.GetRequiredService<IOptions<AccountsOptions>>().Value;
        var logger = scope.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger("Vigie.Installation");
        if (accounts.Demo)
        {
            if (app.Environment.IsProduction())
            {
                throw new InvalidOperationException(
                    "Le mode démonstration est refusé en production (ASPNETCORE_ENVIRONMENT=Production) : il crée des comptes aux mots de passe affichés.");
            }

            await scope.ServiceProvider.GetRequiredService<DemoData>().SeedAsync(Console.Out);
        }

        var db = scope.ServiceProvider.GetRequiredService<VigieDbContext>();
        if (await db.Users.AnyAsync())
        {
            return;
        }

        var token = services.GetRequiredService<FirstRunToken>().Issue();
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses;
            var baseUrl = addresses?.FirstOrDefault()?.Replace("://[::]", "://localhost", StringComparison.Ordinal)
                .Replace("://0.0.0.0", "://localhost", StringComparison.Ordinal) ?? string.Empty;
            logger.LogWarning(
                "Premier démarrage : aucun compte n'existe. Ouvrez ce lien (valable une seule fois) pour créer les premiers comptes : {SetupUrl}",
                $"{baseUrl}{SetupPath}?jeton={token}");
        });
    }
}
