using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Vigie.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Vigie.BrowserTests.Journeys;

/// <summary>
/// From an empty database to a first partner organisation and user, in Chromium: installation,
/// first login with mandatory authenticator enrolment, administration pages, own activity, logout.
/// </summary>
public sealed partial class FirstRunJourneyTests(Chromium chromium)
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
        await page.GetByRole(AriaRole.Link, new() { Name = "Aller à la connexion" }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Connexion à Vigie");
        await browser.CheckPageAsync("connexion");
        await Steps.SubmitPasswordAsync(page, Steps.Administrateur.Email, Steps.Administrateur.Password);

        await page.WaitForURLAsync("**/compte/double-authentification");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Activer la double authentification");
        await Expect(page.Locator(".qr svg")).ToBeVisibleAsync();
        await browser.CheckPageAsync("double-authentification");
        var shownKey = await page.Locator("#totp-key").InnerTextAsync();
        Assert.Matches(ShownKey(), shownKey.Trim());
        var key = shownKey.Replace(" ", string.Empty, StringComparison.Ordinal).Trim().ToUpperInvariant();
        // What an authenticator app shows now, from the real clock.
        var code = new OtpNet.Totp(OtpNet.Base32Encoding.ToBytes(key)).ComputeTotp();
        await page.GetByLabel("Code à 6 chiffres").FillAsync(code);
        await page.GetByRole(AriaRole.Button, new() { Name = "Activer" }).ClickAsync();

        await Expect(page.Locator("h1")).ToHaveTextAsync("Double authentification activée");
        await Expect(page.Locator(".recovery-codes li")).ToHaveCountAsync(10);
        var recoveryCodes = await page.Locator(".recovery-codes li").AllInnerTextsAsync();
        Assert.Equal(10, recoveryCodes.Select(c => c.Trim()).Where(c => c.Length >= 8).Distinct().Count());
        await browser.CheckPageAsync("codes-de-secours");

        await page.GetByRole(AriaRole.Link, new() { Name = "J'ai noté mes codes, continuer" }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync($"Bonjour {Steps.Administrateur.Name}");
        await browser.CheckPageAsync("accueil");

        // 3. A partner organisation.
        var navigation = page.GetByRole(AriaRole.Navigation, new() { Name = "Navigation principale" });
        await navigation.GetByRole(AriaRole.Link, new() { Name = "Organisations" }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Organisations");
        await browser.CheckPageAsync("organisations");
        await page.GetByRole(AriaRole.Link, new() { Name = "Nouvelle organisation" }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Nouvelle organisation");
        await browser.CheckPageAsync("nouvelle-organisation");

        const string organisation = "Maison d'enfants du Parc (essai navigateur)";
        await page.Locator("[name='Input.Name']").FillAsync(organisation);
        await page.Locator("[name='Input.Kind']").SelectOptionAsync(new SelectOptionValue { Label = "Association" });
        await page.Locator("[name='Input.Territory']").FillAsync("Lyon 3e");
        await page.Locator("[name='Input.Email']").FillAsync("accueil@parc.vigie.invalid");
        await page.Locator("[name='Input.Phone']").FillAsync("04 72 00 00 00");
        await page.GetByRole(AriaRole.Button, new() { Name = "Créer l'organisation" }).ClickAsync();

        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/administration/organisations");
        await Expect(page.GetByText($"L'organisation « {organisation} » a été créée.")).ToBeVisibleAsync();
        var row = page.Locator("table.data-table tbody tr", new() { HasText = organisation });
        await Expect(row).ToHaveCountAsync(1);
        await Expect(row.Locator("td").Nth(1)).ToHaveTextAsync("Association");
        await Expect(row.Locator("td").Nth(2)).ToHaveTextAsync("Lyon 3e");
        var organisationId = IdAtEnd(await row.GetByRole(AriaRole.Link).GetAttributeAsync("href"));
        await browser.CheckPageAsync("organisations-apres-creation");

        // 4. A Professionnel in that organisation.
        await navigation.GetByRole(AriaRole.Link, new() { Name = "Utilisateurs" }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Utilisateurs");
        await browser.CheckPageAsync("utilisateurs");
        await page.GetByRole(AriaRole.Link, new() { Name = "Nouvel utilisateur" }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Nouvel utilisateur");
        await browser.CheckPageAsync("nouvel-utilisateur");

        await page.Locator("[name='Input.DisplayName']").FillAsync("Chloé Bernard");
        await page.Locator("[name='Input.Email']").FillAsync("chloe.bernard@parc.vigie.invalid");
        await page.Locator("[name='Input.JobTitle']").FillAsync("Éducatrice spécialisée");
        await page.Locator("[name='Input.OrganisationId']").SelectOptionAsync(new SelectOptionValue { Label = organisation });
        await page.Locator("#role-Professionnel").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Créer le compte" }).ClickAsync();

        await Expect(page.Locator("h1")).ToHaveTextAsync("Compte créé");
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("chloe.bernard@parc.vigie.invalid");
        var temporaryPassword = (await page.Locator("#temporary-password").InnerTextAsync()).Trim();
        Assert.True(temporaryPassword.Length >= 12, $"Mot de passe provisoire trop court : « {temporaryPassword} »");
        var userId = IdAtEnd(await page.GetByRole(AriaRole.Link, new() { Name = "Voir le compte" }).GetAttributeAsync("href"));
        await browser.CheckPageAsync("compte-cree");

        // 5. "Mon activité" shows both actions, on the objects just created, and the login.
        await page.GetByRole(AriaRole.Link, new() { Name = "Mon activité" }).First.ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Mon activité");
        await browser.CheckPageAsync("mon-activite");
        var entries = page.Locator("table.data-table tbody tr");
        await Expect(entries.Filter(new() { Has = page.Locator("td:nth-child(4)", new() { HasTextRegex = ActionCell("Organisation créée") }) })
            .Filter(new() { Has = page.Locator($"span[title='{organisationId}']") })).ToHaveCountAsync(1);
        await Expect(entries.Filter(new() { Has = page.Locator("td:nth-child(4)", new() { HasTextRegex = ActionCell("Compte créé") }) })
            .Filter(new() { Has = page.Locator($"span[title='{userId}']") })).ToHaveCountAsync(1);
        await Expect(entries.Filter(new() { Has = page.Locator("td:nth-child(4)", new() { HasTextRegex = ActionCell("Connexion") }) }))
            .ToHaveCountAsync(1);

        // 6. Logging out brings the login page back, and the home page is closed again.
        await page.GetByRole(AriaRole.Button, new() { Name = "Se déconnecter" }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Connexion à Vigie");
        Assert.Equal("/compte/connexion", new Uri(page.Url).AbsolutePath);
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Se déconnecter" })).ToHaveCountAsync(0);
        await browser.CheckPageAsync("connexion-apres-deconnexion");
        await page.GotoAsync("/");
        Assert.Equal("/compte/connexion", new Uri(page.Url).AbsolutePath);
        await browser.CheckPageAsync("accueil-apres-deconnexion");

        await browser.AssertCleanAsync();
    }

    private static string IdAtEnd(string? href)
    {
        Assert.False(string.IsNullOrEmpty(href), "Lien sans adresse.");
        return href[(href.LastIndexOf('/') + 1)..];
    }

    private static Regex ActionCell(string label) => new($"^\\s*{Regex.Escape(label)}\\s*$");

    [GeneratedRegex("^([a-z2-7]{4} )*[a-z2-7]{1,4}$")]
    private static partial Regex ShownKey();
}
