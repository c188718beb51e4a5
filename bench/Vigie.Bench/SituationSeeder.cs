using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Vigie.Web.Data;
using Vigie.Web.Features.Compte;
using Vigie.Web.Features.Situations;
using Vigie.Web.Platform.Crypto;

namespace Vigie.Bench;

/// <summary>
/// The <c>generate</c> command: migrates the database, creates a Coordination account for the load
/// tests (password and TOTP key written to DIR/bench-account.txt, owner-only) and N situations
/// (<see cref="SituationGenerator"/>), then writes a sample of their ids to DIR/situation-ids.txt.
/// </summary>
public static class SituationSeeder
{
    public const string AccountEmail = "coordination@bench.vigie.invalid";
    public const string AccountFile = "bench-account.txt";
    public const string IdsFile = "situation-ids.txt";

    public static async Task SeedAsync(BenchTarget target, int count, int seed, TextWriter output)
    {
        await using var host = BenchHost.Build(target, withAccounts: true);
        var services = host.Services;
        await services.PrepareDatabaseAsync();

        var author = await AccountAsync(services, target);
        await output.WriteLineAsync($"Generating {count} situations ({target.Provider}, seed {seed})…");
        var generator = new SituationGenerator(services.GetRequiredService<IDbContextFactory<VigieDbContext>>(),
            services.GetRequiredService<FieldCipher>(), services.GetRequiredService<BlindIndex>());
        var result = await generator.GenerateAsync(count, seed, DateTime.UtcNow, author, output);
        await File.WriteAllLinesAsync(Path.Combine(target.DataFolder, IdsFile), result.SampleIds.Select(id => id.ToString()));

        await using var db = await services.GetRequiredService<IDbContextFactory<VigieDbContext>>().CreateDbContextAsync();
        var byStatus = await db.Situations.GroupBy(s => s.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync();
        var byLevel = await db.Situations.GroupBy(s => s.Level).Select(g => new { g.Key, Count = g.Count() }).ToListAsync();
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"Generated {result.Situations} situations in {result.Elapsed.TotalSeconds:0.0} s ({result.Situations / result.Elapsed.TotalSeconds:0} per second): "
            + $"{result.Evaluations} evaluations, {result.LegalSteps} legal steps ({result.OverdueSteps} overdue), {result.Closed} closed, {result.Events} timeline events."));
        await output.WriteLineAsync("By status: " + string.Join(", ", byStatus.OrderBy(s => s.Key).Select(s => $"{SituationLabels.Status(s.Key)} {s.Count}")));
        await output.WriteLineAsync("By level: " + string.Join(", ", byLevel.OrderBy(s => s.Key).Select(s => $"{SituationLabels.Level(s.Key)} {s.Count}")));
        await output.WriteLineAsync($"Totals in the database: {await db.Situations.CountAsync()} situations, {await db.Organisations.CountAsync()} organisations.");
        await output.WriteLineAsync(await DecryptionCostAsync(db, services.GetRequiredService<FieldCipher>()));
        await output.WriteLineAsync($"Account for the load tests: {AccountEmail} (password and TOTP key in {Path.Combine(target.DataFolder, AccountFile)}).");
    }

    /// <summary>What the list page spends decrypting the names of one page (50 rows, two fields each): median of 500 rounds.</summary>
    private static async Task<string> DecryptionCostAsync(VigieDbContext db, FieldCipher cipher)
    {
        var page = await db.Situations.AsNoTracking().OrderByDescending(s => s.CreatedAt).Take(50)
            .Select(s => new { s.FirstNameEncrypted, s.LastNameEncrypted }).ToListAsync();
        var rounds = new List<double>();
        var length = 0;
        for (var round = 0; round < 500; round++)
        {
            var watch = System.Diagnostics.Stopwatch.StartNew();
            foreach (var row in page)
            {
                length += cipher.Decrypt(row.FirstNameEncrypted, Situation.FirstNamePurpose).Length
                    + cipher.Decrypt(row.LastNameEncrypted, Situation.LastNamePurpose).Length;
            }

            rounds.Add(watch.Elapsed.TotalMicroseconds);
        }

        rounds.Sort();
        return string.Create(CultureInfo.InvariantCulture,
            $"Decrypting the names of one list page ({page.Count} rows, 2 fields each): median {rounds[rounds.Count / 2]:0} µs, p95 {rounds[rounds.Count * 95 / 100]:0} µs ({length / rounds.Count} characters a round).");
    }

    /// <summary>A Coordination account, enrolled in MFA: a new password and TOTP key on every run.</summary>
    private static async Task<string> AccountAsync(IServiceProvider root, BenchTarget target)
    {
        await using var scope = root.CreateAsyncScope();
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        if (!await roles.RoleExistsAsync(Roles.Coordination))
        {
            Check(await roles.CreateAsync(new IdentityRole(Roles.Coordination)));
        }

        var users = scope.ServiceProvider.GetRequiredService<UserManager<VigieUser>>();
        var db = scope.ServiceProvider.GetRequiredService<VigieDbContext>();
        var password = Vigie.Web.Features.Administration.CreateAccount.TemporaryPassword();
        var user = await users.FindByEmailAsync(AccountEmail);
        if (user is null)
        {
            var organisation = await db.Organisations.OrderBy(o => o.CreatedAt).Select(o => (Guid?)o.Id).FirstOrDefaultAsync();
            if (organisation is null)
            {
                var created = Vigie.Web.Features.Administration.Organisation.Create("Coordination départementale (fictif)",
                    Vigie.Web.Features.Administration.OrganisationKind.ServiceMetropole, "Métropole", null, null, DateTime.UtcNow);
                db.Organisations.Add(created);
                await db.SaveChangesAsync();
                organisation = created.Id;
            }

            user = new VigieUser
            {
                DisplayName = "Coordination (banc d'essai)",
                UserName = AccountEmail,
                Email = AccountEmail,
                EmailConfirmed = true,
                OrganisationId = organisation.Value,
                CreatedAt = DateTime.UtcNow,
            };
            Check(await users.CreateAsync(user, password));
            Check(await users.AddToRoleAsync(user, Roles.Coordination));
        }
        else
        {
            Check(await users.RemovePasswordAsync(user));
            Check(await users.AddPasswordAsync(user, password));
        }

        Check(await users.ResetAuthenticatorKeyAsync(user));
        Check(await users.SetTwoFactorEnabledAsync(user, true));
        var key = await users.GetAuthenticatorKeyAsync(user);
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        await using (var writer = new StreamWriter(Path.Combine(target.DataFolder, AccountFile), options))
        {
            await writer.WriteAsync($"{AccountEmail}\n{password}\n{key}\n");
        }

        return user.Id;
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join(" ", result.Errors.Select(e => e.Description)));
        }
    }
}
