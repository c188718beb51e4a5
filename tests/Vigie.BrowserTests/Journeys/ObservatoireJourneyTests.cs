using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using System.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using MiniExcelLibs;
using Vigie.BrowserTests.Infrastructure;
using Vigie.Web.Data;
using Vigie.Web.Features.Observatoire.Import;
using static Microsoft.Playwright.Assertions;

namespace Vigie.BrowserTests.Journeys;

/// <summary>
/// The observatory in the browser. Coordination imports a spreadsheet of past situations (dry run,
/// then the commit with a code) and reads the exact counts on the dashboard; an Observatoire-role
/// account reads the same dashboard with small counts hidden, downloads every table (xlsx) and the
/// yearly report (PDF) after a fresh code, and opens the pseudonymised extract. Both dashboards are
/// looked at on a desktop and a phone width: no page-wide horizontal scroll, no inline style or
/// script the CSP would refuse.
/// </summary>
public sealed class ObservatoireJourneyTests(Chromium chromium)
{
    private const string Territory = "Lyon 7e";
    private const int Year = 2023;
    private const string DashboardQuery = "annee=2023&territoire=Lyon%207e";

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    private static readonly Account Observer = new("Denise Moreau", "denise.moreau@exploitant.vigie.invalid", "quatre saisons au fil de la saone");

    /// <summary>Twelve fictitious minors of 2023 in Lyon 7e: nine girls, three boys, four with a signalement.</summary>
    private static readonly HistoricalLine[] Lines =
    [
        new("Arnaud", "Léa", new DateOnly(2008, 3, 14), "F", new DateOnly(2023, 1, 12), "En risque de prostitution", new DateOnly(2023, 2, 1)),
        new("Benoit", "Chloé", new DateOnly(2007, 11, 2), "F", new DateOnly(2023, 2, 3), "Prostitution avérée", new DateOnly(2023, 2, 20)),
        new("Carré", "Manon", new DateOnly(2009, 6, 30), "fille", new DateOnly(2023, 3, 8), "En risque de prostitution", null),
        new("Dufour", "Inès", new DateOnly(2008, 1, 19), "F", new DateOnly(2023, 4, 17), "Prostitution avérée", new DateOnly(2023, 5, 2)),
        new("Éluard", "Camille", new DateOnly(2007, 9, 5), "F", new DateOnly(2023, 5, 22), "En risque de prostitution", null),
        new("Fabre", "Jade", new DateOnly(2010, 2, 11), "F", new DateOnly(2023, 6, 6), "En risque de prostitution", null),
        new("Garnier", "Lina", new DateOnly(2008, 8, 27), "F", new DateOnly(2023, 7, 13), "Prostitution avérée", new DateOnly(2023, 7, 28)),
        new("Hamon", "Sarah", new DateOnly(2009, 12, 3), "F", new DateOnly(2023, 9, 4), "En risque de prostitution", null),
        new("Ibert", "Zoé", new DateOnly(2007, 4, 21), "F", new DateOnly(2023, 10, 16), "En risque de prostitution", null),
        new("Jolivet", "Noah", new DateOnly(2008, 5, 9), "M", new DateOnly(2023, 3, 27), "En risque de prostitution", null),
        new("Klein", "Yanis", new DateOnly(2009, 10, 14), "garçon", new DateOnly(2023, 8, 21), "En risque de prostitution", null),
        new("Lemoine", "Hugo", new DateOnly(2007, 7, 1), "M", new DateOnly(2023, 11, 30), "En risque de prostitution", null),
    ];

    private static int Girls => Lines.Count(l => l.Sex is "F" or "fille");

    private static int Boys => Lines.Count(l => l.Sex is "M" or "garçon");

    private static int WithSignalement => Lines.Count(l => l.Signalement is not null);

    [Fact(Timeout = 300_000)]
    public async Task Coordination_imports_historical_situations_after_a_dry_run_and_reads_their_exact_counts_on_the_dashboard()
    {
        var cancellation = TestContext.Current.CancellationToken;
        await using var server = VigieServer.Start();
        await using var browser = await BrowserSession.OpenAsync(chromium.Browser, server, "observatoire-import", cancellation);
        var page = browser.Page;
        var coordination = Steps.Coordination;

        // 1. Installation, then the Coordination account's first login and enrolment.
        await Steps.InstallAsync(browser, server);
        await Steps.GoToLoginAfterInstallAsync(browser);
        await Steps.SubmitPasswordAsync(page, coordination.Email, coordination.Password);
        var authenticator = await Steps.EnrolAsync(browser, "coordination-");
        await Expect(page.Locator("h1")).ToHaveTextAsync($"Bonjour {coordination.Name}");

        // 2. "Observatoire" in the navigation: an empty dashboard, and the way to the import.
        var navigation = Steps.MainNavigation(page);
        var observatoire = navigation.GetByRole(AriaRole.Link, new() { Name = "Observatoire", Exact = true });
        await observatoire.ClickAndWaitForUrlAsync(page, url => new Uri(url).AbsolutePath == "/observatoire");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Observatoire");
        await Expect(observatoire).ToHaveClassAsync(new Regex(@"\bactive\b"));
        await Expect(page.Locator("#population")).ToContainTextAsync("0 situations (une par mineur)");
        await browser.CheckPageAsync("tableau-de-bord-vide");

        await page.GetByRole(AriaRole.Link, new() { Name = "Import de situations historiques" })
            .ClickAndWaitForUrlAsync(page, url => new Uri(url).AbsolutePath == "/observatoire/import");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Import de situations historiques");
        await Expect(page.Locator("#report")).ToHaveCountAsync(0);
        // Still the observatory's pages: the navigation link stays active.
        await Expect(observatoire).ToHaveClassAsync(new Regex(@"\bactive\b"));
        await browser.CheckPageAsync("import-vide");

        // 3. The dry run: the counts, no error, nothing written yet.
        await page.GetByLabel("Organisation référente des situations importées").SelectOptionAsync(new SelectOptionValue { Label = Steps.OperatingOrganisation });
        await page.Locator("#Input_File").SetInputFilesAsync(new FilePayload
        {
            Name = "observatoire-2023-lyon-7e.xlsx",
            MimeType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            Buffer = Xlsx(Lines),
        });
        await page.GetByRole(AriaRole.Button, new() { Name = "Vérifier le fichier (rien n'est enregistré)" }).ClickAndWaitForNewDocumentAsync(page);
        await Expect(page.Locator("#report-title")).ToHaveTextAsync("Résultat de la vérification");
        await Expect(page.Locator("#count-read")).ToHaveTextAsync(Lines.Length.ToString(Invariant));
        await Expect(page.Locator("#count-create")).ToHaveTextAsync(Lines.Length.ToString(Invariant));
        await Expect(page.Locator("#count-present")).ToHaveTextAsync("0");
        await Expect(page.Locator("#count-errors")).ToHaveTextAsync("0");
        await Expect(page.Locator("#line-errors")).ToHaveCountAsync(0);
        await Expect(page.Locator("#report").GetByRole(AriaRole.Status)).ToHaveTextAsync("Le fichier ne contient aucune erreur. Rien n'est encore enregistré.");
        await Expect(page.Locator("#commit-form")).ToContainTextAsync(Steps.OperatingOrganisation);
        var commit = page.GetByRole(AriaRole.Button, new() { Name = $"Importer {Lines.Length} situations" });
        await Expect(commit).ToBeVisibleAsync();
        await browser.CheckPageAsync("import-verification");
        await ExpectNoPageWideScrollAsync(page, "le rapport de vérification");

        // 4. The commit, with a fresh code typed in the form: back on the import page, which says how many.
        await page.GetByLabel("Code à 6 chiffres de votre application d'authentification").FillAsync(await authenticator.NextCodeAsync(cancellation));
        await commit.ClickAndWaitForUrlAsync(page, url => new Uri(url).AbsolutePath == "/observatoire/import");
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync($"{Lines.Length} situations importées.");
        await Expect(page.Locator("#report")).ToHaveCountAsync(0);
        await browser.CheckPageAsync("import-termine");

        // 5. The dashboard of that year and territory: the exact counts (Coordination sees no "< 5").
        await browser.GotoAsync("/observatoire?" + DashboardQuery, "tableau-de-bord-lyon-7e-2023");
        await Expect(page.Locator("#population")).ToHaveTextAsync($"{Lines.Length} situations (une par mineur), année {Year}, territoire : {Territory}.");
        await Expect(page.Locator("#annee")).ToHaveValueAsync(Year.ToString(Invariant));
        await Expect(page.Locator("#territoire")).ToHaveValueAsync(Territory);
        await Expect(page.Locator("#protection-note")).ToContainTextAsync("Vous voyez les effectifs exacts.");
        var sex = await TableAsync(page, "#tableau-2-1");
        Assert.Equal(Girls.ToString(Invariant), sex["Filles"][0]);
        Assert.Equal(Boys.ToString(Invariant), sex["Garçons"][0]);
        Assert.Equal("0", sex["Autre"][0]);
        Assert.Equal(Lines.Length.ToString(Invariant), sex["Total"][0]);
        var steps = await TableAsync(page, "#tableau-5-1");
        Assert.Equal([WithSignalement.ToString(Invariant), (Lines.Length - WithSignalement).ToString(Invariant), Lines.Length.ToString(Invariant)],
            steps["Signalement au parquet"]);
        await Expect(page.Locator("section.indicator")).ToHaveCountAsync(17);
        // The contents list says each indicator's own number, the one its heading carries.
        await Expect(page.Locator("nav.toc li")).ToHaveCountAsync(17);
        var misnumbered = await page.EvaluateAsync<string[]>("""
            () => [...document.querySelectorAll('nav.toc li')]
              .filter(li => !document.querySelector(li.querySelector('a').getAttribute('href')).textContent.trim().startsWith(li.value + '. '))
              .map(li => li.value + ' ' + li.textContent.trim())
            """);
        Assert.True(misnumbered.Length == 0, "Sommaire mal numéroté : " + string.Join(" ; ", misnumbered));
        await ExpectChartsWithoutInlineStyleAsync(page);
        await ExpectNoPageWideScrollAsync(page, "le tableau de bord (1280 px)");

        // 6. The same pages on a phone's width.
        await page.SetViewportSizeAsync(390, 844);
        await browser.CheckPageAsync("tableau-de-bord-390");
        await ExpectNoPageWideScrollAsync(page, "le tableau de bord (390 px)");
        await page.GotoAsync("/observatoire/import");
        await browser.CheckPageAsync("import-390");
        await ExpectNoPageWideScrollAsync(page, "la page d'import (390 px)");

        await browser.AssertCleanAsync();
    }

    [Fact(Timeout = 300_000)]
    public async Task Observatoire_role_sees_small_counts_hidden_and_downloads_the_tables_and_the_report_after_a_fresh_code()
    {
        var cancellation = TestContext.Current.CancellationToken;
        await using var server = VigieServer.Start();
        await using var browser = await BrowserSession.OpenAsync(chromium.Browser, server, "observatoire-lecture", cancellation);
        var page = browser.Page;
        var admin = Steps.Administrateur;

        // 1. Installation; the administrator creates the Observatoire account.
        await Steps.InstallAsync(browser, server);
        await Steps.GoToLoginAfterInstallAsync(browser);
        await Steps.SubmitPasswordAsync(page, admin.Email, admin.Password);
        await Steps.EnrolAsync(browser, "administrateur-");
        await Expect(page.Locator("h1")).ToHaveTextAsync($"Bonjour {admin.Name}");
        // An administrator reads no figure.
        await Expect(Steps.MainNavigation(page).GetByRole(AriaRole.Link, new() { Name = "Observatoire", Exact = true })).ToHaveCountAsync(0);
        var account = await Steps.CreateAccountAsync(browser,
            new NewAccount(Observer.Name, Observer.Email, "Chargée d'études", Steps.OperatingOrganisation, "Observatoire"));
        await Steps.LogOutAsync(browser, "connexion-apres-administrateur");

        // The same historical lines as the import journey, written by the importer the page uses (that
        // page is the other journey's): they belong to the operating organisation, created by Coordination.
        await SeedAsync(server, cancellation);

        // 2. The Observatoire account's first login, then "Observatoire" in its navigation.
        var authenticator = await Steps.FirstLoginAsync(browser, Observer, account.TemporaryPassword, "observatoire-");
        var navigation = Steps.MainNavigation(page);
        var observatoire = navigation.GetByRole(AriaRole.Link, new() { Name = "Observatoire", Exact = true });
        await Expect(observatoire).ToHaveAttributeAsync("href", "/observatoire");
        // Statistics only: no file of a minor, no commission.
        await Expect(navigation.GetByRole(AriaRole.Link, new() { Name = "Situations" })).ToHaveCountAsync(0);
        await Expect(navigation.GetByRole(AriaRole.Link, new() { Name = "Commission" })).ToHaveCountAsync(0);
        await observatoire.ClickAndWaitForUrlAsync(page, url => new Uri(url).AbsolutePath == "/observatoire");
        await Expect(observatoire).ToHaveClassAsync(new Regex(@"\bactive\b"));
        await browser.CheckPageAsync("tableau-de-bord");

        // 3. The filters, as a person sets them: the year and the territory the import brought.
        await page.GetByLabel("Année", new() { Exact = true }).SelectOptionAsync(Year.ToString(Invariant));
        await page.GetByLabel("Territoire", new() { Exact = true }).SelectOptionAsync(Territory);
        await page.GetByRole(AriaRole.Button, new() { Name = "Afficher" }).ClickAndWaitForUrlAsync(page, url =>
        {
            var query = HttpUtility.ParseQueryString(new Uri(url).Query);
            return query["annee"] == Year.ToString(Invariant) && query["territoire"] == Territory;
        });
        await Expect(page.Locator("#population")).ToHaveTextAsync($"{Lines.Length} situations (une par mineur), année {Year}, territoire : {Territory}.");
        await Expect(page.Locator("#protection-note")).ToContainTextAsync("Les effectifs de 1 à 4 sont masqués");
        Assert.InRange(Boys, 1, 4);
        var sex = await TableAsync(page, "#tableau-2-1");
        Assert.Equal("< 5", sex["Garçons"][0]);
        // The girls would give the boys away by difference with the total.
        Assert.Equal("s", sex["Filles"][0]);
        Assert.Equal(Lines.Length.ToString(Invariant), sex["Total"][0]);
        Assert.DoesNotContain(Boys.ToString(Invariant), sex["Garçons"]);
        // Nor does the chart: its labels are the table's.
        var sexChart = page.Locator("section.indicator", new() { Has = page.Locator("#indicateur-2") }).Locator("figure.chart svg[role=img]");
        await Expect(sexChart).ToHaveCountAsync(1);
        await Expect(sexChart).ToContainTextAsync("< 5");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Import de situations historiques" })).ToHaveCountAsync(0);
        await ExpectChartsWithoutInlineStyleAsync(page);
        await browser.CheckPageAsync("tableau-de-bord-lyon-7e-2023");
        await ExpectNoPageWideScrollAsync(page, "le tableau de bord protégé (1280 px)");

        // 4. Every table as xlsx: a fresh code first, then the file, read back.
        var export = page.GetByRole(AriaRole.Link, new() { Name = "Exporter tous les tableaux (xlsx)" });
        var exportHref = await export.GetAttributeAsync("href");
        Assert.NotNull(exportHref);
        await export.ClickAndWaitForUrlAsync(page, url => new Uri(url).AbsolutePath == "/compte/confirmation");
        Assert.Equal(exportHref, HttpUtility.ParseQueryString(new Uri(page.Url).Query)["retour"]);
        await Expect(page.Locator("h1")).ToHaveTextAsync("Confirmer votre identité");
        await browser.CheckPageAsync("confirmation");
        await page.GetByLabel("Code à 6 chiffres").FillAsync(await authenticator.NextCodeAsync(cancellation));
        await page.GetByRole(AriaRole.Button, new() { Name = "Confirmer" }).ClickAndWaitForNewDocumentAsync(page);
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Identité confirmée pour quelques minutes.");
        await browser.CheckPageAsync("confirmation-reussie");
        var xlsx = await DownloadAsync(page, () => page.GetByRole(AriaRole.Link, new() { Name = "Continuer" }).ClickAsync(), cancellation);
        Assert.Equal($"vigie-observatoire-tableaux-{Year}0101-{Year}1231.xlsx", xlsx.Name);
        using (var stream = new MemoryStream(xlsx.Bytes))
        {
            var sheets = MiniExcel.GetSheetNames(stream);
            Assert.Equal("Lisez-moi", sheets[0]);
            Assert.Contains("2.1 Répartition par sexe", sheets);
            var rows = stream.Query(useHeaderRow: true, sheetName: "2.1 Répartition par sexe").Cast<IDictionary<string, object?>>().ToList();
            var boys = Assert.Single(rows, r => Equals(r["Sexe"], "Garçons"));
            Assert.Equal("< 5", boys["Situations"]);
            Assert.Equal("s", Assert.Single(rows, r => Equals(r["Sexe"], "Filles"))["Situations"]);
            Assert.Equal((double)Lines.Length, Convert.ToDouble(rows[^1]["Situations"], Invariant));
        }

        // 5. The yearly report: the step-up is still fresh, the PDF comes at once.
        await browser.GotoAsync("/observatoire?" + DashboardQuery, "tableau-de-bord-apres-export");
        var reportLink = page.GetByRole(AriaRole.Link, new() { Name = $"Rapport annuel {Year} (PDF)" });
        var pdf = await DownloadAsync(page, () => reportLink.ClickAsync(), cancellation);
        Assert.Equal($"vigie-observatoire-rapport-{Year}.pdf", pdf.Name);
        Assert.True(pdf.Bytes.Length > 10_000, $"Rapport de {pdf.Bytes.Length} octets seulement.");
        Assert.Equal("%PDF-", Encoding.ASCII.GetString(pdf.Bytes, 0, 5));
        using (var document = UglyToad.PdfPig.PdfDocument.Open(pdf.Bytes))
        {
            Assert.True(document.NumberOfPages > 1, "Le rapport n'a qu'une page.");
            var text = string.Join(" ", document.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text));
            Assert.Contains(Territory.Split(' ')[0], text, StringComparison.Ordinal);
        }

        // 6. The pseudonymised extract: its page, and the year's file (the step-up is still fresh).
        await page.GetByRole(AriaRole.Link, new() { Name = "Extrait pseudonymisé" }).ClickAndWaitForUrlAsync(page, url => new Uri(url).AbsolutePath == "/observatoire/extrait");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Extrait pseudonymisé");
        await Expect(observatoire).ToHaveClassAsync(new Regex(@"\bactive\b"));
        await browser.CheckPageAsync("extrait");
        await page.GetByLabel("Année", new() { Exact = true }).FillAsync(Year.ToString(Invariant));
        var extract = await DownloadAsync(page, () => page.GetByRole(AriaRole.Button, new() { Name = "Télécharger l'année (csv)" }).ClickAsync(), cancellation);
        Assert.EndsWith($"-{Year}.csv", extract.Name, StringComparison.Ordinal);
        var lines = Encoding.UTF8.GetString(extract.Bytes).TrimStart('\uFEFF').Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Length > 0).ToList();
        Assert.StartsWith("cle;cle_complete;sexe;", lines[0], StringComparison.Ordinal);
        Assert.Equal(Lines.Length, lines.Count - 1);
        // Pseudonymised: no name of the file is in it.
        Assert.All(Lines, l => Assert.DoesNotContain(l.LastName, string.Join("\n", lines), StringComparison.Ordinal));

        // 7. The dashboard on a phone's width.
        await page.SetViewportSizeAsync(390, 844);
        await browser.GotoAsync("/observatoire?" + DashboardQuery, "tableau-de-bord-390");
        await ExpectNoPageWideScrollAsync(page, "le tableau de bord protégé (390 px)");

        await browser.AssertCleanAsync();
    }

    private sealed record HistoricalLine(string LastName, string FirstName, DateOnly BirthDate, string Sex, DateOnly DetectedOn, string Level, DateOnly? Signalement);

    private sealed record DownloadedFile(string Name, byte[] Bytes);

    /// <summary>The import file as Coordination fills the template: a header row of the documented columns, then one row per minor.</summary>
    private static byte[] Xlsx(IEnumerable<HistoricalLine> lines)
    {
        var rows = lines.Select(l => new Dictionary<string, object?>
        {
            [ImportColumns.LastName] = l.LastName,
            [ImportColumns.FirstName] = l.FirstName,
            [ImportColumns.BirthDate] = l.BirthDate.ToString("dd/MM/yyyy", Invariant),
            [ImportColumns.SexColumn] = l.Sex,
            [ImportColumns.Territory] = Territory,
            [ImportColumns.DetectedOn] = l.DetectedOn.ToString("dd/MM/yyyy", Invariant),
            ["niveau"] = l.Level,
            ["date du signalement"] = l.Signalement?.ToString("yyyy-MM-dd", Invariant),
        }).ToList();
        using var stream = new MemoryStream();
        stream.SaveAs(rows, sheetName: "Situations");
        return stream.ToArray();
    }

    private static async Task SeedAsync(VigieServer server, CancellationToken cancellation)
    {
        using var scope = server.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<VigieDbContext>();
        var organisation = await db.Organisations.Where(o => o.Name == Steps.OperatingOrganisation).Select(o => o.Id).SingleAsync(cancellation);
        var coordination = await db.Users.Where(u => u.Email == Steps.Coordination.Email).Select(u => u.Id).SingleAsync(cancellation);
        var result = await scope.ServiceProvider.GetRequiredService<SituationImporter>().CommitAsync(Xlsx(Lines), organisation, coordination, cancellation);
        var created = Assert.IsType<ImportCommitResult.Created>(result);
        Assert.Equal(Lines.Length, created.Situations);
    }

    /// <summary>Each body row of a table, by its header cell: the cells' texts.</summary>
    private static async Task<Dictionary<string, string[]>> TableAsync(IPage page, string selector)
    {
        var rows = page.Locator($"{selector} tbody tr");
        await Expect(rows.First).ToBeVisibleAsync();
        var result = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var row in await rows.AllAsync())
        {
            var header = (await row.Locator("th").InnerTextAsync()).Trim();
            result[header] = (await row.Locator("td").AllInnerTextsAsync()).Select(t => t.Trim()).ToArray();
        }

        return result;
    }

    private static async Task<DownloadedFile> DownloadAsync(IPage page, Func<Task> action, CancellationToken cancellation)
    {
        var download = await page.RunAndWaitForDownloadAsync(action, new() { Timeout = 30_000 });
        Assert.Null(await download.FailureAsync());
        var bytes = await File.ReadAllBytesAsync(await download.PathAsync(), cancellation);
        TestContext.Current.TestOutputHelper?.WriteLine($"Téléchargé : {download.SuggestedFilename} ({bytes.Length} octets)");
        return new DownloadedFile(download.SuggestedFilename, bytes);
    }

    /// <summary>Charts drawn inline, labelled, with no style attribute or element and no script (the CSP allows none).</summary>
    private static async Task ExpectChartsWithoutInlineStyleAsync(IPage page)
    {
        var charts = page.Locator("figure.chart svg[role=img]");
        Assert.True(await charts.CountAsync() >= 10, $"{await charts.CountAsync()} graphique(s) seulement.");
        // An empty style attribute is axe's trace (it restores what it touched while measuring contrast), not the page's.
        var inline = await page.EvaluateAsync<string[]>(
            "() => [...document.querySelectorAll('main [style]:not([style=\"\"]), main style, main script')].map(e => e.outerHTML.slice(0, 200))");
        Assert.True(inline.Length == 0, "Style ou script en ligne dans la page :\n" + string.Join("\n", inline));
        foreach (var chart in (await charts.AllAsync()).Take(3))
        {
            Assert.False(string.IsNullOrWhiteSpace(await chart.Locator("title").First.TextContentAsync()), "Graphique sans titre.");
        }
    }

    /// <summary>The page scrolls down, never sideways: a wide table or chart scrolls inside its own box.</summary>
    private static async Task ExpectNoPageWideScrollAsync(IPage page, string what)
    {
        var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]");
        var (scroll, client) = (widths[0], widths[1]);
        if (scroll <= client)
        {
            return;
        }

        // The outermost elements that stick out, to say what to fix.
        var culprits = await page.EvaluateAsync<string[]>("""
            () => {
              const limit = document.documentElement.clientWidth + 1;
              const out = e => e.getBoundingClientRect().right > limit;
              const scrolls = e => ['auto', 'scroll', 'hidden'].includes(getComputedStyle(e).overflowX);
              const clipped = e => { for (let p = e.parentElement; p; p = p.parentElement) { if (scrolls(p)) return true; } return false; };
              return [...document.querySelectorAll('body *')]
                .filter(e => out(e) && !(e.parentElement && out(e.parentElement)) && !clipped(e))
                .slice(0, 10)
                .map(e => `${e.tagName.toLowerCase()}${e.id ? '#' + e.id : ''}${e.className && typeof e.className === 'string' ? '.' + e.className.trim().split(/\s+/).join('.') : ''} (${Math.round(e.getBoundingClientRect().right)} px)`);
            }
            """);
        Assert.Fail($"Sur {what}, la page défile horizontalement : {scroll} px de contenu pour {client} px de fenêtre. Dépassent : {string.Join(", ", culprits)}");
    }
}
