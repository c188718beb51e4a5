using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Vigie.Tests.Infrastructure;
using Vigie.Web.Features.Compte;
using Vigie.Web.Platform.Audit;
using Vigie.Web.Platform.Cli;

namespace Vigie.Tests.Protection;

/// <summary>The audit log is a chain: altering, removing or forking an entry is detected by the verify command.</summary>
public sealed class AuditChainTests
{
    private static async Task<(int Code, string Output)> VerifyAsync(VigieFactory factory)
    {
        using var output = new StringWriter();
        var code = await AuditCommands.VerifyAsync(factory.Services, output);
        return (code, output.ToString());
    }

    private static async Task SeedAsync(VigieFactory factory, int count)
    {
        var audit = factory.Services.GetRequiredService<AuditChainWriter>();
        for (var i = 0; i < count; i++)
        {
            await audit.AppendAsync(new AuditRecord(AuditAction.Read, AuditOutcome.Success, "user-" + i, "Situation", i.ToString(System.Globalization.CultureInfo.InvariantCulture), "127.0.0.1"));
        }
    }

    [Fact]
    public async Task Verify_reports_an_intact_chain()
    {
        using var factory = new VigieFactory();
        await SeedAsync(factory, 20);

        var (code, output) = await VerifyAsync(factory);

        Assert.Equal(0, code);
        Assert.Contains("intact : 20 entrées", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_names_the_first_entry_altered_with_raw_sql()
    {
        using var factory = new VigieFactory();
        await SeedAsync(factory, 30);

        // An insider with database access rewrites who read record 12 (entry n° 13).
        await factory.WithDbAsync(db => db.Database.ExecuteSqlRawAsync(
            "UPDATE \"AuditEntries\" SET \"ActorId\" = 'someone-else' WHERE \"Sequence\" = 13"));
        var (code, output) = await VerifyAsync(factory);

        Assert.Equal(2, code);
        Assert.Contains("entrée n° 13 altérée", output, StringComparison.Ordinal);
        Assert.Contains("Première entrée en cause : n° 13", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_detects_an_entry_recomputed_without_the_key()
    {
        using var factory = new VigieFactory();
        await SeedAsync(factory, 10);

        // Forging needs the HMAC key, which is outside the database: a plain hash does not pass.
        var forged = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData("forged"u8));
        await factory.WithDbAsync(db => db.Database.ExecuteSqlAsync(
            $"UPDATE \"AuditEntries\" SET \"Action\" = 'auth.login', \"Hmac\" = {forged} WHERE \"Sequence\" = 4"));
        var (code, output) = await VerifyAsync(factory);

        Assert.Equal(2, code);
        Assert.Contains("entrée n° 4 altérée", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_names_a_deleted_entry()
    {
        using var factory = new VigieFactory();
        await SeedAsync(factory, 15);

        await factory.WithDbAsync(db => db.Database.ExecuteSqlRawAsync("DELETE FROM \"AuditEntries\" WHERE \"Sequence\" = 7"));
        var (code, output) = await VerifyAsync(factory);

        Assert.Equal(2, code);
        Assert.Contains("entrée n° 7 manquante", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Parallel_requests_never_fork_the_chain()
    {
        using var factory = new VigieFactory();
        var user = await factory.CreateUserAsync(Roles.Professionnel);
        var before = await factory.WithDbAsync(db => db.AuditEntries.CountAsync());

        // 40 concurrent failed logins, each appending audit entries, from 8 clients at once.
        var clients = Enumerable.Range(0, 8).Select(_ => factory.CreateBrowser()).ToArray();
        var tokens = await Task.WhenAll(clients.Select(c => Pages.TokenAsync(c, "/compte/connexion")));
        var attempts = Enumerable.Range(0, 40).Select(i => Pages.PostAsync(clients[i % 8], "/compte/connexion",
            new() { ["Email"] = $"inconnu{i}@tests.vigie.invalid", ["Password"] = "mauvais mot de passe" }, tokens[i % 8]));
        var responses = await Task.WhenAll(attempts);

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        var after = await factory.WithDbAsync(db => db.AuditEntries.CountAsync());
        Assert.Equal(before + 40, after);
        var sequences = await factory.WithDbAsync(db => db.AuditEntries.OrderBy(e => e.Sequence).Select(e => e.Sequence).ToListAsync());
        Assert.Equal(Enumerable.Range(1, after).Select(i => (long)i), sequences);
        var (code, output) = await VerifyAsync(factory);
        Assert.True(code == 0, output);
    }

    [Fact]
    public async Task Writers_in_two_processes_sharing_the_database_keep_one_chain()
    {
        // Two application instances (two writers with their own in-process lock) on one database,
        // as when Vigie runs on two servers against PostgreSQL.
        using var first = new VigieFactory();
        var second = first.WithWebHostBuilder(_ => { });
        _ = first.Services;
        var writers = new[] { first.Services.GetRequiredService<AuditChainWriter>(), second.Services.GetRequiredService<AuditChainWriter>() };
        Assert.NotSame(writers[0], writers[1]);

        await Task.WhenAll(Enumerable.Range(0, 60).Select(i => Task.Run(() => writers[i % 2].AppendAsync(
            new AuditRecord(AuditAction.Read, AuditOutcome.Success, "u" + i, "Situation", "s" + i, null)))));

        var (code, output) = await VerifyAsync(first);
        Assert.True(code == 0, output);
        Assert.Contains("60 entrées", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Concurrent_appends_share_commits_yet_each_caller_gets_its_own_durable_entry_in_one_chain()
    {
        using var factory = new VigieFactory();
        var writer = factory.Services.GetRequiredService<AuditChainWriter>();
        var before = await factory.WithDbAsync(db => db.AuditEntries.CountAsync());

        var entries = await Task.WhenAll(Enumerable.Range(0, 300).Select(i => Task.Run(() => writer.AppendAsync(
            new AuditRecord(AuditAction.Read, AuditOutcome.Success, "u" + i, "Situation", "g" + i, null)))));

        // Each caller got back the entry holding its own record, stored once with its own sequence.
        Assert.Equal(300, entries.Select(e => e.Sequence).Distinct().Count());
        Assert.All(entries.Select((e, i) => (e, i)), x => Assert.Equal("g" + x.i, x.e.RecordId));
        var stored = await factory.WithDbAsync(db => db.AuditEntries.AsNoTracking().Where(e => e.RecordType == "Situation")
            .ToDictionaryAsync(e => e.Sequence, e => e.RecordId));
        Assert.Equal(300, stored.Count);
        Assert.All(entries, e => Assert.Equal(e.RecordId, stored[e.Sequence]));
        Assert.Equal(before + 300, await factory.WithDbAsync(db => db.AuditEntries.CountAsync()));
        var (code, output) = await VerifyAsync(factory);
        Assert.True(code == 0, output);
    }

    [Fact]
    public async Task Entries_never_hold_the_typed_password_or_email_of_a_failed_login()
    {
        using var factory = new VigieFactory();
        var client = factory.CreateBrowser();

        await Pages.PostFormAsync(client, "/compte/connexion", new() { ["Email"] = "fantome@tests.vigie.invalid", ["Password"] = "secret-tres-particulier" });

        var entries = await factory.WithDbAsync(db => db.AuditEntries.AsNoTracking().ToListAsync());
        var entry = Assert.Single(entries, e => e.Action == AuditAction.LoginFailed);
        Assert.Equal(AuditOutcome.Failure, entry.Outcome);
        var all = string.Join('|', entries.Select(e => $"{e.ActorId}{e.RecordType}{e.RecordId}{e.Action}"));
        Assert.DoesNotContain("fantome", all, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", all, StringComparison.Ordinal);
    }
}
