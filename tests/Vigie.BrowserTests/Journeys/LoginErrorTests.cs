using Microsoft.Playwright;
using Vigie.BrowserTests.Infrastructure;
using Vigie.Web.Features.Compte;
using static Microsoft.Playwright.Assertions;

namespace Vigie.BrowserTests.Journeys;

public sealed class LoginErrorTests(Chromium chromium)
{
    /// <summary>The page must not tell whether an address has an account.</summary>
    [Fact(Timeout = 120_000)]
    public async Task Login_page_shows_the_same_generic_error_for_an_unknown_email_and_for_a_wrong_password()
    {
        await using var server = VigieServer.Start();
        await using var browser = await BrowserSession.OpenAsync(chromium.Browser, server, "connexion-erreurs", TestContext.Current.CancellationToken);
        var page = browser.Page;
        // An account must exist for "wrong password" to mean anything.
        await Steps.InstallAsync(browser, server);

        await browser.GotoAsync("/compte/connexion", "connexion");
        await Expect(page.Locator("#login-error")).ToHaveCountAsync(0);

        await Steps.SubmitPasswordAsync(page, "personne.inconnue@exploitant.vigie.invalid", Steps.Administrateur.Password);
        Assert.Equal("/compte/connexion", new Uri(page.Url).AbsolutePath);
        await Expect(page.GetByRole(AriaRole.Alert)).ToBeVisibleAsync();
        var unknownEmail = (await page.Locator("#login-error").InnerTextAsync()).Trim();
        await Expect(page.GetByLabel("Mot de passe", new() { Exact = true })).ToHaveValueAsync(string.Empty);
        await browser.CheckPageAsync("connexion-adresse-inconnue");

        await Steps.SubmitPasswordAsync(page, Steps.Administrateur.Email, "mauvais mot de passe pour Alice 7");
        Assert.Equal("/compte/connexion", new Uri(page.Url).AbsolutePath);
        await Expect(page.GetByLabel("Adresse e-mail", new() { Exact = true })).ToHaveValueAsync(Steps.Administrateur.Email);
        await Expect(page.GetByRole(AriaRole.Alert)).ToBeVisibleAsync();
        var wrongPassword = (await page.Locator("#login-error").InnerTextAsync()).Trim();
        await Expect(page.GetByLabel("Mot de passe", new() { Exact = true })).ToHaveValueAsync(string.Empty);
        await browser.CheckPageAsync("connexion-mauvais-mot-de-passe");

        Assert.Equal(LoginModel.GenericError, unknownEmail);
        Assert.Equal(unknownEmail, wrongPassword);
        await browser.AssertCleanAsync();
    }
}
