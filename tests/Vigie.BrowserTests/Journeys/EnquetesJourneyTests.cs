using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Vigie.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Vigie.BrowserTests.Journeys;

/// <summary>
/// The yearly ASE survey in the browser. Coordination drafts a campaign (prefilled with the Lyon
/// questions and the ASE service) and opens it; a professional of the service finds "Enquêtes" in the
/// navigation, is told in French that girls and boys cannot exceed the situations identified (what was
/// typed stays), submits, then Coordination reads the service's status, the result, the trend and the
/// survey table beside indicator 1 of the observatory. An axe scan on every page visited.
/// </summary>
public sealed partial class EnquetesJourneyTests(Chromium chromium)
{
    private static readonly NewOrganisation Service = new(
        "ASE Lyon Nord (fictive)", "Aide sociale à l'enfance (ASE)", "Lyon 4e", "ase.nord@metropole.vigie.invalid", "04 78 00 00 11");

    private static readonly Account Worker = new("Nadia Ferrand", "nadia.ferrand@metropole.vigie.invalid", "une barque verte sur le rhone 73");

    [Fact(Timeout = 600_000)]
    public async Task A_service_answers_the_survey_after_a_French_correction_and_Coordination_sees_the_result_and_the_trend()
    {
        var cancellation = TestContext.Current.CancellationToken;
        await using var server = VigieServer.Start();
        await using var browser = await BrowserSession.OpenAsync(chromium.Browser, server, "enquetes", cancellation);
        var page = browser.Page;
        var admin = Steps.Administrateur;
        var coordination = Steps.Coordination;
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris")).DateTime);
        var year = today.Year - 1; // the survey of the year just ended (the form's default)

        // 1. Installation; the administrator creates the ASE service and one of its professionals.
        await Steps.InstallAsync(browser, server);
        await Steps.GoToLoginAfterInstallAsync(browser);
        await Steps.SubmitPasswordAsync(page, admin.Email, admin.Password);
        await Steps.EnrolAsync(browser, "administrateur-");
        await Steps.CreateOrganisationAsync(browser, Service);
        var workerAccount = await Steps.CreateAccountAsync(browser, new NewAccount(Worker.Name, Worker.Email, "Référente ASE", Service.Name, "Professionnel"));
        await Steps.LogOutAsync(browser, "connexion-apres-administrateur");

        // 2. Coordination: "Enquêtes" in the navigation, a new campaign prefilled, created as a draft, then opened.
        await Steps.SubmitPasswordAsync(page, coordination.Email, coordination.Password);
        var coordinationCodes = await Steps.EnrolAsync(browser, "coordination-");
        var enquetes = Steps.MainNavigation(page).GetByRole(AriaRole.Link, new() { Name = "Enquêtes", Exact = true });
        await enquetes.ClickAndWaitForUrlAsync(page, url => new Uri(url).AbsolutePath == "/enquetes");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Enquêtes");
        await Expect(enquetes).ToHaveClassAsync(new Regex(@"\bactive\b"));
        await browser.CheckPageAsync("enquetes-vide");

        await page.GetByRole(AriaRole.Link, new() { Name = "Nouvelle campagne" }).ClickAndWaitForUrlAsync(page, url => new Uri(url).AbsolutePath == "/enquetes/nouvelle");
        await Expect(page.GetByLabel("Question 1", new() { Exact = true })).ToHaveValueAsync("Situations identifiées comme conduites prostitutionnelles");
        await Expect(page.GetByLabel("Question 2", new() { Exact = true })).ToHaveValueAsync("Filles en situation de prostitution avérée au cours de l'année");
        await Expect(page.GetByLabel("Question 3", new() { Exact = true })).ToHaveValueAsync("Garçons en situation de prostitution avérée au cours de l'année");
        await Expect(page.GetByLabel("Année de l'enquête")).ToHaveValueAsync(year.ToString());
        await Expect(page.GetByRole(AriaRole.Checkbox, new() { Name = Service.Name })).ToBeCheckedAsync();
        await browser.CheckPageAsync("nouvelle-campagne");
        await page.GetByLabel("Date de clôture (incluse)").FillAsync(Steps.IsoDate(today.AddDays(20)));
        await page.GetByRole(AriaRole.Button, new() { Name = "Créer la campagne (brouillon)" })
            .ClickAndWaitForUrlAsync(page, url => CampaignPath().IsMatch(new Uri(url).AbsolutePath));
        var campaign = CampaignPath().Match(new Uri(page.Url).AbsolutePath).Groups["id"].Value;
        await Expect(page.Locator("#statut")).ToContainTextAsync("Brouillon");
        await browser.CheckPageAsync("campagne-brouillon");
        await page.GetByRole(AriaRole.Button, new() { Name = "Ouvrir la campagne aux services" }).ClickAndWaitForNewDocumentAsync(page);
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("La campagne est ouverte : 1 service(s) interrogé(s), 1 utilisateur(s) prévenu(s).");
        await Expect(page.Locator("#statut")).ToContainTextAsync("Ouverte");
        await Expect(page.Locator("#repondu")).ToHaveTextAsync("0 sur 1");
        await browser.CheckPageAsync("campagne-ouverte");
        await Steps.LogOutAsync(browser, "connexion-apres-coordination");

        // 3. The professional: the notification and "Enquêtes" lead to the service's answer page.
        await Steps.FirstLoginAsync(browser, Worker, workerAccount.TemporaryPassword, "professionnel-");
        await Steps.MainNavigation(page).GetByRole(AriaRole.Link, new() { Name = "Enquêtes", Exact = true })
            .ClickAndWaitForUrlAsync(page, url => new Uri(url).AbsolutePath == "/enquetes");
        await browser.CheckPageAsync("enquetes-service");
        await page.Locator("#enquetes-service").GetByRole(AriaRole.Link).ClickAndWaitForUrlAsync(page, url => new Uri(url).AbsolutePath == $"/enquetes/{campaign}/reponse");
        await Expect(page.Locator("#service")).ToHaveTextAsync(Service.Name);
        await Expect(page.Locator("#etat-reponse")).ToContainTextAsync("Votre service n'a pas encore répondu.");
        await browser.CheckPageAsync("reponse-vide");

        var situations = page.GetByLabel("Situations identifiées comme conduites prostitutionnelles");
        var girls = page.GetByLabel("Filles en situation de prostitution avérée au cours de l'année");
        var boys = page.GetByLabel("Garçons en situation de prostitution avérée au cours de l'année");
        await situations.FillAsync("5");
        await girls.FillAsync("4");
        await boys.FillAsync("3");
        await page.GetByRole(AriaRole.Button, new() { Name = "Envoyer la réponse" }).ClickAndWaitForNewDocumentAsync(page);
        await Expect(page.Locator("#form-errors")).ToContainTextAsync("ne peuvent dépasser les situations identifiées comme conduites prostitutionnelles (5)");
        await Expect(girls).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(situations).ToHaveValueAsync("5");
        await Expect(girls).ToHaveValueAsync("4");
        await Expect(boys).ToHaveValueAsync("3");
        await browser.CheckPageAsync("reponse-erreur");

        await situations.FillAsync("18");
        await girls.FillAsync("5");
        await boys.FillAsync("1");
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer le brouillon" }).ClickAndWaitForNewDocumentAsync(page);
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Le brouillon est enregistré");
        await Expect(situations).ToHaveValueAsync("18");
        await page.GetByRole(AriaRole.Button, new() { Name = "Envoyer la réponse" }).ClickAndWaitForNewDocumentAsync(page);
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("La réponse de votre service est envoyée.");
        await Expect(page.Locator("#etat-reponse")).ToContainTextAsync("Réponse envoyée le");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer la modification" })).ToBeVisibleAsync();
        await browser.CheckPageAsync("reponse-envoyee");
        await Steps.LogOutAsync(browser, "connexion-apres-professionnel");

        // 4. Coordination: the service answered, the result, the trend and indicator 1 of the observatory.
        await Steps.LoginAsync(browser, coordination, coordinationCodes);
        await browser.GotoAsync($"/enquetes/{campaign}", "campagne-resultat");
        await Expect(page.Locator("#repondu")).ToHaveTextAsync("1 sur 1");
        var serviceRow = page.Locator("#services-table tbody tr", new() { HasText = Service.Name });
        await Expect(serviceRow).ToContainTextAsync("Réponse envoyée");
        var results = page.Locator("#resultats-table tbody tr");
        await Expect(results.Nth(0).Locator("td").Nth(1)).ToHaveTextAsync("18");
        await Expect(results.Nth(1).Locator("td").Nth(1)).ToHaveTextAsync("5");
        await Expect(results.Nth(2).Locator("td").Nth(1)).ToHaveTextAsync("1");

        await page.GetByRole(AriaRole.Link, new() { Name = "Évolution sur plusieurs années" }).ClickAndWaitForUrlAsync(page, url => new Uri(url).AbsolutePath == "/enquetes/tendance");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Évolution des enquêtes annuelles");
        var trendRow = page.Locator("#tendance-table tbody tr").First;
        await Expect(trendRow.Locator("th")).ToContainTextAsync(year.ToString());
        await Expect(trendRow.Locator("td").Nth(0)).ToHaveTextAsync("1 sur 1");
        await Expect(trendRow.Locator("td").Nth(1)).ToHaveTextAsync("18");
        await Expect(page.Locator("#tendance-phrase")).ToContainTextAsync($"En {year}, les services ont identifié 18 situations.");
        await browser.CheckPageAsync("tendance");

        await browser.GotoAsync($"/observatoire?annee={year}", "observatoire-indicateur-1");
        await Expect(page.Locator("#tableau-1-2 caption")).ToHaveTextAsync("Enquête ASE : situations identifiées par année");
        await Expect(page.Locator("#indicateur-1 ~ .indicator__sentence").First).ToContainTextAsync($"Enquête auprès des services de l'ASE : 18 situations identifiées en {year}.");

        // 5. Coordination's pages on a phone's width: no page-wide horizontal scroll (wide tables scroll in their own box).
        await page.SetViewportSizeAsync(390, 844);
        foreach (var (path, step) in new[] { ($"/enquetes/{campaign}", "campagne-390"), ("/enquetes/tendance", "tendance-390"), ("/enquetes/nouvelle", "nouvelle-campagne-390") })
        {
            await browser.GotoAsync(path, step);
            var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]");
            Assert.True(widths[0] <= widths[1], $"{path} à 390 px : {widths[0]} px de contenu pour {widths[1]} px de fenêtre.");
        }

        await browser.AssertCleanAsync();
    }

    [GeneratedRegex("^/enquetes/(?<id>[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$")]
    private static partial Regex CampaignPath();
}
