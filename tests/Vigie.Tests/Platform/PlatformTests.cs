using System.Net;
using System.Text.RegularExpressions;
using Vigie.Tests.Infrastructure;
using Vigie.Web.Features.Compte;

namespace Vigie.Tests.Platform;

public sealed partial class PlatformTests(VigieFactory factory) : IClassFixture<VigieFactory>
{
    [Fact]
    public async Task Health_answers_without_login_and_checks_the_database()
    {
        var response = await factory.CreateBrowser().GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Pages_require_login_by_default()
    {
        var response = await factory.CreateBrowser().GetAsync("/administration/organisations");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/compte/connexion", response.Headers.Location!.AbsolutePath, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Responses_carry_a_strict_csp_and_protective_headers()
    {
        var response = await factory.CreateBrowser().GetAsync("/compte/connexion");
        var csp = string.Join(' ', response.Headers.GetValues("Content-Security-Policy"));

        Assert.Contains("default-src 'self'", csp, StringComparison.Ordinal);
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.False(response.Headers.Contains("Server"));
    }

    [Fact]
    public async Task Authenticated_pages_are_never_cached()
    {
        var client = await factory.LoginAsync(Roles.Administrateur);

        var response = await client.GetAsync("/administration/utilisateurs");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("no-store", response.Headers.CacheControl!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pages_hold_no_inline_script_or_style()
    {
        var admin = await factory.LoginAsync(Roles.Administrateur);
        foreach (var url in new[] { "/", "/administration/organisations", "/administration/utilisateurs", "/administration/utilisateurs/nouveau", "/compte/activite" })
        {
            var html = await admin.GetStringAsync(url);
            Assert.DoesNotMatch(InlineScript(), html);
            Assert.DoesNotMatch(InlineStyle(), html);
        }
    }

    [Fact]
    public async Task Unknown_page_gets_the_generic_french_404()
    {
        var client = await factory.LoginAsync(Roles.Professionnel);

        var response = await client.GetAsync("/nexiste/pas");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Page introuvable", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Form_without_antiforgery_token_is_refused()
    {
        var client = factory.CreateBrowser();

        var response = await client.PostAsync("/compte/connexion",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["Email"] = "x@y.fr", ["Password"] = "abcdefghijklmnop" }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Requête invalide", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Navigation_shows_only_what_the_role_allows()
    {
        var admin = await Pages.GetDocumentAsync(await factory.LoginAsync(Roles.Administrateur), "/");
        var dpo = await Pages.GetDocumentAsync(await factory.LoginAsync(Roles.Dpo), "/");
        var pro = await Pages.GetDocumentAsync(await factory.LoginAsync(Roles.Professionnel), "/");
        var coordination = await Pages.GetDocumentAsync(await factory.LoginAsync(Roles.Coordination), "/");
        var observatoire = await factory.LoginAsync(Roles.Observatoire);
        var observatoireHome = await Pages.GetDocumentAsync(observatoire, "/");

        string[] Links(AngleSharp.Html.Dom.IHtmlDocument d) => d.QuerySelectorAll(".main-nav a").Select(a => a.GetAttribute("href")!).ToArray();
        Assert.Contains("/administration/utilisateurs", Links(admin));
        Assert.DoesNotContain("/protection/journal", Links(admin));
        Assert.Contains("/protection/journal", Links(dpo));
        Assert.DoesNotContain("/administration/utilisateurs", Links(dpo));
        // The commission is for professionals, members and Coordination (its sessions, requests and items).
        Assert.Equal(["/", "/situations", "/echeances", "/accueil", "/commission", "/actions", "/annuaire", "/lexique"], Links(pro));
        Assert.DoesNotContain("/actions", Links(admin));
        Assert.DoesNotContain("/accompagnements", Links(pro));
        Assert.DoesNotContain("/commission", Links(admin));
        Assert.DoesNotContain("/commission", Links(dpo));
        Assert.DoesNotContain("/situations", Links(admin));
        Assert.DoesNotContain("/echeances", Links(dpo));
        // The observatory's figures: Coordination and the Observatoire role, no one else.
        Assert.Contains("/observatoire", Links(coordination));
        Assert.Equal(["/", "/observatoire", "/formation/chiffres", "/annuaire", "/lexique"], Links(observatoireHome));
        // The directory and the lexique hold no data about minors: every role has them.
        Assert.All(new[] { admin, dpo, pro, coordination, observatoireHome }, d => Assert.Contains("/lexique", Links(d)));
        Assert.All(new[] { admin, dpo, pro, coordination, observatoireHome }, d => Assert.Contains("/annuaire", Links(d)));
        Assert.DoesNotContain("/observatoire", Links(pro));
        Assert.DoesNotContain("/observatoire", Links(admin));
        Assert.DoesNotContain("/observatoire", Links(dpo));
        // Active on every page under /observatoire, and only there.
        Assert.Null(observatoireHome.QuerySelector(".main-nav a[href='/observatoire']")!.GetAttribute("class"));
        foreach (var path in new[] { "/observatoire", "/observatoire/extrait" })
        {
            var page = await Pages.GetDocumentAsync(observatoire, path);
            Assert.Equal("active", page.QuerySelector(".main-nav a[href='/observatoire']")!.GetAttribute("class"));
        }
    }

    [GeneratedRegex(@"<script(?![^>]*\ssrc=)[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex InlineScript();

    [GeneratedRegex(@"<[^>]+\sstyle=""|<style", RegexOptions.IgnoreCase)]
    private static partial Regex InlineStyle();
}
