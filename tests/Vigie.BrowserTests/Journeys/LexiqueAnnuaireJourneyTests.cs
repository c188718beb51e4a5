using System.Text.RegularExpressions;
using Microsoft.Playwright;
using UglyToad.PdfPig;
using Vigie.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Vigie.BrowserTests.Journeys;

/// <summary>
/// The shared glossary and the partners' directory in the browser. Coordination adds a term (a wrong
/// source address first: the form says so in French and keeps what was typed), finds it by a synonym
/// typed without accents, opens the printable glossary and downloads its PDF. Coordination adds a
/// directory entry (a wrong phone number first), then finds it by kind and territory and by a
/// contact's name. Every page is scanned by axe, on a desktop and on a phone width.
/// </summary>
public sealed class LexiqueAnnuaireJourneyTests(Chromium chromium)
{
    [Fact(Timeout = 300_000)]
    public async Task Coordination_adds_a_term_finds_it_by_search_and_opens_the_printable_glossary()
    {
        var cancellation = TestContext.Current.CancellationToken;
        await using var server = VigieServer.Start();
        await using var browser = await BrowserSession.OpenAsync(chromium.Browser, server, "lexique", cancellation);
        var page = browser.Page;
        var coordination = Steps.Coordination;

        await Steps.InstallAsync(browser, server);
        await Steps.GoToLoginAfterInstallAsync(browser);
        await Steps.SubmitPasswordAsync(page, coordination.Email, coordination.Password);
        await Steps.EnrolAsync(browser, "coordination-");
        await Expect(page.Locator("h1")).ToHaveTextAsync($"Bonjour {coordination.Name}");

        // 1. "Lexique" in the navigation: the starting terms, each at the anchor the forms link to.
        var lexique = Steps.MainNavigation(page).GetByRole(AriaRole.Link, new() { Name = "Lexique", Exact = true });
        await lexique.ClickAndWaitForUrlAsync(page, url => new Uri(url).AbsolutePath == "/lexique");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Lexique");
        await Expect(lexique).ToHaveClassAsync(new Regex(@"\bactive\b"));
        await Expect(page.Locator("#terme-proxenetisme")).ToHaveTextAsync("Proxénétisme");
        await browser.CheckPageAsync("lexique");

        // 2. A new term; the source's address is not a web page: a French message, the form kept.
        await page.GetByRole(AriaRole.Link, new() { Name = "Nouveau terme" }).ClickAndWaitForUrlAsync(page, url => new Uri(url).AbsolutePath == "/lexique/nouveau");
        await Expect(lexique).ToHaveClassAsync(new Regex(@"\bactive\b"));
        await browser.CheckPageAsync("nouveau-terme");
        await page.GetByLabel("Terme", new() { Exact = true }).FillAsync("Grooming");
        await page.GetByLabel("Définition", new() { Exact = true }).FillAsync("Manœuvres d'un adulte pour gagner la confiance d'un mineur, souvent en ligne, afin de l'exploiter sexuellement.");
        await page.GetByLabel("Synonymes (facultatif)").FillAsync("pédopiégeage ; sollicitation en ligne");
        await page.GetByLabel("Source 1 : texte ou référence").FillAsync("Code pénal, art. 227-22-1");
        await page.GetByLabel("Source 1 : adresse web").FillAsync("javascript:alert(1)");
        await page.GetByRole(AriaRole.Button, new() { Name = "Ajouter au lexique" }).ClickAndWaitForUrlAsync(page, url => new Uri(url).AbsolutePath == "/lexique/nouveau");
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Source 1 : l'adresse web n'est pas valide");
        await Expect(page.GetByLabel("Terme", new() { Exact = true })).ToHaveValueAsync("Grooming");
        await Expect(page.GetByLabel("Source 1 : adresse web")).ToHaveAttributeAsync("aria-invalid", "true");
        await browser.CheckPageAsync("nouveau-terme-erreur");

        await page.GetByLabel("Source 1 : adresse web").FillAsync("www.legifrance.gouv.fr");
        await page.GetByRole(AriaRole.Button, new() { Name = "Ajouter au lexique" }).ClickAndWaitForUrlAsync(page, url => new Uri(url).AbsolutePath == "/lexique/grooming");
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Le terme « Grooming » est ajouté au lexique.");
        await Expect(page.Locator("#sources a")).ToHaveAttributeAsync("href", "https://www.legifrance.gouv.fr");
        await Expect(page.Locator("#mise-a-jour")).ToContainTextAsync($"par {coordination.Name}");
        await browser.CheckPageAsync("terme-cree");

        // 3. Found by a synonym typed in capitals without its accents.
        await page.GetByRole(AriaRole.Link, new() { Name = "← Lexique" }).ClickAndWaitForUrlAsync(page, url => new Uri(url).AbsolutePath == "/lexique");
        await page.GetByLabel("Rechercher un terme").FillAsync("PEDOPIEGEAGE");
        await page.GetByRole(AriaRole.Button, new() { Name = "Rechercher" }).ClickAndWaitForUrlAsync(page, url => new Uri(url).Query.Contains("q=PEDOPIEGEAGE", StringComparison.Ordinal));
        await Expect(page.Locator("#result-count")).ToHaveTextAsync("1 terme correspond à « PEDOPIEGEAGE ».");
        await Expect(page.Locator("#termes dt")).ToHaveTextAsync(["Grooming"]);
        await browser.CheckPageAsync("recherche");

        // 4. The printable glossary, then its PDF.
        await page.GetByRole(AriaRole.Link, new() { Name = "Glossaire imprimable" }).ClickAndWaitForUrlAsync(page, url => new Uri(url).AbsolutePath == "/lexique/glossaire");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Lexique — le langage commun");
        await Expect(page.Locator("#terme-grooming")).ToHaveTextAsync("Grooming");
        await Expect(page.Locator("#glossaire dt")).ToHaveCountAsync(24);
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Imprimer" })).ToBeVisibleAsync();
        await browser.CheckPageAsync("glossaire");
        // Printed, the navigation and the buttons are gone.
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        await Expect(page.Locator(".site-header")).ToBeHiddenAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Imprimer" })).ToBeHiddenAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(AppContext.BaseDirectory, "screenshots", "lexique", "glossaire-impression.png"), FullPage = true });
        await page.EmulateMediaAsync(new() { Media = Media.Screen });

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Télécharger le PDF" }).ClickAsync(), new() { Timeout = 30_000 });
        Assert.Null(await download.FailureAsync());
        Assert.Equal("lexique-vigie.pdf", download.SuggestedFilename);
        var bytes = await File.ReadAllBytesAsync(await download.PathAsync(), cancellation);
        await File.WriteAllBytesAsync(Path.Combine(AppContext.BaseDirectory, "screenshots", "lexique", "lexique-vigie.pdf"), bytes, cancellation);
        using (var pdf = PdfDocument.Open(bytes))
        {
            var text = string.Join(" ", pdf.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text));
            Assert.Contains("Grooming", text, StringComparison.Ordinal);
            Assert.Contains("227-22-1", text, StringComparison.Ordinal);
            Assert.Contains("Proxénétisme", text, StringComparison.Ordinal);
        }

        // 5. On a phone's width.
        await page.SetViewportSizeAsync(390, 844);
        await browser.GotoAsync("/lexique", "lexique-390");
        await ExpectNoPageWideScrollAsync(page, "le lexique (390 px)");
        await browser.GotoAsync("/lexique/nouveau", "nouveau-terme-390");
        await ExpectNoPageWideScrollAsync(page, "le formulaire d'un terme (390 px)");
        await browser.GotoAsync("/lexique/glossaire", "glossaire-390");
        await ExpectNoPageWideScrollAsync(page, "le glossaire (390 px)");

        await browser.AssertCleanAsync();
    }

    [Fact(Timeout = 300_000)]
    public async Task Coordination_adds_a_partner_to_the_directory_and_finds_it_by_kind_territory_and_contact()
    {
        var cancellation = TestContext.Current.CancellationToken;
        await using var server = VigieServer.Start();
        await using var browser = await BrowserSession.OpenAsync(chromium.Browser, server, "annuaire", cancellation);
        var page = browser.Page;
        var coordination = Steps.Coordination;

        await Steps.InstallAsync(browser, server);
        await Steps.GoToLoginAfterInstallAsync(browser);
        await Steps.SubmitPasswordAsync(page, coordination.Email, coordination.Password);
        await Steps.EnrolAsync(browser, "coordination-");
        await Expect(page.Locator("h1")).ToHaveTextAsync($"Bonjour {coordination.Name}");

        var annuaire = Steps.MainNavigation(page).GetByRole(AriaRole.Link, new() { Name = "Annuaire", Exact = true });
        await annuaire.ClickAndWaitForUrlAsync(page, url => new Uri(url).AbsolutePath == "/annuaire");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Annuaire des partenaires");
        await Expect(annuaire).ToHaveClassAsync(new Regex(@"\bactive\b"));
        await Expect(page.Locator("#result-count")).ToHaveTextAsync("Aucune fiche ne correspond.");
        await browser.CheckPageAsync("annuaire-vide");

        // A resource without an account in Vigie; the phone number is not a French one first.
        await page.GetByRole(AriaRole.Link, new() { Name = "Nouvelle fiche" }).ClickAndWaitForUrlAsync(page, url => new Uri(url).AbsolutePath == "/annuaire/nouvelle");
        await browser.CheckPageAsync("nouvelle-fiche");
        await page.GetByLabel("Nom du partenaire ou de la ressource").FillAsync("CPEF Gerland");
        await page.GetByLabel("Type", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "CPEF, santé sexuelle" });
        await page.GetByLabel("Rôle dans la commission").SelectOptionAsync(new SelectOptionValue { Label = "Membre associé" });
        await page.GetByLabel("Service proposé (facultatif)").FillAsync("Contraception, dépistage des IST, accès à l'IVG ; gratuit et confidentiel pour les mineurs.");
        await page.GetByLabel("Territoire (facultatif)").FillAsync("Lyon 7e");
        await page.GetByLabel("Téléphone (facultatif)").FillAsync("04 72 00");
        await page.GetByLabel("Adresse e-mail (facultatif)").FillAsync("cpef.gerland@exemple.fr");
        await page.GetByLabel("Horaires et modalités d'accès (facultatif)").FillAsync("Sans rendez-vous le mercredi après-midi.");
        var firstContact = page.GetByRole(AriaRole.Group, new() { Name = "Contact 1" });
        await firstContact.GetByLabel("Nom").FillAsync("Docteure Amélie Fournier");
        await firstContact.GetByLabel("Fonction").FillAsync("Médecin");
        await firstContact.GetByLabel("Adresse e-mail").FillAsync("amelie.fournier@exemple.fr");
        await page.GetByRole(AriaRole.Button, new() { Name = "Ajouter à l'annuaire" }).ClickAndWaitForUrlAsync(page, url => new Uri(url).AbsolutePath == "/annuaire/nouvelle");
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Le téléphone doit être un numéro français");
        await Expect(page.GetByLabel("Téléphone (facultatif)")).ToHaveValueAsync("04 72 00");
        await Expect(firstContact.GetByLabel("Nom")).ToHaveValueAsync("Docteure Amélie Fournier");
        await browser.CheckPageAsync("nouvelle-fiche-erreur");

        await page.GetByLabel("Téléphone (facultatif)").FillAsync("0472000000");
        await page.GetByRole(AriaRole.Button, new() { Name = "Ajouter à l'annuaire" }).ClickAndWaitForUrlAsync(page, url => new Uri(url).AbsolutePath.StartsWith("/annuaire/", StringComparison.Ordinal));
        await Expect(page.Locator("h1")).ToHaveTextAsync("CPEF Gerland");
        await Expect(page.Locator("#telephone")).ToHaveTextAsync("04 72 00 00 00");
        await Expect(page.Locator("#role-commission")).ToHaveTextAsync("Membre associé");
        await Expect(page.Locator("#contacts tbody th")).ToHaveTextAsync("Docteure Amélie Fournier");
        await browser.CheckPageAsync("fiche");

        // The search: by kind and territory, then by a contact's name typed without accents.
        await page.GetByRole(AriaRole.Link, new() { Name = "← Annuaire" }).ClickAndWaitForUrlAsync(page, url => new Uri(url).AbsolutePath == "/annuaire");
        await page.GetByLabel("Type", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "CPEF, santé sexuelle" });
        await page.GetByLabel("Territoire", new() { Exact = true }).SelectOptionAsync("Lyon 7e");
        await page.GetByRole(AriaRole.Button, new() { Name = "Rechercher" }).ClickAndWaitForUrlAsync(page, url => new Uri(url).Query.Contains("type=Cpef", StringComparison.Ordinal));
        await Expect(page.Locator("#fiches h2")).ToHaveTextAsync(["CPEF Gerland"]);
        await browser.CheckPageAsync("annuaire-filtre");
        await page.GetByRole(AriaRole.Link, new() { Name = "Tout afficher" }).ClickAndWaitForUrlAsync(page, url => new Uri(url).AbsolutePath == "/annuaire");
        await page.GetByLabel("Rechercher", new() { Exact = true }).FillAsync("amelie fournier");
        await page.GetByRole(AriaRole.Button, new() { Name = "Rechercher" }).ClickAndWaitForUrlAsync(page, url => new Uri(url).Query.Contains("q=amelie", StringComparison.Ordinal));
        await Expect(page.Locator("#fiches h2")).ToHaveTextAsync(["CPEF Gerland"]);
        await browser.CheckPageAsync("annuaire-recherche");

        await page.SetViewportSizeAsync(390, 844);
        await browser.GotoAsync("/annuaire", "annuaire-390");
        await ExpectNoPageWideScrollAsync(page, "l'annuaire (390 px)");
        await page.GetByRole(AriaRole.Link, new() { Name = "CPEF Gerland" }).ClickAndWaitForUrlAsync(page, url => new Uri(url).AbsolutePath.StartsWith("/annuaire/", StringComparison.Ordinal));
        await browser.CheckPageAsync("fiche-390");
        await ExpectNoPageWideScrollAsync(page, "la fiche (390 px)");
        await browser.GotoAsync("/annuaire/nouvelle", "nouvelle-fiche-390");
        await ExpectNoPageWideScrollAsync(page, "le formulaire d'une fiche (390 px)");

        await browser.AssertCleanAsync();
    }

    /// <summary>The page scrolls down, never sideways.</summary>
    private static async Task ExpectNoPageWideScrollAsync(IPage page, string what)
    {
        var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]");
        Assert.True(widths[0] <= widths[1], $"Sur {what}, la page défile horizontalement : {widths[0]} px de contenu pour {widths[1]} px de fenêtre.");
    }
}
