using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Vigie.Tests.Infrastructure;
using Vigie.Web.Features.Compte;
using Vigie.Web.Platform.Audit;

namespace Vigie.Tests.Compte;

public sealed class LoginTests(VigieFactory factory) : IClassFixture<VigieFactory>
{
    [Fact]
    public async Task Enrolled_user_logs_in_with_password_then_authenticator_code()
    {
        var user = await factory.CreateUserAsync(Roles.Professionnel);
        var client = await factory.LoginAsync(user);

        var home = await Pages.GetDocumentAsync(client, "/");
        Assert.Contains("Bonjour Testeur Professionnel", home.Text("h1"), StringComparison.Ordinal);
        var logins = await factory.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.ActorId == user.Id && e.Action == AuditAction.LoginSucceeded));
        Assert.Equal(1, logins);
    }

    [Fact]
    public async Task First_login_forces_enrolment_with_qr_code_key_and_ten_recovery_codes()
    {
        var user = await factory.CreateUserAsync(Roles.Coordination, enrolled: false);
        var client = factory.CreateBrowser();

        var response = await Pages.PostFormAsync(client, "/compte/connexion", new() { ["Email"] = user.Email, ["Password"] = user.Password });
        Assert.Equal("/compte/double-authentification", response.Headers.Location!.OriginalString);
        // The password alone opens nothing else.
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/")).StatusCode);

        var enrol = await Pages.GetDocumentAsync(client, "/compte/double-authentification");
        Assert.NotNull(enrol.QuerySelector(".qr svg"));
        var key = enrol.Text("#totp-key").Replace(" ", string.Empty, StringComparison.Ordinal).ToUpperInvariant();
        Assert.Equal(32, key.Length);

        var token = enrol.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var wrong = await Pages.PostAsync(client, "/compte/double-authentification", new() { ["Code"] = "000000" }, token);
        Assert.Contains("Code incorrect", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var done = await Pages.PostAsync(client, "/compte/double-authentification", new() { ["Code"] = factory.NextCode(key) }, token);
        var page = await Pages.ParseAsync(done);
        Assert.Equal(10, page.QuerySelectorAll(".recovery-codes li").Length);

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);
        var enrolled = await factory.WithScopeAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<VigieUser>>();
            return (await users.FindByIdAsync(user.Id))!.TwoFactorEnabled;
        });
        Assert.True(enrolled);
    }
}
