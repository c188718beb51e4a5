using System.Net;
using Vigie.Tests.Infrastructure;

namespace Vigie.Tests.Compte;

public sealed class RateLimitTests
{
    private sealed class StrictFactory : VigieFactory
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Vigie:Accounts:LoginAttemptsPerMinute"] = "3" };
    }

    [Fact]
    public async Task Login_attempts_beyond_the_limit_get_429_until_the_minute_passes()
    {
        using var factory = new StrictFactory();
        var client = factory.CreateBrowser();
        var token = await Pages.TokenAsync(client, "/compte/connexion");
        var fields = new Dictionary<string, string> { ["Email"] = "x@tests.vigie.invalid", ["Password"] = "pas le bon mot de passe" };

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            statuses.Add((await Pages.PostAsync(client, "/compte/connexion", fields, token)).StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses);
        // Reading the page is never limited.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/compte/connexion")).StatusCode);
    }
}
