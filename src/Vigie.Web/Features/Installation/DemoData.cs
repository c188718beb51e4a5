using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Vigie.Web.Data;
using Vigie.Web.Features.Administration;
using Vigie.Web.Features.Compte;
using Vigie.Web.Platform.Audit;

namespace Vigie.Web.Features.Installation;

/// <summary>
/// Demonstration data (never in production): fictitious organisations and one user per role,
/// already enrolled in MFA. Each start prints fresh passwords and TOTP keys for them.
/// </summary>
public sealed class DemoData(VigieDbContext db, UserManager<VigieUser> users, CreateAccount createAccount, IAuditLog audit, TimeProvider clock)
{
    public const string EmailDomain = "demo.vigie.invalid";

    private static readonly (string Name, OrganisationKind Kind, string Territory)[] Organisations =
    [
        ("Métropole — Mission protection de l'enfance (démo)", OrganisationKind.ServiceMetropole, "Métropole"),
        ("Maison d'enfants Les Tilleuls (démo)", OrganisationKind.Etablissement, "Villeurbanne"),
        ("Parquet des mineurs (démo)", OrganisationKind.Parquet, "Lyon"),
        ("Association d'accompagnement (démo)", OrganisationKind.Association, "Lyon 7e"),
        ("Observatoire départemental (démo)", OrganisationKind.ServiceMetropole, "Métropole"),
    ];

    private static readonly (string Role, string Name, int Organisation)[] People =
    [
        (Roles.Professionnel, "Camille Demo-Professionnel", 1),
        (Roles.Coordination, "Dominique Demo-Coordination", 0),
        (Roles.MembreCommission, "Alex Demo-Commission", 2),
        (Roles.EquipeMobile, "Sacha Demo-EquipeMobile", 3),
        (Roles.Observatoire, "Morgan Demo-Observatoire", 4),
        (Roles.Dpo, "Claude Demo-Dpo", 0),
        (Roles.Administrateur, "Lou Demo-Administrateur", 0),
    ];

    public async Task SeedAsync(TextWriter output)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var organisations = new List<Organisation>();
        foreach (var (name, kind, territory) in Organisations)
        {
            var existing = await db.Organisations.FirstOrDefaultAsync(o => o.Name == name);
            if (existing is null)
            {
                existing = Organisation.Create(name, kind, territory, null, null, now);
                db.Organisations.Add(existing);
                await db.SaveChangesAsync();
            }

            organisations.Add(existing);
        }

        await output.WriteLineAsync();
        await output.WriteLineAsync("=== MODE DÉMONSTRATION — données fictives, ne pas utiliser en production ===");
        await output.WriteLineAsync("Rôle                 | E-mail                                   | Mot de passe            | Clé TOTP (à saisir dans l'application)");
        foreach (var (role, name, organisation) in People)
        {
            var email = $"{role.ToLowerInvariant()}@{EmailDomain}";
            var password = CreateAccount.TemporaryPassword();
            var user = await users.FindByEmailAsync(email);
            if (user is null)
            {
                var created = await createAccount.ExecuteAsync(new NewAccount(name, email, "Compte de démonstration", organisations[organisation].Id, [role]), password, false);
                user = created.User ?? throw new InvalidOperationException(string.Join(" ", created.Errors.Select(e => e.Description)));
            }
            else
            {
                await users.RemovePasswordAsync(user);
                await users.AddPasswordAsync(user, password);
                await users.SetLockoutEndDateAsync(user, null);
            }

            await users.ResetAuthenticatorKeyAsync(user);
            await users.SetTwoFactorEnabledAsync(user, true);
            var key = await users.GetAuthenticatorKeyAsync(user);
            await output.WriteLineAsync($"{role,-20} | {email,-40} | {password,-23} | {key}");
        }

        await output.WriteLineAsync("Ajoutez la clé TOTP dans une application d'authentification (ou calculez le code avec oathtool --totp -b CLÉ).");
        await output.WriteLineAsync();
        await audit.RecordAsync(AuditAction.DemoSeeded, AuditRecordType.Installation, null);
    }
}
