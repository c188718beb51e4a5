using Microsoft.Playwright;
using Vigie.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Vigie.BrowserTests.Journeys;

/// <summary>
/// Coordination prepares a session: a new session refused without place nor link, then created; the
/// commitment's first version; a situation's review request, accepted into the session; the agenda
/// published; the item page; the calendar preview. Every page is screenshot and scanned by axe.
/// </summary>
public sealed class CommissionAgendaJourneyTests(Chromium chromium)
{
    [Fact(Timeout = 300_000)]
    public async Task Coordination_builds_and_publishes_an_agenda_from_a_review_request()
    {
        await using var server = VigieServer.Start();
        await using var browser = await BrowserSession.OpenAsync(chromium.Browser, server, "commission-ordre-du-jour", TestContext.Current.CancellationToken);
        var page = browser.Page;
        var today = DateOnly.FromDateTime(DateTime.UtcNow);

        await Steps.InstallAsync(browser, server);
        await Steps.GoToLoginAfterInstallAsync(browser);
        await Steps.SubmitPasswordAsync(page, Steps.Coordination.Email, Steps.Coordination.Password);
        await Steps.EnrolAsync(browser, "coordination-");

        // A situation to present.
        await browser.GotoAsync("/situations/nouvelle", "nouvelle-situation");
        await page.GetByLabel("Nom", new() { Exact = true }).FillAsync("Garnier");
        await page.GetByLabel("Prénom(s)", new() { Exact = true }).FillAsync("Léa");
        await page.GetByLabel("Date de naissance", new() { Exact = true }).FillAsync(Steps.IsoDate(new DateOnly(today.Year - 14, 5, 2)));
        await page.GetByLabel("Sexe", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Fille" });
        await page.GetByLabel("Territoire (commune ou arrondissement)", new() { Exact = true }).FillAsync("Vénissieux");
        await page.GetByRole(AriaRole.Button, new() { Name = "Ouvrir la situation" }).ClickAndWaitForUrlAsync(page, Steps.SituationPath());
        var situation = Steps.SituationIdIn(page.Url);

        // 1. The commission in the navigation: no session yet.
        await Steps.MainNavigation(page).GetByRole(AriaRole.Link, new() { Name = "Commission" }).ClickAndWaitForUrlAsync(page, url => new Uri(url).AbsolutePath == "/commission");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Commission");
        await browser.CheckPageAsync("commission-vide");

        // 2. A new session without place nor link: refused, the date kept; then created.
        await page.GetByRole(AriaRole.Link, new() { Name = "Nouvelle séance" }).ClickAndWaitForUrlAsync(page, url => new Uri(url).AbsolutePath == "/commission/seances/nouvelle");
        var date = page.GetByLabel("Date", new() { Exact = true });
        await date.FillAsync(Steps.IsoDate(today.AddDays(10)));
        await page.GetByLabel("Lieu", new() { Exact = true }).FillAsync("");
        await page.GetByRole(AriaRole.Button, new() { Name = "Créer la séance" }).ClickAndWaitForNewDocumentAsync(page);
        await Expect(page.Locator("#Input_Place-error")).ToHaveTextAsync("Indiquez un lieu ou un lien de visioconférence.");
        await Expect(date).ToHaveValueAsync(Steps.IsoDate(today.AddDays(10)));
        await browser.CheckPageAsync("nouvelle-seance-erreur");
        await page.GetByLabel("Lieu", new() { Exact = true }).FillAsync("Hôtel de la Métropole, salle 3");
        await page.GetByRole(AriaRole.Button, new() { Name = "Créer la séance" }).ClickAndWaitForUrlAsync(page, url => new Uri(url).AbsolutePath.StartsWith("/commission/seances/", StringComparison.Ordinal));
        var sessionPath = new Uri(page.Url).AbsolutePath;
        await Expect(page.Locator("h1")).ToContainTextAsync("Séance n° 1");
        await browser.CheckPageAsync("seance-creee");

        // 3. The first version of the commitment, from the proposed text.
        await browser.GotoAsync("/commission/engagement", "engagement-aucune-version");
        await page.GetByRole(AriaRole.Button, new() { Name = "Publier cette version" }).ClickAndWaitForNewDocumentAsync(page);
        await Expect(page.Locator("#versions tbody tr")).ToHaveCountAsync(1);
        await browser.CheckPageAsync("engagement-version-1");

        // 4. The situation's commission page: an urgent review request.
        await browser.GotoAsync($"/situations/{situation}/commission", "situation-commission");
        await page.GetByLabel("Motif de la demande").FillAsync("Fugues répétées, hôtels signalés par le foyer.");
        await page.GetByLabel("Ce que vous attendez de la commission").FillAsync("Un avis sur une protection renforcée.");
        await page.GetByLabel("Demande urgente (une séance exceptionnelle peut être convoquée)").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Envoyer la demande" }).ClickAndWaitForNewDocumentAsync(page);
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("envoyée à la coordination");
        await browser.CheckPageAsync("demande-envoyee");

        // 5. Accepted into the session.
        await browser.GotoAsync("/commission/demandes", "demandes");
        await page.GetByLabel("Inscrire à la séance").SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await page.GetByRole(AriaRole.Button, new() { Name = "Accepter" }).ClickAndWaitForNewDocumentAsync(page);
        await Expect(page.Locator("p.empty")).ToHaveTextAsync("Aucune demande en attente.");

        // 6. The agenda, published.
        await browser.GotoAsync(sessionPath, "seance-un-point");
        await Expect(page.Locator("#points tbody tr")).ToHaveCountAsync(1);
        await page.GetByRole(AriaRole.Button, new() { Name = "Publier l'ordre du jour" }).ClickAndWaitForNewDocumentAsync(page);
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("L'ordre du jour est publié");
        await browser.CheckPageAsync("ordre-du-jour-publie");

        // 7. The item as the commission sees it.
        await page.Locator("#points tbody a").First.ClickAndWaitForNewDocumentAsync(page);
        await Expect(page.Locator("h1")).ToContainTextAsync("Léa");
        await browser.CheckPageAsync("point");

        // 8. The calendar preview after this ordinary session.
        await browser.GotoAsync("/commission/seances/calendrier?nombre=3", "calendrier-apercu");
        await Expect(page.Locator("#dates-proposees li")).ToHaveCountAsync(3);
        await browser.GotoAsync("/commission", "commission-une-seance");

        await browser.AssertCleanAsync();
    }
}
