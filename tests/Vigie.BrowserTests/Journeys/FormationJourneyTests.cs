using System.Text.RegularExpressions;
using Microsoft.Playwright;
using MiniExcelLibs;
using Vigie.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Vigie.BrowserTests.Journeys;

/// <summary>
/// Formation in the browser: Coordination records two sessions, imports their attendance sheets (a
/// sheet with a mistake first: the French report line by line, nothing recorded; then the corrected
/// sheet: the dry run, then the commit), and reads the distinct people by employer category, a person
/// who came twice counted once. Every page is scanned by axe, at 1280 and 390 px.
/// </summary>
public sealed class FormationJourneyTests(Chromium chromium)
{
    private static readonly string[] Columns = ["nom", "prénom", "e-mail", "employeur", "catégorie d'employeur"];

    [Fact(Timeout = 300_000)]
    public async Task Coordination_imports_an_attendance_sheet_and_sees_the_distinct_count_by_employer()
    {
        var cancellation = TestContext.Current.CancellationToken;
        await using var server = VigieServer.Start();
        await using var browser = await BrowserSession.OpenAsync(chromium.Browser, server, "formation", cancellation);
        var page = browser.Page;
        var coordination = Steps.Coordination;

        // 1. Installation, then Coordination's first login.
        await Steps.InstallAsync(browser, server);
        await Steps.GoToLoginAfterInstallAsync(browser);
        await Steps.SubmitPasswordAsync(page, coordination.Email, coordination.Password);
        await Steps.EnrolAsync(browser, "coordination-");
        await Expect(page.Locator("h1")).ToHaveTextAsync($"Bonjour {coordination.Name}");

        // 2. "Formation" in the navigation: no session yet.
        var formation = Steps.MainNavigation(page).GetByRole(AriaRole.Link, new() { Name = "Formation", Exact = true });
        await formation.ClickAndWaitForUrlAsync(page, url => new Uri(url).AbsolutePath == "/formation");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Formation");
        await Expect(formation).ToHaveClassAsync(new Regex(@"\bactive\b"));
        await Expect(page.Locator("#distinct-total")).ToHaveTextAsync("Aucune personne formée pour l'instant.");
        await browser.CheckPageAsync("formation-vide");

        // 3. A new session, sent first without its trainers: the form comes back in French, keeping what was typed.
        await page.GetByRole(AriaRole.Link, new() { Name = "Nouvelle session" }).ClickAndWaitForUrlAsync(page, url => new Uri(url).AbsolutePath == "/formation/sessions/nouvelle");
        await page.GetByLabel("Date").FillAsync("2020-12-03");
        await page.GetByLabel("Sensibilisation").CheckAsync();
        await page.GetByLabel("Public").FillAsync("Éducateurs de MECS et d'accueil de jour");
        await page.GetByLabel("Lieu").FillAsync("Hôtel de la Métropole, salle 3");
        await page.GetByRole(AriaRole.Button, new() { Name = "Créer la session" }).ClickAndWaitForNewDocumentAsync(page);
        await Expect(page.Locator("#form-errors")).ToContainTextAsync("Indiquez les formateurs.");
        await Expect(page.GetByLabel("Public")).ToHaveValueAsync("Éducateurs de MECS et d'accueil de jour");
        await browser.CheckPageAsync("session-erreur");
        await page.GetByLabel("Formateurs").FillAsync("Coordination et Amicale du Nid");
        await page.GetByRole(AriaRole.Button, new() { Name = "Créer la session" }).ClickAndWaitForUrlAsync(page, url => new Uri(url).AbsolutePath.StartsWith("/formation/sessions/", StringComparison.Ordinal));
        await Expect(page.Locator("h1")).ToContainTextAsync("Session du 03/12/2020");
        await browser.CheckPageAsync("session-creee");

        // 4. The attendance sheet, with a mistake: the report says where, nothing is recorded.
        await page.GetByRole(AriaRole.Link, new() { Name = "Importer la feuille d'émargement" }).ClickAndWaitForUrlAsync(page, url => url.EndsWith("/import", StringComparison.Ordinal));
        await Expect(page.Locator("h1")).ToHaveTextAsync("Importer une feuille d'émargement");
        await browser.CheckPageAsync("import-vide");
        string[][] december =
        [
            ["Arnal", "Claire", "claire.arnal@mecs-tilleuls.test", "MECS Les Tilleuls", "Établissement"],
            ["Bory", "Louis", "louis.bory@ac-lyon.test", "Collège Jean Moulin", "Éducation nationale"],
            ["Cazal", "Inès", "", "Commissariat du 7e", "Police"],
            ["Dumas", "Hugo", "hugo.dumas@mecs-tilleuls.test", "MECS Les Tilleuls", "établissement"],
        ];
        await UploadAsync(page, Xlsx([.. december.Take(3), ["Dumas", "Hugo", "hugo.dumas(at)mecs", "MECS Les Tilleuls", "Rectorat"]]));
        await Expect(page.Locator("#count-errors")).ToHaveTextAsync("1");
        await Expect(page.Locator("#line-errors")).ToContainTextAsync("« hugo.dumas(at)mecs » n'est pas une adresse électronique");
        await Expect(page.Locator("#line-errors")).ToContainTextAsync("« Rectorat » n'est pas une catégorie acceptée");
        await Expect(page.Locator("#commit-form")).ToHaveCountAsync(0);
        await browser.CheckPageAsync("import-erreurs");

        // 5. The corrected sheet: the dry run, then the commit.
        await UploadAsync(page, Xlsx(december));
        await Expect(page.Locator("#count-read")).ToHaveTextAsync("4");
        await Expect(page.Locator("#count-new")).ToHaveTextAsync("4");
        await Expect(page.Locator("#count-errors")).ToHaveTextAsync("0");
        await browser.CheckPageAsync("import-verification");
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer 4 participations" })
            .ClickAndWaitForUrlAsync(page, url => !url.EndsWith("/import", StringComparison.Ordinal));
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("4 participations enregistrées, dont 4 nouvelles personnes.");
        await Expect(page.Locator("#participants-table tbody tr")).ToHaveCountAsync(4);
        await browser.CheckPageAsync("session-participants");

        // 6. A second session in 2021: Claire Arnal again (her address in capitals), now at the Métropole, and a CPEF midwife.
        await browser.GotoAsync("/formation/sessions/nouvelle", "session-2");
        await page.GetByLabel("Date").FillAsync("2021-06-10");
        await page.GetByLabel("Approfondissement").CheckAsync();
        await page.GetByLabel("Public").FillAsync("Référents ASE");
        await page.GetByLabel("Formateurs").FillAsync("Coordination");
        await page.GetByLabel("Lieu").FillAsync("Maison de la Métropole, Vénissieux");
        await page.GetByRole(AriaRole.Button, new() { Name = "Créer la session" }).ClickAndWaitForUrlAsync(page, url => new Uri(url).AbsolutePath.StartsWith("/formation/sessions/", StringComparison.Ordinal));
        await page.GetByRole(AriaRole.Link, new() { Name = "Importer la feuille d'émargement" }).ClickAndWaitForUrlAsync(page, url => url.EndsWith("/import", StringComparison.Ordinal));
        await UploadAsync(page, Xlsx([["ARNAL", "claire", "Claire.Arnal@MECS-Tilleuls.test", "Métropole de Lyon — ASE", "Métropole"], ["Estève", "Nora", "nora.esteve@cpef.test", "CPEF Vénissieux", "CPEF"]]));
        await Expect(page.Locator("#count-new")).ToHaveTextAsync("1");
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer 2 participations" })
            .ClickAndWaitForUrlAsync(page, url => !url.EndsWith("/import", StringComparison.Ordinal));
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("2 participations enregistrées, dont 1 nouvelle personne.");

        // 7. The figures: five different people (Claire once), by employer category.
        await browser.GotoAsync("/formation", "formation-sessions");
        await Expect(page.Locator("#distinct-total")).ToHaveTextAsync("5 personnes différentes formées depuis décembre 2020.");
        await page.GetByRole(AriaRole.Link, new() { Name = "Chiffres" }).ClickAndWaitForUrlAsync(page, url => new Uri(url).AbsolutePath == "/formation/chiffres");
        await page.GetByLabel("De l'année").SelectOptionAsync("2020");
        await page.GetByLabel("À l'année").SelectOptionAsync("2021");
        await page.GetByRole(AriaRole.Button, new() { Name = "Afficher" }).ClickAndWaitForUrlAsync(page, url => url.Contains("de=2020", StringComparison.Ordinal));
        await Expect(page.Locator("#cumulative")).ToContainTextAsync("5 personnes différentes formées depuis décembre 2020");
        var byYear = await TableAsync(page, "#chiffres-1");
        Assert.Equal(["0", "1"], byYear["Métropole"]);
        Assert.Equal(["2", "0"], byYear["Établissement"]);
        Assert.Equal(["1", "0"], byYear["Éducation nationale"]);
        Assert.Equal(["1", "0"], byYear["Police / gendarmerie"]);
        Assert.Equal(["0", "1"], byYear["CPEF"]);
        Assert.Equal(["4", "2"], byYear["Total"]);
        var since = await TableAsync(page, "#chiffres-2");
        Assert.Equal(["1"], since["Métropole"]);
        Assert.Equal(["1"], since["Établissement"]);
        Assert.Equal(["5"], since["Total"]);
        await browser.CheckPageAsync("chiffres");
        await ExpectNoPageWideScrollAsync(page, "les chiffres (1280 px)");

        // 8. The people and the review, then everything on a phone's width.
        await browser.GotoAsync("/formation/personnes", "personnes");
        await Expect(page.Locator("#people tbody tr")).ToHaveCountAsync(5);
        await browser.GotoAsync("/formation/doublons", "doublons");
        await page.SetViewportSizeAsync(390, 844);
        foreach (var (path, step) in new[] { ("/formation", "formation-390"), ("/formation/chiffres?de=2020&a=2021", "chiffres-390"), ("/formation/personnes", "personnes-390") })
        {
            await browser.GotoAsync(path, step);
            await ExpectNoPageWideScrollAsync(page, step);
        }

        await browser.AssertCleanAsync();
    }

    private static async Task UploadAsync(IPage page, byte[] content)
    {
        await page.Locator("#Input_File").SetInputFilesAsync(new FilePayload
        {
            Name = "emargement.xlsx", MimeType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", Buffer = content,
        });
        await page.GetByRole(AriaRole.Button, new() { Name = "Vérifier la feuille (rien n'est enregistré)" }).ClickAndWaitForNewDocumentAsync(page);
        await Expect(page.Locator("#report-title")).ToHaveTextAsync("Résultat de la vérification");
    }

    private static byte[] Xlsx(IEnumerable<string[]> lines)
    {
        var rows = lines.Select(l => Columns.Select((c, i) => (c, l[i])).ToDictionary(p => p.c, p => (object?)(p.Item2.Length == 0 ? null : p.Item2))).ToList();
        using var stream = new MemoryStream();
        stream.SaveAs(rows, sheetName: "Émargement");
        return stream.ToArray();
    }

    private static async Task<Dictionary<string, string[]>> TableAsync(IPage page, string selector)
    {
        var rows = page.Locator($"{selector} tbody tr");
        await Expect(rows.First).ToBeVisibleAsync();
        var result = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var row in await rows.AllAsync())
        {
            result[(await row.Locator("th").InnerTextAsync()).Trim()] = (await row.Locator("td").AllInnerTextsAsync()).Select(t => t.Trim()).ToArray();
        }

        return result;
    }

    private static async Task ExpectNoPageWideScrollAsync(IPage page, string what)
    {
        var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]");
        Assert.True(widths[0] <= widths[1], $"Sur {what}, la page défile horizontalement : {widths[0]} px de contenu pour {widths[1]} px de fenêtre.");
    }
}
