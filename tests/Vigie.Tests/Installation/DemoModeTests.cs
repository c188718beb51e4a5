using Microsoft.EntityFrameworkCore;
using Vigie.Tests.Infrastructure;
using Vigie.Web.Features.Compte;

namespace Vigie.Tests.Installation;

public sealed class DemoModeTests
{
    private sealed class DemoFactory(string environment) : VigieFactory
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Vigie:Accounts:Demo"] = "true" };

        protected override string EnvironmentName => environment;
    }

    [Fact]
    public async Task Demo_seeds_one_enrolled_user_per_role_whose_printed_credentials_work()
    {
        var output = new StringWriter();
        var previous = Console.Out;
        Console.SetOut(output);
        using var factory = new DemoFactory("Development");
        try
        {
            _ = factory.Services;
        }
        finally
        {
            Console.SetOut(previous);
        }

        var printed = output.ToString();
        Assert.Contains("MODE DÉMONSTRATION", printed, StringComparison.Ordinal);
        var rows = printed.Split('\n').Where(l => l.Contains("@demo.vigie.invalid", StringComparison.Ordinal))
            .Select(l => l.Split('|').Select(c => c.Trim()).ToArray()).ToList();
        Assert.Equal(Roles.All.Order(), rows.Select(r => r[0]).Order());

        var dpo = rows.Single(r => r[0] == Roles.Dpo);
        var client = await factory.LoginAsync(new TestUser("?", dpo[1], dpo[2], dpo[3], Roles.Dpo));
        Assert.Equal(System.Net.HttpStatusCode.OK, (await client.GetAsync("/protection/journal")).StatusCode);
        Assert.True(await factory.WithDbAsync(db => db.Organisations.CountAsync()) >= 5);
        // A few facilities and directory entries, so that Accueil and the directory are not empty.
        Assert.Equal(3, await factory.WithDbAsync(db => db.Facilities.CountAsync()));
        Assert.Equal(1, await factory.WithDbAsync(db => db.Facilities.CountAsync(f => f.IsOutside)));
        Assert.Equal(4, await factory.WithDbAsync(db => db.DirectoryEntries.CountAsync()));
        var coordination = rows.Single(r => r[0] == Roles.Coordination);
        var coordinationClient = await factory.LoginAsync(new TestUser("?", coordination[1], coordination[2], coordination[3], Roles.Coordination));
        Assert.Contains("STEP — Service de transition éducative personnalisée (démo)", await coordinationClient.GetStringAsync("/accueil"), StringComparison.Ordinal);
    }

    [Fact]
    public void Demo_is_refused_in_production()
    {
        using var factory = new DemoFactory("Production");

        var error = Assert.ThrowsAny<Exception>(() => factory.Services);

        Assert.Contains("refusé en production", error.ToString(), StringComparison.Ordinal);
    }
}
