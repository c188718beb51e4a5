using System.Diagnostics;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Vigie.Tests.Infrastructure;
using Vigie.Web.Features.Compte;
using Vigie.Web.Platform.Audit;

namespace Vigie.Tests.Compte;

public sealed class LoginSecurityTests(VigieFactory factory) : IClassFixture<VigieFactory>
{
    private static Task<HttpResponseMessage> TryPasswordAsync(HttpClient client, string email, string password) =>
        Pages.PostFormAsync(client, "/compte/connexion", new() { ["Email"] = email, ["Password"] = password });

    private static async Task<string> ErrorOfAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await Pages.ParseAsync(response)).Text("#login-error");
    }

    [Fact]
    public async Task Unknown_account_and_wrong_password_get_the_same_answer()
    {
        var user = await factory.CreateUserAsync(Roles.Professionnel);
        var client = factory.CreateBrowser();

        var unknown = await ErrorOfAsync(await TryPasswordAsync(client, "personne@tests.vigie.invalid", "un mot de passe quelconque"));
        var wrong = await ErrorOfAsync(await TryPasswordAsync(client, user.Email, "un mot de passe quelconque"));

        Assert.Equal(LoginModel.GenericError, unknown);
        Assert.Equal(unknown, wrong);
    }

    [Fact]
    public async Task Unknown_account_costs_the_same_password_hashing_work_as_a_real_one()
    {
        var user = await factory.CreateUserAsync(Roles.Professionnel);
        var client = factory.CreateBrowser();
        var token = await Pages.TokenAsync(client, "/compte/connexion");
        async Task<double> MedianMsAsync(string email)
        {
            var times = new List<double>();
            for (var i = 0; i < 5; i++)
            {
                var watch = Stopwatch.StartNew();
                await Pages.PostAsync(client, "/compte/connexion", new() { ["Email"] = email, ["Password"] = "pas le bon mot de passe" }, token);
                times.Add(watch.Elapsed.TotalMilliseconds);
            }

            return times.Order().ElementAt(2);
        }

        // Warm-up, then compare. Not a benchmark: a factor-of-three bound that catches a missing hash
        // (a skipped PBKDF2 makes the unknown-account answer ~10x faster).
        await MedianMsAsync("echauffement@tests.vigie.invalid");
        var unknown = await MedianMsAsync("inconnu@tests.vigie.invalid");
        var known = await MedianMsAsync(user.Email);
        Assert.InRange(unknown / known, 0.33, 3.0);
    }

    [Fact]
    public async Task Five_failures_lock_the_account_for_fifteen_minutes_without_saying_so()
    {
        var user = await factory.CreateUserAsync(Roles.Professionnel);
        var client = factory.CreateBrowser();

        for (var i = 0; i < 5; i++)
        {
            await TryPasswordAsync(client, user.Email, "mauvais mot de passe " + i);
        }

        // The right password is now refused, with the very same message.
        var locked = await TryPasswordAsync(client, user.Email, user.Password);
        Assert.Equal(LoginModel.GenericError, await ErrorOfAsync(locked));
        var lockouts = await factory.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.ActorId == user.Id && e.Action == AuditAction.LockedOut));
        Assert.Equal(1, lockouts);

        var lockoutEnd = await factory.WithDbAsync(db => db.Users.Where(u => u.Id == user.Id).Select(u => u.LockoutEnd).SingleAsync());
        Assert.NotNull(lockoutEnd);
        var remaining = lockoutEnd!.Value - DateTimeOffset.UtcNow;
        Assert.InRange(remaining.TotalMinutes, 14, 15.5);

        // Once the lockout has run out, the password works again.
        await factory.WithDbAsync(async db =>
        {
            var stored = await db.Users.SingleAsync(u => u.Id == user.Id);
            stored.LockoutEnd = DateTimeOffset.UtcNow.AddSeconds(-1);
            await db.SaveChangesAsync();
        });
        var after = await TryPasswordAsync(client, user.Email, user.Password);
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
    }

    [Fact]
    public async Task Wrong_codes_count_toward_the_lockout()
    {
        var user = await factory.CreateUserAsync(Roles.Professionnel);
        var client = factory.CreateBrowser();
        await TryPasswordAsync(client, user.Email, user.Password);
        for (var i = 0; i < 5; i++)
        {
            await Pages.PostFormAsync(client, "/compte/code", new() { ["Code"] = "123456" });
        }

        var locked = await factory.WithDbAsync(db => db.Users.Where(u => u.Id == user.Id).Select(u => u.LockoutEnd).SingleAsync());
        Assert.NotNull(locked);
        Assert.True(locked > DateTimeOffset.UtcNow);
    }

    [Fact]
    public async Task A_code_cannot_be_replayed()
    {
        var user = await factory.CreateUserAsync(Roles.Professionnel);
        var first = factory.CreateBrowser();
        await TryPasswordAsync(first, user.Email, user.Password);
        var code = factory.NextCode(user);
        var ok = await Pages.PostFormAsync(first, "/compte/code", new() { ["Code"] = code });
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);

        // Someone who saw the code over the user's shoulder, within the same 30 seconds.
        var second = factory.CreateBrowser();
        await TryPasswordAsync(second, user.Email, user.Password);
        var replay = await Pages.PostFormAsync(second, "/compte/code", new() { ["Code"] = code });
        Assert.Equal(HttpStatusCode.OK, replay.StatusCode);
        Assert.Contains("Code incorrect", await replay.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_recovery_code_works_once()
    {
        var user = await factory.CreateUserAsync(Roles.Professionnel, enrolled: false);
        var client = factory.CreateBrowser();
        await TryPasswordAsync(client, user.Email, user.Password);
        var enrol = await Pages.GetDocumentAsync(client, "/compte/double-authentification");
        var key = enrol.Text("#totp-key").Replace(" ", string.Empty, StringComparison.Ordinal).ToUpperInvariant();
        var done = await Pages.PostFormAsync(client, "/compte/double-authentification", new() { ["Code"] = factory.NextCode(key) });
        var recovery = (await Pages.ParseAsync(done)).QuerySelectorAll(".recovery-codes li").Select(li => li.TextContent.Trim()).ToList();
        Assert.Equal(10, recovery.Count);

        var again = factory.CreateBrowser();
        await TryPasswordAsync(again, user.Email, user.Password);
        var used = await Pages.PostFormAsync(again, "/compte/code", new() { ["RecoveryCode"] = recovery[3] }, handler: "Recovery");
        Assert.Equal(HttpStatusCode.Redirect, used.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await again.GetAsync("/")).StatusCode);

        var third = factory.CreateBrowser();
        await TryPasswordAsync(third, user.Email, user.Password);
        var reused = await Pages.PostFormAsync(third, "/compte/code", new() { ["RecoveryCode"] = recovery[3] }, handler: "Recovery");
        Assert.Equal(HttpStatusCode.OK, reused.StatusCode);
        var audited = await factory.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.ActorId == user.Id && e.Action == AuditAction.RecoveryCodeUsed));
        Assert.Equal(1, audited);
    }

    [Fact]
    public async Task Mfa_secrets_are_not_stored_in_clear()
    {
        var user = await factory.CreateUserAsync(Roles.Professionnel);

        var tokens = await factory.WithDbAsync(db => db.UserTokens.Where(t => t.UserId == user.Id).Select(t => t.Value).ToListAsync());

        Assert.NotEmpty(tokens);
        Assert.DoesNotContain(tokens, t => t is not null && t.Contains(user.TotpKey!, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Session_ends_after_twenty_idle_minutes()
    {
        var client = await factory.LoginAsync(Roles.Professionnel);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);

        factory.Clock.Advance(TimeSpan.FromMinutes(19));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);
        // Activity slides the window; 21 idle minutes end it.
        factory.Clock.Advance(TimeSpan.FromMinutes(21));
        var expired = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, expired.StatusCode);
        Assert.Contains("/compte/connexion", expired.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Logout_ends_every_session_of_the_account()
    {
        var user = await factory.CreateUserAsync(Roles.Coordination);
        var laptop = await factory.LoginAsync(user);
        var phone = await factory.LoginAsync(user);

        var response = await Pages.PostFormAsync(laptop, "/compte/deconnexion", [], formPage: "/");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await laptop.GetAsync("/")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await phone.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task Changing_password_ends_the_other_sessions_but_not_this_one()
    {
        var user = await factory.CreateUserAsync(Roles.Professionnel);
        var here = await factory.LoginAsync(user);
        var elsewhere = await factory.LoginAsync(user);

        var response = await Pages.PostFormAsync(here, "/compte/mot-de-passe", new()
        {
            ["Input.Current"] = user.Password,
            ["Input.New"] = "une toute nouvelle phrase secrète",
            ["Input.Confirm"] = "une toute nouvelle phrase secrète",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await here.GetAsync("/")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await elsewhere.GetAsync("/")).StatusCode);
    }

    [Theory]
    [InlineData("court", "au moins 12 caractères")]
    [InlineData("motdepasse123", "mots de passe courants")]
    [InlineData("Azerty123456!", "mots de passe courants")]
    [InlineData("aaaaaaaaaaaaaaaa", "5 caractères différents")]
    public async Task Weak_new_passwords_are_refused_in_french(string password, string message)
    {
        var user = await factory.CreateUserAsync(Roles.Professionnel);
        var client = await factory.LoginAsync(user);

        var response = await Pages.PostFormAsync(client, "/compte/mot-de-passe", new()
        {
            ["Input.Current"] = user.Password,
            ["Input.New"] = password,
            ["Input.Confirm"] = password,
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_local_return_urls_are_followed_after_login()
    {
        var user = await factory.CreateUserAsync(Roles.Professionnel);
        var client = factory.CreateBrowser();
        await Pages.PostFormAsync(client, "/compte/connexion?retour=https%3A%2F%2Fevil.example%2F", new()
        {
            ["Email"] = user.Email, ["Password"] = user.Password, ["Retour"] = "https://evil.example/",
        }, formPage: "/compte/connexion");

        var response = await Pages.PostFormAsync(client, "/compte/code", new() { ["Code"] = factory.NextCode(user) });

        Assert.Equal("/", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task New_recovery_codes_need_a_fresh_code_and_replace_the_old_ones()
    {
        var user = await factory.CreateUserAsync(Roles.Professionnel);
        var client = await factory.LoginAsync(user);

        var first = await client.GetAsync("/compte/codes-de-secours");
        Assert.StartsWith("/compte/confirmation", first.Headers.Location!.OriginalString, StringComparison.Ordinal);
        await Pages.PostFormAsync(client, first.Headers.Location.OriginalString, new() { ["Code"] = factory.NextCode(user) });
        var page = await Pages.ParseAsync(await Pages.PostFormAsync(client, "/compte/codes-de-secours", []));
        var codes = page.QuerySelectorAll(".recovery-codes li").Select(li => li.TextContent.Trim()).ToList();
        Assert.Equal(10, codes.Count);
        Assert.Equal(10, codes.Distinct().Count());

        var other = factory.CreateBrowser();
        await TryPasswordAsync(other, user.Email, user.Password);
        var used = await Pages.PostFormAsync(other, "/compte/code", new() { ["RecoveryCode"] = codes[0].ToLowerInvariant() }, handler: "Recovery");
        Assert.Equal(HttpStatusCode.Redirect, used.StatusCode);
        Assert.True(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.ActorId == user.Id && e.Action == AuditAction.RecoveryCodesRenewed)));
    }
}
