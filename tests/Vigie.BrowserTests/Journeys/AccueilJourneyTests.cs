using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Vigie.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Vigie.BrowserTests.Journeys;

/// <summary>
/// Coordination creates a facility of one place (a first attempt refused, what was typed kept),
/// opens two situations, orients the first to it (admitted), then the second: the form warns that the
/// facility would be over capacity and records the orientation only once the user confirms. The
/// orientation shows on the situation's page, its timeline, and the facility's page (occupancy
/// today, twelve-month chart and table), looked at on a desktop and a phone width.
/// </summary>
public sealed class AccueilJourneyTests(Chromium chromium)
{
    private const string FacilityName = "STEP — Service de transition éducative";

    [Fact(Timeout = 300_000)]
    public async Task Coordination_creates_a_facility_and_orients_a_situation_to_it_past_the_capacity_warning()
    {
        await using var server = VigieServer.Start();
        await using var browser = await BrowserSession.OpenAsync(chromium.Browser, server, "accueil", TestContext.Current.CancellationToken);
        var page = browser.Page;
        var coordination = Steps.Coordination;
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris")));

        // 1. Installation, then the Coordination account's first login and enrolment.
        await Steps.InstallAsync(browser, server);
        await Steps.GoToLoginAfterInstallAsync(browser);
        await Steps.SubmitPasswordAsync(page, coordination.Email, coordination.Password);
        await Steps.EnrolAsync(browser, "coordination-");
        await Expect(page.Locator("h1")).ToHaveTextAsync($"Bonjour {coordination.Name}");

        // 2. "Lieux d'accueil" in the navigation: none yet.
        var navigation = Steps.MainNavigation(page);
        var accueil = navigation.GetByRole(AriaRole.Link, new() { Name = "Lieux d'accueil", Exact = true });
        await accueil.ClickAndWaitForUrlAsync(page, url => new Uri(url).AbsolutePath == "/accueil");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Lieux d'accueil");
        await Expect(accueil).ToHaveClassAsync(new Regex(@"\bactive\b"));
        await Expect(page.Locator("p.empty")).ToHaveTextAsync("Aucun lieu d'accueil enregistré.");
        await browser.CheckPageAsync("lieux-vide");

        // 3. A new facility, first with a capacity that is not a number: refused in French, the form kept.
        await page.GetByRole(AriaRole.Link, new() { Name = "Nouveau lieu d'accueil" }).ClickAndWaitForUrlAsync(page, url => new Uri(url).AbsolutePath == "/accueil/nouveau");
        var name = page.GetByLabel("Nom du lieu", new() { Exact = true });
        var capacity = page.GetByLabel("Nombre de places", new() { Exact = true });
        var manager = page.Locator("#Input_Managers_0_Name");
        await name.FillAsync(FacilityName);
        await page.GetByLabel("Type de lieu", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Accueil bas seuil" });
        await page.GetByLabel("Adresse (facultatif)").FillAsync("3 rue de la Charité, 69002 Lyon");
        await capacity.FillAsync("une");
        await manager.FillAsync("Claire Martin");
        await page.Locator("#Input_Managers_0_Function").FillAsync("Cheffe de service");
        await page.Locator("#Input_Managers_0_Email").FillAsync("claire.martin@step.vigie.invalid");
        await browser.CheckPageAsync("nouveau-lieu");
        var create = page.GetByRole(AriaRole.Button, new() { Name = "Créer le lieu d'accueil" });
        await create.ClickAndWaitForNewDocumentAsync(page);
        await Expect(page.Locator("#form-errors")).ToContainTextAsync("Le nombre de places est un nombre entier");
        await Expect(capacity).ToHaveValueAsync("une");
        await Expect(capacity).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(name).ToHaveValueAsync(FacilityName);
        await Expect(manager).ToHaveValueAsync("Claire Martin");
        await browser.CheckPageAsync("nouveau-lieu-erreur");

        await capacity.FillAsync("1");
        await create.ClickAndWaitForUrlAsync(page, new Regex("/accueil/[0-9a-f-]{36}$"));
        var facilityPath = new Uri(page.Url).AbsolutePath;
        await Expect(page.Locator("h1")).ToHaveTextAsync(FacilityName);
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("est créé");
        await Expect(page.Locator("#present-today")).ToContainTextAsync("0 pour 1 place");
        await browser.CheckPageAsync("lieu-cree");

        // 4. Two situations, opened by Coordination.
        var first = await OpenSituationAsync(browser, "Garnier", "Lina", new DateOnly(today.Year - 15, 8, 27));
        var second = await OpenSituationAsync(browser, "Hamon", "Sarah", new DateOnly(today.Year - 14, 12, 3));

        // 5. The first oriented and admitted today, from its page.
        await browser.GotoAsync($"/situations/{first}", "situation-1");
        await page.GetByRole(AriaRole.Link, new() { Name = "Orienter vers un lieu d'accueil ou suivre une orientation" })
            .ClickAndWaitForUrlAsync(page, url => new Uri(url).AbsolutePath == $"/situations/{first}/orientations");
        await Expect(page.Locator("p.empty")).ToHaveTextAsync("Aucune orientation enregistrée.");
        await browser.CheckPageAsync("orientations-vide");
        await FillOrientationAsync(page, today, "Mise à distance du réseau, accord de la jeune");
        var record = page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer l'orientation" });
        await record.ClickAndWaitForUrlAsync(page, url => new Uri(url).AbsolutePath == $"/situations/{first}/orientations");
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync($"L'orientation vers « {FacilityName} » est enregistrée.");
        await Expect(page.Locator("#orientations tbody tr")).ToHaveCountAsync(1);
        await Expect(page.Locator("#orientations tbody tr")).ToContainTextAsync("Mise à distance du réseau");
        await browser.CheckPageAsync("orientation-1-enregistree");

        // 6. The second: the only place is taken, the form warns and keeps what was typed; recorded once confirmed.
        await browser.GotoAsync($"/situations/{second}/orientations", "orientations-2");
        await FillOrientationAsync(page, today, "Sortie d'hospitalisation");
        await record.ClickAndWaitForNewDocumentAsync(page);
        await Expect(page.Locator("#capacity-warning")).ToContainTextAsync($"accueillerait 2 jeunes pour 1 place à partir du {today:dd/MM/yyyy}");
        await Expect(page.GetByLabel("Motif de l'orientation")).ToHaveValueAsync("Sortie d'hospitalisation");
        await Expect(page.Locator("#form-errors")).ToHaveCountAsync(0); // a warning, not an error
        await browser.CheckPageAsync("orientation-2-avertissement");
        await page.GetByLabel("Je confirme l'orientation malgré le dépassement de capacité (cette confirmation est tracée)").CheckAsync();
        await record.ClickAndWaitForUrlAsync(page, url => new Uri(url).AbsolutePath == $"/situations/{second}/orientations");
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("est enregistrée");

        // 7. On the situation's page and its timeline.
        await browser.GotoAsync($"/situations/{second}", "situation-2-orientee");
        await Expect(page.Locator("#orientations")).ToContainTextAsync(FacilityName);
        await Expect(page.Locator("#orientations")).ToContainTextAsync("Admis");
        await browser.GotoAsync($"/situations/{second}/chronologie", "chronologie-2");
        await Expect(page.Locator("main")).ToContainTextAsync($"Orientation proposée vers {FacilityName}");
        await Expect(page.Locator("main")).ToContainTextAsync($"Arrivée à {FacilityName}");

        // 8. The facility: two present for one place, both named for Coordination, the chart and its table.
        await browser.GotoAsync("/accueil", "lieux-un");
        await Expect(page.Locator("#lieux tbody tr")).ToContainTextAsync("Capacité dépassée");
        await page.GetByRole(AriaRole.Link, new() { Name = FacilityName }).ClickAndWaitForUrlAsync(page, url => new Uri(url).AbsolutePath == facilityPath);
        await Expect(page.Locator("#present-today")).ToContainTextAsync("2 pour 1 place");
        await Expect(page.Locator("#orientations-en-cours tbody tr")).ToHaveCountAsync(2);
        await Expect(page.Locator("figure.chart svg")).ToHaveCountAsync(1);
        await Expect(page.Locator("#occupation-mois tbody tr")).ToHaveCountAsync(12);
        await Expect(page.Locator("#occupation-mois tbody tr").Last.Locator("td").Nth(1)).ToHaveTextAsync("2");
        await browser.CheckPageAsync("lieu-occupe");
        await page.SetViewportSizeAsync(390, 844);
        await browser.CheckPageAsync("lieu-occupe-390");
        await browser.GotoAsync($"/situations/{second}/orientations", "orientations-390");

        await browser.AssertCleanAsync();
    }

    private static async Task FillOrientationAsync(IPage page, DateOnly today, string reason)
    {
        await page.GetByLabel("Lieu d'accueil", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = $"{FacilityName} — Accueil bas seuil (1 place)" });
        await page.GetByLabel("Date de proposition").FillAsync(Steps.IsoDate(today));
        await page.GetByLabel("Suite donnée").SelectOptionAsync(new SelectOptionValue { Label = "Admis" });
        await page.GetByLabel("Date d'arrivée (ou prévue)").FillAsync(Steps.IsoDate(today));
        await page.GetByLabel("Motif de l'orientation").FillAsync(reason);
    }

    private static async Task<string> OpenSituationAsync(BrowserSession browser, string lastName, string firstName, DateOnly birth)
    {
        var page = browser.Page;
        var response = await page.GotoAsync("/situations/nouvelle");
        Assert.Equal(200, response!.Status);
        await page.GetByLabel("Nom", new() { Exact = true }).FillAsync(lastName);
        await page.GetByLabel("Prénom(s)", new() { Exact = true }).FillAsync(firstName);
        await page.GetByLabel("Date de naissance", new() { Exact = true }).FillAsync(Steps.IsoDate(birth));
        await page.GetByLabel("Sexe", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Fille" });
        await page.GetByLabel("Territoire (commune ou arrondissement)", new() { Exact = true }).FillAsync("Lyon 2e");
        await page.GetByRole(AriaRole.Button, new() { Name = "Ouvrir la situation" }).ClickAndWaitForUrlAsync(page, Steps.SituationPath());
        return Steps.SituationIdIn(page.Url);
    }
}
