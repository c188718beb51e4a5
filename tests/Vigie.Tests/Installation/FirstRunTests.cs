using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Vigie.Tests.Infrastructure;
using Vigie.Web.Features.Compte;
using Vigie.Web.Platform.Audit;

namespace Vigie.Tests.Installation;

public sealed partial class FirstRunTests
{
    private static string SetupLink(VigieFactory factory)
    {
        _ = factory.Services; // starts the host, which logs the link
        var line = Assert.Single(factory.Logs.Messages, m => m.Contains("/installation?jeton=", StringComparison.Ordinal));
        return Link().Match(line).Value;
    }

    private static Dictionary<string, string> ValidForm() => new()
    {
        ["Input.OrganisationName"] = "Métropole — Direction de l'enfance",
        ["Input.OrganisationKind"] = "ServiceMetropole",
        ["Input.AdminName"] = "Alice Martin",
        ["Input.AdminEmail"] = "alice.martin@metropole.test",
        ["Input.AdminPassword"] = "vieux phare bleu sur la colline",
        ["Input.CoordinationName"] = "Bruno Leroy",
        ["Input.CoordinationEmail"] = "bruno.leroy@metropole.test",
        ["Input.CoordinationPassword"] = "trois pommes vertes et un citron",
    };

    [Fact]
    public async Task Empty_database_logs_a_one_time_link_that_creates_the_first_accounts_then_dies()
    {
        using var factory = new VigieFactory();
        var link = SetupLink(factory);
        var client = factory.CreateBrowser();

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/installation")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/installation?jeton=" + new string('0', 48))).StatusCode);

        var response = await Pages.PostFormAsync(client, link, ValidForm());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Les premiers comptes sont créés", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var roles = await factory.WithDbAsync(db => db.Users
            .Select(u => new { u.Email, Roles = db.UserRoles.Where(r => r.UserId == u.Id).Join(db.Roles, r => r.RoleId, r => r.Id, (_, r) => r.Name).ToList() })
            .ToListAsync());
        Assert.Equal([Roles.Administrateur], roles.Single(u => u.Email == "alice.martin@metropole.test").Roles);
        Assert.Equal([Roles.Coordination], roles.Single(u => u.Email == "bruno.leroy@metropole.test").Roles);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(link)).StatusCode);
        var setups = await factory.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.Action == AuditAction.SetupCompleted));
        Assert.Equal(1, setups);

        // The new administrator must enrol MFA at first login.
        var login = await Pages.PostFormAsync(client, "/compte/connexion", new() { ["Email"] = "alice.martin@metropole.test", ["Password"] = "vieux phare bleu sur la colline" });
        Assert.Equal("/compte/double-authentification", login.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Bad_input_keeps_what_was_typed_and_explains_in_french()
    {
        using var factory = new VigieFactory();
        var link = SetupLink(factory);
        var client = factory.CreateBrowser();
        var form = ValidForm();
        form["Input.AdminPassword"] = "motdepasse2026";
        form["Input.CoordinationEmail"] = "pas-une-adresse";

        var response = await Pages.PostFormAsync(client, link, form);
        var page = await Pages.ParseAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var errors = page.Text("#form-errors");
        Assert.Contains("adresse e-mail de la coordination n'est pas valide", errors, StringComparison.Ordinal);
        Assert.Equal("Alice Martin", page.QuerySelector("input[name='Input.AdminName']")!.GetAttribute("value"));
        Assert.Equal("pas-une-adresse", page.QuerySelector("input[name='Input.CoordinationEmail']")!.GetAttribute("value"));
        Assert.Equal(0, await factory.WithDbAsync(db => db.Users.CountAsync()));

        form["Input.CoordinationEmail"] = "bruno.leroy@metropole.test";
        var common = await Pages.ParseAsync(await Pages.PostFormAsync(client, link, form));
        Assert.Contains("mots de passe courants", common.Text("#form-errors"), StringComparison.Ordinal);
        Assert.Equal(0, await factory.WithDbAsync(db => db.Users.CountAsync()));
        // The link still works after a refused attempt.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(link)).StatusCode);
    }

    [Fact]
    public async Task Two_racing_submissions_create_one_set_of_accounts()
    {
        using var factory = new VigieFactory();
        var link = SetupLink(factory);
        var a = factory.CreateBrowser();
        var b = factory.CreateBrowser();
        var tokenA = await Pages.TokenAsync(a, link);
        var tokenB = await Pages.TokenAsync(b, link);
        var formB = ValidForm();
        formB["Input.AdminEmail"] = "autre.admin@metropole.test";
        formB["Input.CoordinationEmail"] = "autre.coord@metropole.test";

        var responses = await Task.WhenAll(Pages.PostAsync(a, link, ValidForm(), tokenA), Pages.PostAsync(b, link, formB, tokenB));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.OK);
        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.NotFound);
        Assert.Equal(2, await factory.WithDbAsync(db => db.Users.CountAsync()));
    }

    [GeneratedRegex(@"/installation\?jeton=[0-9a-f]{48}")]
    private static partial Regex Link();
}
