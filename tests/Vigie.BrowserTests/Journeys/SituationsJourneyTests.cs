using Microsoft.Playwright;
using Vigie.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Vigie.BrowserTests.Journeys;

/// <summary>
/// The Coordination account opens situations: an empty list, a form refused for a birth date in the
/// future (what was typed kept), the file opened, then the same minor typed differently, which brings
/// the duplicate warning naming only the referent organisation, a second file opened knowingly, and
/// both found by the name search.
/// </summary>
public sealed class SituationsJourneyTests(Chromium chromium)
{
    [Fact(Timeout = 240_000)]
    public async Task Coordination_opens_a_situation_after_a_refused_birth_date_then_opens_the_same_minor_again_past_the_duplicate_warning()
    {
        await using var server = VigieServer.Start();
        await using var browser = await BrowserSession.OpenAsync(chromium.Browser, server, "situations", TestContext.Current.CancellationToken);
        var page = browser.Page;
        var coordination = Steps.Coordination;
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var birthDate = new DateOnly(today.Year - 9, 3, 14);

        // 1. Installation, then the Coordination account's first login and enrolment.
        await Steps.InstallAsync(browser, server);
        await Steps.GoToLoginAfterInstallAsync(browser);
        await Steps.SubmitPasswordAsync(page, coordination.Email, coordination.Password);
        await Steps.EnrolAsync(browser, "coordination-");
        await Expect(page.Locator("h1")).ToHaveTextAsync($"Bonjour {coordination.Name}");
        await browser.CheckPageAsync("accueil-coordination");

        // 2. "Situations" in the navigation: nothing yet.
        var navigation = Steps.MainNavigation(page);
        await navigation.GetByRole(AriaRole.Link, new() { Name = "Situations" }).ClickAndWaitForUrlAsync(page, url => new Uri(url).AbsolutePath == "/situations");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Situations");
        await Expect(page.Locator("p.empty")).ToHaveTextAsync("Aucune situation visible.");
        var rows = page.Locator("table.data-table tbody tr");
        await Expect(rows).ToHaveCountAsync(0);
        await browser.CheckPageAsync("situations-vide");

        // 3. The form, sent with a birth date in the future: refused, with what was typed kept.
        await page.GetByRole(AriaRole.Link, new() { Name = "Nouvelle situation" }).ClickAndWaitForUrlAsync(page, url => new Uri(url).AbsolutePath == "/situations/nouvelle");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Nouvelle situation");
        await Expect(page.Locator("#duplicate-warning")).ToHaveCountAsync(0);
        await browser.CheckPageAsync("nouvelle-situation");

        var lastName = page.GetByLabel("Nom", new() { Exact = true });
        var firstName = page.GetByLabel("Prénom(s)", new() { Exact = true });
        var birth = page.GetByLabel("Date de naissance", new() { Exact = true });
        var sex = page.GetByLabel("Sexe", new() { Exact = true });
        var territory = page.GetByLabel("Territoire (commune ou arrondissement)", new() { Exact = true });
        var submit = page.GetByRole(AriaRole.Button, new() { Name = "Ouvrir la situation" });

        await lastName.FillAsync("Lefèvre");
        await firstName.FillAsync("Inès Marie");
        await birth.FillAsync(Steps.IsoDate(today.AddYears(1)));
        await sex.SelectOptionAsync(new SelectOptionValue { Label = "Fille" });
        await territory.FillAsync("Lyon 8e");
        await submit.ClickAndWaitForNewDocumentAsync(page);

        const string futureBirth = "La date de naissance ne peut pas être dans le futur.";
        Assert.Equal("/situations/nouvelle", new Uri(page.Url).AbsolutePath);
        await Expect(page.Locator("#form-errors")).ToBeVisibleAsync();
        await Expect(page.Locator("#form-errors li")).ToHaveTextAsync([futureBirth]);
        await Expect(page.Locator(".field", new() { Has = page.Locator("#Input_BirthDate") }).Locator(".field-error")).ToHaveTextAsync(futureBirth);
        await Expect(lastName).ToHaveValueAsync("Lefèvre");
        await Expect(firstName).ToHaveValueAsync("Inès Marie");
        await Expect(birth).ToHaveValueAsync(Steps.IsoDate(today.AddYears(1)));
        await Expect(sex).ToHaveValueAsync("Fille");
        await Expect(territory).ToHaveValueAsync("Lyon 8e");
        await browser.CheckPageAsync("nouvelle-situation-date-future");

        // 4. Corrected: the file opens on its details page.
        await birth.FillAsync(Steps.IsoDate(birthDate));
        await submit.ClickAndWaitForUrlAsync(page, Steps.SituationPath());
        var firstId = Steps.SituationIdIn(page.Url);
        await Expect(page.Locator("h1")).ToHaveTextAsync("Inès Marie Lefèvre");
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("La situation est ouverte.");
        await ExpectFactsAsync(page, birthDate, "Fille", "Lyon 8e");
        await browser.CheckPageAsync("situation-ouverte");

        // 5. Back to the list: one row, leading to that file.
        await page.GetByRole(AriaRole.Link, new() { Name = "← Situations" }).ClickAndWaitForUrlAsync(page, url => new Uri(url).AbsolutePath == "/situations");
        await Expect(rows).ToHaveCountAsync(1);
        await Expect(page.Locator("p.result-count")).ToHaveTextAsync("1 situation(s).");
        // Nine years old this year: the youngest age band; no evaluation validated yet.
        await Expect(rows.Locator("td")).ToHaveTextAsync(
            ["Inès Marie Lefèvre", today.ToString("dd/MM/yyyy"), "Repérée", "Non évaluée", $"{birthDate.Year} (Moins de 13 ans)", "Lyon 8e", Steps.OperatingOrganisation]);
        Assert.Equal($"/situations/{firstId}", await rows.GetByRole(AriaRole.Link, new() { Name = "Inès Marie Lefèvre" }).GetAttributeAsync("href"));
        await Expect(page.Locator("p.empty")).ToHaveCountAsync(0);
        await browser.CheckPageAsync("situations-une");

        // 6. The same minor typed otherwise (case, accents): the warning names the referent organisation, nothing of the file.
        await page.GetByRole(AriaRole.Link, new() { Name = "Nouvelle situation" }).ClickAndWaitForUrlAsync(page, url => new Uri(url).AbsolutePath == "/situations/nouvelle");
        await lastName.FillAsync("LEFEVRE");
        await firstName.FillAsync("ines marie");
        await birth.FillAsync(Steps.IsoDate(birthDate));
        await sex.SelectOptionAsync(new SelectOptionValue { Label = "Fille" });
        await territory.FillAsync("Villeurbanne");
        await submit.ClickAndWaitForNewDocumentAsync(page);

        Assert.Equal("/situations/nouvelle", new Uri(page.Url).AbsolutePath);
        var warning = page.Locator("#duplicate-warning");
        await Expect(warning).ToBeVisibleAsync();
        await Expect(warning).ToContainTextAsync("Un dossier existe déjà pour ce mineur");
        await Expect(warning).ToContainTextAsync(Steps.OperatingOrganisation);
        // Both files are the operating organisation's: the warning says it is the user's own.
        await Expect(warning).ToContainTextAsync("dans votre organisation");
        var warningText = await warning.InnerTextAsync();
        foreach (var detail in new[] { "Lefèvre", "Inès", "Lyon 8e", birthDate.ToString("dd/MM/yyyy"), firstId })
        {
            Assert.DoesNotContain(detail, warningText, StringComparison.OrdinalIgnoreCase);
        }

        await Expect(page.Locator("#form-errors")).ToHaveCountAsync(0);
        await Expect(lastName).ToHaveValueAsync("LEFEVRE");
        await Expect(firstName).ToHaveValueAsync("ines marie");
        await Expect(territory).ToHaveValueAsync("Villeurbanne");
        var confirm = page.GetByLabel("J'ai pris connaissance du dossier existant et j'ouvre quand même un dossier");
        await Expect(confirm).Not.ToBeCheckedAsync();
        await browser.CheckPageAsync("nouvelle-situation-doublon");

        // 7. Ticked: the second file opens, as typed.
        await confirm.CheckAsync();
        await submit.ClickAndWaitForUrlAsync(page, Steps.SituationPath());
        var secondId = Steps.SituationIdIn(page.Url);
        Assert.NotEqual(firstId, secondId);
        await Expect(page.Locator("h1")).ToHaveTextAsync("ines marie LEFEVRE");
        await ExpectFactsAsync(page, birthDate, "Fille", "Villeurbanne");
        await browser.CheckPageAsync("situation-doublon-ouverte");

        // 8. The list has both.
        await navigation.GetByRole(AriaRole.Link, new() { Name = "Situations" }).ClickAndWaitForUrlAsync(page, url => new Uri(url).AbsolutePath == "/situations");
        await Expect(rows).ToHaveCountAsync(2);
        await Expect(page.Locator("p.result-count")).ToHaveTextAsync("2 situation(s).");
        await ExpectBothFilesAsync(page, firstId, secondId);
        await browser.CheckPageAsync("situations-deux");

        // 9. The name search finds both, whatever the case and accents typed.
        await page.GetByLabel("Nom de famille", new() { Exact = true }).FillAsync("LEFÈVRE");
        await page.GetByRole(AriaRole.Button, new() { Name = "Filtrer" }).ClickAndWaitForUrlAsync(page, url => new Uri(url).Query.Contains("nom=", StringComparison.Ordinal));
        await Expect(page.Locator("p.result-count")).ToHaveTextAsync("2 situation(s).");
        await ExpectBothFilesAsync(page, firstId, secondId);
        await browser.CheckPageAsync("situations-recherche-nom");

        await browser.AssertCleanAsync();
    }

    /// <summary>Both files in the list, each row's link named after the minor as typed, with its own territory.</summary>
    private static async Task ExpectBothFilesAsync(IPage page, string firstId, string secondId)
    {
        var rows = page.Locator("table.data-table tbody tr");
        await Expect(rows).ToHaveCountAsync(2);
        var first = rows.Filter(new() { HasText = "Lyon 8e" });
        var second = rows.Filter(new() { HasText = "Villeurbanne" });
        await Expect(first).ToHaveCountAsync(1);
        await Expect(second).ToHaveCountAsync(1);
        await Expect(first.GetByRole(AriaRole.Link)).ToHaveTextAsync("Inès Marie Lefèvre");
        await Expect(second.GetByRole(AriaRole.Link)).ToHaveTextAsync("ines marie LEFEVRE");
        Assert.Equal($"/situations/{firstId}", await first.GetByRole(AriaRole.Link).GetAttributeAsync("href"));
        Assert.Equal($"/situations/{secondId}", await second.GetByRole(AriaRole.Link).GetAttributeAsync("href"));
    }

    /// <summary>The facts of a file just opened by the operating organisation's Coordination account.</summary>
    private static async Task ExpectFactsAsync(IPage page, DateOnly birthDate, string sex, string territory)
    {
        ILocator Fact(string label) => Steps.Fact(page, label);
        await Expect(Fact("Statut")).ToHaveTextAsync("Repérée");
        await Expect(Fact("Date de naissance")).ToHaveTextAsync(birthDate.ToString("dd/MM/yyyy"));
        await Expect(Fact("Sexe")).ToHaveTextAsync(sex);
        await Expect(Fact("Territoire")).ToHaveTextAsync(territory);
        await Expect(Fact("Organisation référente")).ToHaveTextAsync(Steps.OperatingOrganisation);
    }
}
