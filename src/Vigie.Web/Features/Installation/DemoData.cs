using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Vigie.Web.Data;
using Vigie.Web.Features.Accueil;
using Vigie.Web.Features.Administration;
using Vigie.Web.Features.Annuaire;
using Vigie.Web.Features.Compte;
using Vigie.Web.Platform.Audit;

namespace Vigie.Web.Features.Installation;

/// <summary>
/// Demonstration data (never in production): fictitious organisations and one user per role,
/// already enrolled in MFA, and a few facilities and directory entries so that those pages are not
/// empty. Each start prints fresh passwords and TOTP keys for the users.
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
        string? coordinationId = null;
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

            if (role == Roles.Coordination)
            {
                coordinationId = user.Id;
            }

            await users.ResetAuthenticatorKeyAsync(user);
            await users.SetTwoFactorEnabledAsync(user, true);
            var key = await users.GetAuthenticatorKeyAsync(user);
            await output.WriteLineAsync($"{role,-20} | {email,-40} | {password,-23} | {key}");
        }

        await SeedPlacesAndDirectoryAsync(coordinationId!, organisations[3].Id, now);
        await output.WriteLineAsync("Ajoutez la clé TOTP dans une application d'authentification (ou calculez le code avec oathtool --totp -b CLÉ).");
        await output.WriteLineAsync();
        await audit.RecordAsync(AuditAction.DemoSeeded, AuditRecordType.Installation, null);
    }

    /// <summary>Fictitious facilities and directory entries, added once (when there are none yet).</summary>
    private async Task SeedPlacesAndDirectoryAsync(string coordinationId, Guid association, DateTime now)
    {
        if (!await db.Facilities.AnyAsync())
        {
            db.Facilities.AddRange(
                Facility.Create(new FacilityDetails("STEP — Service de transition éducative personnalisée (démo)", FacilityType.AccueilBasSeuil, "Lyon 3e", null, 8, false, null),
                    [new FacilityManager { Name = "Responsable STEP (démo)", Function = "Cheffe de service" }], coordinationId, now),
                Facility.Create(new FacilityDetails("Foyer de jeunes filles Les Glycines (démo)", FacilityType.FoyerJeunesFilles, "Villeurbanne", null, 12, false, null),
                    [], coordinationId, now),
                Facility.Create(new FacilityDetails("Séjour de rupture en montagne (démo)", FacilityType.SejourDeRupture, null, null, null, true, "Savoie (73)"),
                    [], coordinationId, now));
            await db.SaveChangesAsync();
        }

        if (!await db.DirectoryEntries.AnyAsync())
        {
            db.DirectoryEntries.AddRange(
                DirectoryEntry.Create(new DirectoryDetails("Équipe mobile prostitution des mineurs (démo)", DirectoryKind.EquipeMobile, null,
                    "Va vers les jeunes repérés, propose un co-accompagnement en libre adhésion.", null, null, null, null, "Métropole",
                    "Sur orientation de la commission ou d'un professionnel.", CommissionMembership.MembrePermanent),
                    [new ContactDetails("Coordinatrice de l'équipe mobile (démo)", "Coordinatrice", null, null)], now, coordinationId),
                DirectoryEntry.Create(new DirectoryDetails("Consultation de pédopsychiatrie pour adolescents (démo)", DirectoryKind.Pedopsychiatrie, null,
                    "Consultations pour les adolescents, sur rendez-vous, en lien avec l'équipe éducative.", null, null, null, null, "Lyon",
                    null, CommissionMembership.MembreAssocie), [], now, coordinationId),
                DirectoryEntry.Create(new DirectoryDetails("Centre de santé sexuelle (CPEF) (démo)", DirectoryKind.Cpef, null,
                    "Contraception, dépistage, accès à l'IVG, gratuit et confidentiel pour les mineurs.", null, null, null, null, "Lyon 7e",
                    "Sans rendez-vous le mercredi après-midi.", CommissionMembership.Aucun), [], now, coordinationId),
                DirectoryEntry.Create(new DirectoryDetails("Association d'accompagnement (démo)", DirectoryKind.Association, association,
                    "Accueil de jour et accompagnement des jeunes en situation de prostitution.", null, null, null, null, "Lyon 7e",
                    null, CommissionMembership.Invite), [], now, coordinationId));
            await db.SaveChangesAsync();
        }
    }
}
