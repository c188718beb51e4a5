using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Vigie.Web.Data;
using Vigie.Web.Features.Administration;
using Vigie.Web.Features.Compte;

namespace Vigie.Tests.Infrastructure;

/// <summary>
/// A real Vigie on its own database (SQLite or PostgreSQL, see <see cref="TestDatabase"/>) with a
/// fake clock that tests move forward, and helpers to create accounts and log in through the pages.
/// </summary>
public class VigieFactory : WebApplicationFactory<Program>
{
    private readonly TestDatabase _database;
    private readonly bool _ownsDatabase;
    private int _userCounter;

    public VigieFactory()
        : this(null)
    {
    }

    /// <summary>A second Vigie instance on <paramref name="sharedDatabase"/> (another factory's), e.g. two senders on one database.</summary>
    protected VigieFactory(TestDatabase? sharedDatabase)
    {
        _database = sharedDatabase ?? new TestDatabase();
        _ownsDatabase = sharedDatabase is null;
    }

    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    public TestDatabase Database => _database;

    public LogCollector Logs { get; } = new();

    /// <summary>Extra settings for one test class (e.g. a low login rate limit).</summary>
    protected virtual IDictionary<string, string?> Settings => new Dictionary<string, string?>();

    protected virtual string EnvironmentName => "Testing";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(EnvironmentName);
        var settings = new Dictionary<string, string?>
        {
            ["Vigie:Database:Provider"] = TestDatabase.Provider,
            ["Vigie:Database:ConnectionString"] = _database.ConnectionString,
            ["Vigie:Database:DataFolder"] = _database.DataFolder,
            ["Vigie:Keys:Folder"] = _database.KeysFolder,
            ["Vigie:Accounts:LoginAttemptsPerMinute"] = "100000",
            // Tests drive the outbox sender themselves (OutboxDispatcher.RunOnceAsync).
            ["Vigie:Mail:Outbox:Background"] = "false",
            // And the commission's action reminders (ActionReminders.RunOnceAsync).
            ["Vigie:Commission:RemindersInBackground"] = "false",
            // And the surveys' reminders (SurveyReminders.RunOnceAsync).
            ["Vigie:Enquetes:RemindersInBackground"] = "false",
        };
        foreach (var (key, value) in Settings)
        {
            settings[key] = value;
        }

        builder.ConfigureAppConfiguration((_, config) => config.AddInMemoryCollection(settings));
        // Command-line style settings win over appsettings.json in the content root.
        builder.UseSetting("Vigie:Database:Provider", TestDatabase.Provider);
        builder.ConfigureLogging(logging => logging.AddProvider(Logs));
        builder.ConfigureServices(services =>
        {
            services.AddSingleton<TimeProvider>(Clock);
        });
    }

    public HttpClient CreateBrowser() =>
        CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    public async Task<T> WithScopeAsync<T>(Func<IServiceProvider, Task<T>> action)
    {
        await using var scope = Services.CreateAsyncScope();
        return await action(scope.ServiceProvider);
    }

    public Task WithDbAsync(Func<VigieDbContext, Task> action) =>
        WithScopeAsync(async sp =>
        {
            await action(sp.GetRequiredService<VigieDbContext>());
            return true;
        });

    public async Task<Guid> CreateOrganisationAsync(string? name = null, OrganisationKind kind = OrganisationKind.Ase)
    {
        var organisation = Organisation.Create(name ?? $"Organisation {Guid.NewGuid():N}", kind, null, null, null, Clock.GetUtcNow().UtcDateTime);
        await WithDbAsync(async db =>
        {
            db.Organisations.Add(organisation);
            await db.SaveChangesAsync();
        });
        return organisation.Id;
    }

    /// <summary>Creates an account directly in the store. Enrolled accounts get a TOTP key, as after enrolment.</summary>
    public async Task<TestUser> CreateUserAsync(string role, bool enrolled = true, Guid? organisationId = null, string? password = null)
    {
        var orgId = organisationId ?? await CreateOrganisationAsync();
        var n = Interlocked.Increment(ref _userCounter);
        var email = $"{role.ToLowerInvariant()}{n}@tests.vigie.invalid";
        password ??= $"cheval agrafe {n} batterie correcte";
        return await WithScopeAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<VigieUser>>();
            var user = new VigieUser
            {
                DisplayName = $"Testeur {role} {n}",
                Email = email,
                UserName = email,
                EmailConfirmed = true,
                OrganisationId = orgId,
                CreatedAt = Clock.GetUtcNow().UtcDateTime,
            };
            Check(await users.CreateAsync(user, password));
            Check(await users.AddToRoleAsync(user, role));
            string? key = null;
            if (enrolled)
            {
                Check(await users.ResetAuthenticatorKeyAsync(user));
                key = await users.GetAuthenticatorKeyAsync(user);
                Check(await users.SetTwoFactorEnabledAsync(user, true));
            }

            return new TestUser(user.Id, email, password, key, role);
        });
    }

    /// <summary>Logs in through the real pages, typing the code an authenticator app would show now.</summary>
    public async Task<HttpClient> LoginAsync(TestUser user)
    {
        var client = CreateBrowser();
        var response = await Pages.PostFormAsync(client, "/compte/connexion", new() { ["Email"] = user.Email, ["Password"] = user.Password });
        Assert.Equal(System.Net.HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/compte/code", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
        response = await Pages.PostFormAsync(client, "/compte/code", new() { ["Code"] = NextCode(user) });
        Assert.Equal(System.Net.HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location!.OriginalString);
        return client;
    }

    public async Task<HttpClient> LoginAsync(string role) => await LoginAsync(await CreateUserAsync(role));

    /// <summary>Moves the clock to the next 30-second step (a code is accepted once) and returns the code an app would show.</summary>
    public string NextCode(TestUser user) => NextCode(user.TotpKey ?? throw new InvalidOperationException("Compte non enrôlé."));

    public string NextCode(string base32Key)
    {
        Clock.Advance(TimeSpan.FromSeconds(30));
        var totp = new OtpNet.Totp(OtpNet.Base32Encoding.ToBytes(base32Key));
        return totp.ComputeTotp(Clock.GetUtcNow().UtcDateTime);
    }

    public async Task<T> WithDbAsync<T>(Func<VigieDbContext, Task<T>> action) =>
        await WithScopeAsync(sp => action(sp.GetRequiredService<VigieDbContext>()));

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && _ownsDatabase)
        {
            _database.Dispose();
        }
    }

    private static void Check(IdentityResult result) =>
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Description)));
}

public sealed record TestUser(string Id, string Email, string Password, string? TotpKey, string Role);
