using Microsoft.Playwright;
using Vigie.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Vigie.BrowserTests.Journeys;

/// <summary>
/// From an empty database to a first partner organisation and user, in Chromium: installation,
/// first login with mandatory authenticator enrolment, administration pages, own activity, logout.
/// </summary>
public sealed class FirstRunJourneyTests(Chromium chromium)
{
    [Fact(Timeout = 240_000)]
    public async Task Operator_installs_then_administrator_enrols_creates_an_organisation_and_a_user_and_sees_it_in_their_activity()
    {
        await using var server = VigieServer.Start();
        await using var browser = await BrowserSession.OpenAsync(chromium.Browser, server, "premier-demarrage", TestContext.Current.CancellationToken);
        var page = browser.Page;

        // 1. Installation, from the link in the log.
        await Steps.InstallAsync(browser, server);

        // 2. First login of the Administrateur: password, then mandatory enrolment.
        await Steps.GoToLoginAfterInstallAsync(browser);
        await Steps.SubmitPasswordAsync(page, Steps.Administrateur.Email, Steps.Administrateur.Password);

        await Steps.EnrolAsync(browser);
        await Expect(page.Locator("h1")).ToHaveTextAsync($"Bonjour {Steps.Administrateur.Name}");
        await browser.CheckPageAsync("accueil");

        // 3. A partner organisation.
        const string organisation = "Maison d'enfants du Parc (essai navigateur)";
        var organisationId = await Steps.CreateOrganisationAsync(browser,
            new NewOrganisation(organisation, "Association", "Lyon 3e", "accueil@parc.vigie.invalid", "04 72 00 00 00"));

        // 4. A Professionnel in that organisation.
        var professional = await Steps.CreateAccountAsync(browser,
            new NewAccount("Chloé Bernard", "chloe.bernard@parc.vigie.invalid", "Éducatrice spécialisée", organisation, "Professionnel"));

        // 5. "Mon activité" shows both actions, on the objects just created, and the login.
        await page.GetByRole(AriaRole.Link, new() { Name = "Mon activité" }).First.ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Mon activité");
        await browser.CheckPageAsync("mon-activite");
        var entries = page.Locator("table.data-table tbody tr");
        await Expect(entries.Filter(new() { Has = page.Locator("td:nth-child(4)", new() { HasTextRegex = Steps.WholeText("Organisation créée") }) })
            .Filter(new() { Has = page.Locator($"span[title='{organisationId}']") })).ToHaveCountAsync(1);
        await Expect(entries.Filter(new() { Has = page.Locator("td:nth-child(4)", new() { HasTextRegex = Steps.WholeText("Compte créé") }) })
            .Filter(new() { Has = page.Locator($"span[title='{professional.Id}']") })).ToHaveCountAsync(1);
        await Expect(entries.Filter(new() { Has = page.Locator("td:nth-child(4)", new() { HasTextRegex = Steps.WholeText("Connexion") }) }))
            .ToHaveCountAsync(1);

        // 6. Logging out brings the login page back, and the home page is closed again.
        await Steps.LogOutAsync(browser, "connexion-apres-deconnexion");
        await page.GotoAsync("/");
        Assert.Equal("/compte/connexion", new Uri(page.Url).AbsolutePath);
        await browser.CheckPageAsync("accueil-apres-deconnexion");

        await browser.AssertCleanAsync();
    }
}
