using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Vigie.Tests.Infrastructure;
using Vigie.Web.Features.Compte;

namespace Vigie.Tests.Platform;

/// <summary>In Production: HTTPS only, __Host- cookies, HSTS.</summary>
public sealed class ProductionTests(ProductionTests.ProductionFactory factory) : IClassFixture<ProductionTests.ProductionFactory>
{
    public sealed class ProductionFactory : VigieFactory
    {
        protected override string EnvironmentName => "Production";
    }

    private HttpClient Client(string scheme) => factory.CreateClient(new WebApplicationFactoryClientOptions
    {
        AllowAutoRedirect = false,
        HandleCookies = true,
        BaseAddress = new Uri($"{scheme}://vigie.test"),
    });

    [Fact]
    public async Task Plain_http_is_sent_to_https_or_refused_never_a_500()
    {
        var http = Client("http");

        var get = await http.GetAsync("/compte/connexion?retour=%2F");
        Assert.Equal(HttpStatusCode.TemporaryRedirect, get.StatusCode);
        Assert.Equal("https://vigie.test/compte/connexion?retour=%2F", get.Headers.Location!.ToString());

        var post = await http.PostAsync("/compte/connexion", new FormUrlEncodedContent(new Dictionary<string, string> { ["Email"] = "x" }));
        Assert.Equal(HttpStatusCode.BadRequest, post.StatusCode);
        Assert.Contains("HTTPS", await post.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/health")).StatusCode);
    }

    [Fact]
    public async Task Over_https_login_works_with_secure_host_prefixed_cookies_and_hsts()
    {
        var user = await factory.CreateUserAsync(Roles.Professionnel);
        var https = Client("https");

        var page = await https.GetAsync("/compte/connexion");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("max-age=63072000", page.Headers.GetValues("Strict-Transport-Security").Single(), StringComparison.Ordinal);
        var token = (await Pages.ParseAsync(page)).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var login = await Pages.PostAsync(https, "/compte/connexion", new() { ["Email"] = user.Email, ["Password"] = user.Password }, token);
        var cookies = login.Headers.GetValues("Set-Cookie").ToList();
        Assert.Contains(cookies, c => c.StartsWith("__Host-vigie-2fa=", StringComparison.Ordinal) && c.Contains("secure", StringComparison.OrdinalIgnoreCase)
            && c.Contains("samesite=strict", StringComparison.OrdinalIgnoreCase) && c.Contains("httponly", StringComparison.OrdinalIgnoreCase));

        var code = await Pages.PostFormAsync(https, "/compte/code", new() { ["Code"] = factory.NextCode(user) });
        Assert.Contains(code.Headers.GetValues("Set-Cookie"), c => c.StartsWith("__Host-vigie=", StringComparison.Ordinal) && c.Contains("secure", StringComparison.OrdinalIgnoreCase));
        Assert.Equal(HttpStatusCode.OK, (await https.GetAsync("/")).StatusCode);
    }
}
