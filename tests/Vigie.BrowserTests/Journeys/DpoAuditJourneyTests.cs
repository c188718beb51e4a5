using System.Text;
using System.Text.RegularExpressions;
using System.Web;
using Microsoft.Playwright;
using Vigie.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Vigie.BrowserTests.Journeys;

/// <summary>
/// The DPO checks who did what: an administrator creates an organisation and the DPO's account; the
/// DPO's first login (enrolment, then the password they must choose), the audit log filtered by action
/// and by person, and the CSV export behind a fresh authenticator code.
/// </summary>
public sealed class DpoAuditJourneyTests(Chromium chromium)
{
    private const string CsvHeader = "numero;date_utc;utilisateur;email;action;objet;identifiant;resultat;ip";

    private static readonly NewOrganisation Partner = new(
        "Foyer Les Tilleuls (essai DPO)", "Association", "Villeurbanne", "contact@tilleuls.vigie.invalid", "04 78 00 00 00");

    private static readonly Account Dpo = new("Claire Dubois", "claire.dubois@exploitant.vigie.invalid", "le grand chêne au bord du lac");

    [Fact(Timeout = 300_000)]
    public async Task Dpo_enrols_sets_their_password_filters_the_audit_log_by_action_and_by_person_and_exports_it_after_a_fresh_code()
    {
        var cancellation = TestContext.Current.CancellationToken;
        await using var server = VigieServer.Start();
        await using var browser = await BrowserSession.OpenAsync(chromium.Browser, server, "dpo-journal", cancellation);
        var page = browser.Page;
        var admin = Steps.Administrateur;

        // 1. Installation, then the administrator's first login and enrolment.
        await Steps.InstallAsync(browser, server);
        await Steps.GoToLoginAfterInstallAsync(browser);
        await Steps.SubmitPasswordAsync(page, admin.Email, admin.Password);
        await Steps.EnrolAsync(browser, "administrateur-");
        await Expect(page.Locator("h1")).ToHaveTextAsync($"Bonjour {admin.Name}");
        await browser.CheckPageAsync("accueil-administrateur");

        // 2. An organisation, and the DPO's account in the operating organisation; then the administrator leaves.
        var partnerId = await Steps.CreateOrganisationAsync(browser, Partner);
        var dpoAccount = await Steps.CreateAccountAsync(browser,
            new NewAccount(Dpo.Name, Dpo.Email, "Déléguée à la protection des données", Steps.OperatingOrganisation, "Dpo"));
        await Steps.LogOutAsync(browser, "connexion-apres-deconnexion-administrateur");

        // 3. The DPO's first login: provisional password, enrolment, then the password page before anything else.
        await Steps.SubmitPasswordAsync(page, Dpo.Email, dpoAccount.TemporaryPassword);
        var dpoAuthenticator = await Steps.EnrolAsync(browser, "dpo-");
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/compte/mot-de-passe");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Changer de mot de passe");
        var mustChange = page.Locator(".notice[role='status']", new() { HasText = "défini par un administrateur" });
        await Expect(mustChange).ToBeVisibleAsync();
        await browser.CheckPageAsync("dpo-mot-de-passe-impose");

        // No navigation to lead nowhere, and typing the journal's address still lands on the password page.
        var navigation = Steps.MainNavigation(page);
        await Expect(navigation).ToHaveCountAsync(0);
        await page.GotoAsync("/protection/journal");
        Assert.Equal("/compte/mot-de-passe", new Uri(page.Url).AbsolutePath);
        await Expect(mustChange).ToBeVisibleAsync();
        await browser.CheckPageAsync("dpo-journal-refuse-avant-mot-de-passe");

        await page.GetByLabel("Mot de passe actuel", new() { Exact = true }).FillAsync(dpoAccount.TemporaryPassword);
        await page.GetByLabel("Nouveau mot de passe", new() { Exact = true }).FillAsync(Dpo.Password);
        await page.GetByLabel("Confirmer le nouveau mot de passe", new() { Exact = true }).FillAsync(Dpo.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer" }).ClickAsync();
        await Expect(page.GetByText("Votre mot de passe a été changé")).ToBeVisibleAsync();
        await Expect(mustChange).ToHaveCountAsync(0);
        await browser.CheckPageAsync("dpo-mot-de-passe-change");

        // 4. The journal, from the navigation. A DPO administers nothing.
        await Expect(navigation.GetByRole(AriaRole.Link, new() { Name = "Organisations" })).ToHaveCountAsync(0);
        await Expect(navigation.GetByRole(AriaRole.Link, new() { Name = "Utilisateurs" })).ToHaveCountAsync(0);
        await navigation.GetByRole(AriaRole.Link, new() { Name = "Journal d'audit" }).ClickAndWaitForUrlAsync(page, url => new Uri(url).AbsolutePath == "/protection/journal");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Journal d'audit");
        var resultCount = page.Locator("p.result-count");
        await Expect(resultCount).ToHaveTextAsync(new Regex(@"^\d+ entrée\(s\) correspondent\.$"));
        await browser.CheckPageAsync("journal");

        var rows = page.Locator("table.data-table tbody tr");
        ILocator Cell(int column, string text) => page.Locator($"td:nth-child({column})", new() { HasTextRegex = Steps.WholeText(text) });
        ILocator WithAction(string label) => rows.Filter(new() { Has = Cell(4, label) });
        ILocator ByUser(string name) => rows.Filter(new() { Has = Cell(3, name) });

        // By action: the installation's organisation (recorded for the administrator) and the one created since.
        await page.GetByLabel("Action", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Organisation créée" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Filtrer" }).ClickAndWaitForUrlAsync(page, url => HttpUtility.ParseQueryString(new Uri(url).Query)["action"] == "organisation.created");
        await Expect(resultCount).ToHaveTextAsync("2 entrée(s) correspondent.");
        await Expect(rows).ToHaveCountAsync(2);
        await Expect(WithAction("Organisation créée")).ToHaveCountAsync(2);
        await Expect(ByUser(admin.Name)).ToHaveCountAsync(2);
        await Expect(rows.Filter(new() { HasText = Steps.OperatingOrganisation })).ToHaveCountAsync(1);
        var partnerRow = rows.Filter(new() { Has = page.Locator($"span[title='{partnerId}']") });
        await Expect(partnerRow).ToHaveCountAsync(1);
        await Expect(partnerRow.Locator($"span[title='{partnerId}']")).ToHaveTextAsync($"« {Partner.Name} »");
        await Expect(partnerRow.Locator("td:nth-child(3)")).ToHaveTextAsync(admin.Name);
        await Expect(partnerRow.Locator("td:nth-child(5)")).ToContainTextAsync("Organisation");
        await Expect(partnerRow.Locator("td:nth-child(6)")).ToHaveTextAsync("Réussi");
        await Expect(partnerRow.Locator("td:nth-child(7)")).ToHaveTextAsync("127.0.0.1");
        // Newest first: the organisation created after the installation heads the list.
        await Expect(rows.First.Locator($"span[title='{partnerId}']")).ToHaveCountAsync(1);
        await browser.CheckPageAsync("journal-organisations-creees");

        // By person: everything the administrator did, and nothing else.
        await page.GetByLabel("Utilisateur (nom ou e-mail)").FillAsync(admin.Email);
        await page.GetByLabel("Action", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Toutes" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Filtrer" }).ClickAndWaitForUrlAsync(page, url =>
        {
            var query = HttpUtility.ParseQueryString(new Uri(url).Query);
            return query["utilisateur"] == admin.Email && string.IsNullOrEmpty(query["action"]);
        });
        var expectedActions = new Dictionary<string, int>
        {
            ["Installation initiale"] = 1,
            ["Organisation créée"] = 2,
            ["Double authentification activée"] = 1,
            ["Connexion"] = 1,
            ["Compte créé"] = 3, // at setup: her own and the coordination's; then the DPO's
            ["Déconnexion"] = 1,
        };
        var adminEntries = expectedActions.Values.Sum();
        await Expect(resultCount).ToHaveTextAsync($"{adminEntries} entrée(s) correspondent.");
        await Expect(rows).ToHaveCountAsync(adminEntries);
        await Expect(ByUser(admin.Name)).ToHaveCountAsync(adminEntries);
        foreach (var (label, count) in expectedActions)
        {
            await Expect(WithAction(label)).ToHaveCountAsync(count);
        }

        // The account the administrator created is the DPO's, named in the table, its id in the title.
        await Expect(WithAction("Compte créé").Locator($"span[title='{dpoAccount.Id}']")).ToHaveTextAsync($"« {Dpo.Name} »");
        var shownNumbers = (await rows.Locator("td:nth-child(1)").AllInnerTextsAsync()).Select(n => n.Trim()).ToHashSet();
        await browser.CheckPageAsync("journal-administrateur");

        // 5. The export of this filtered view: a fresh code first, then the file.
        var export = page.GetByRole(AriaRole.Link, new() { Name = "Exporter en CSV" });
        var exportHref = await export.GetAttributeAsync("href");
        Assert.NotNull(exportHref);
        Assert.StartsWith("/protection/journal/export?", exportHref, StringComparison.Ordinal);
        await export.ClickAndWaitForUrlAsync(page, url => new Uri(url).AbsolutePath == "/compte/confirmation");
        Assert.Equal(exportHref, HttpUtility.ParseQueryString(new Uri(page.Url).Query)["retour"]);
        await Expect(page.Locator("h1")).ToHaveTextAsync("Confirmer votre identité");
        await browser.CheckPageAsync("confirmation");

        // The code the DPO typed at enrolment is refused here. Within one step of it (the log says), only
        // the replay protection refuses it; on a slow run it is also too old.
        var codeField = page.GetByLabel("Code à 6 chiffres");
        await codeField.FillAsync(dpoAuthenticator.UsedCode());
        await page.GetByRole(AriaRole.Button, new() { Name = "Confirmer" }).ClickAndWaitForNewDocumentAsync(page);
        Assert.Equal("/compte/confirmation", new Uri(page.Url).AbsolutePath);
        await Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("Code incorrect ou déjà utilisé. Attendez le code suivant et réessayez.");
        await browser.CheckPageAsync("confirmation-code-refuse");

        // A fresh code: from a step later than the enrolment's, waiting for it if need be.
        await codeField.FillAsync(await dpoAuthenticator.NextCodeAsync(cancellation));
        await page.GetByRole(AriaRole.Button, new() { Name = "Confirmer" }).ClickAndWaitForNewDocumentAsync(page);
        // Confirmed: the page says so and offers to go on, with no spent code left in a form.
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Identité confirmée pour quelques minutes.");
        Assert.Equal(0, await page.Locator("input[name=Code]").CountAsync());
        await browser.CheckPageAsync("confirmation-reussie");
        var download = await page.RunAndWaitForDownloadAsync(
            () => page.GetByRole(AriaRole.Link, new() { Name = "Continuer" }).ClickAsync(),
            new() { Timeout = 30_000 });
        Assert.Null(await download.FailureAsync());
        Assert.Matches(@"^journal-audit-\d{8}-\d{4}\.csv$", download.SuggestedFilename);
        var bytes = await File.ReadAllBytesAsync(await download.PathAsync(), cancellation);

        Assert.True(bytes.AsSpan().StartsWith(Encoding.UTF8.Preamble), "Le fichier CSV ne commence pas par le BOM UTF-8.");
        var text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes, Encoding.UTF8.Preamble.Length, bytes.Length - Encoding.UTF8.Preamble.Length);
        var output = TestContext.Current.TestOutputHelper;
        output?.WriteLine($"{download.SuggestedFilename} ({bytes.Length} octets) :\n{text}");
        var lines = text.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Length > 0).ToList();
        Assert.Equal(CsvHeader, lines[0]);
        var records = lines.Skip(1).Select(l => l.Split(';')).ToList();
        Assert.All(records, r => Assert.Equal(9, r.Length));
        // The same entries as the page showed: the administrator's, and only theirs.
        Assert.Equal(adminEntries, records.Count);
        Assert.Equal(shownNumbers, records.Select(r => r[0]).ToHashSet());
        Assert.All(records, r =>
        {
            Assert.Equal(admin.Name, r[2]);
            Assert.Equal(admin.Email, r[3]);
            Assert.Matches(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$", r[1]);
        });
        var organisationCreated = Assert.Single(records, r => r[4] == "Organisation créée" && r[6] == partnerId);
        Assert.Equal("Organisation", organisationCreated[5]);
        Assert.Equal("Réussi", organisationCreated[7]);
        Assert.Equal("127.0.0.1", organisationCreated[8]);
        Assert.Single(records, r => r[4] == "Compte créé" && r[6] == dpoAccount.Id);

        // A download does not replace the page: the browser stays on the confirmation, which says it succeeded.
        output?.WriteLine($"Après le téléchargement : {page.Url}");
        Assert.Equal("/compte/confirmation", new Uri(page.Url).AbsolutePath);
        await browser.CheckPageAsync("apres-export");

        // 6. The DPO's own trail: the refused and the accepted code, the export, and each reading of the journal.
        await navigation.GetByRole(AriaRole.Link, new() { Name = "Journal d'audit" }).ClickAndWaitForUrlAsync(page, url => new Uri(url).AbsolutePath == "/protection/journal" && new Uri(url).Query.Length == 0);
        await page.GetByLabel("Utilisateur (nom ou e-mail)").FillAsync(Dpo.Name);
        await page.GetByRole(AriaRole.Button, new() { Name = "Filtrer" }).ClickAndWaitForUrlAsync(page, url => HttpUtility.ParseQueryString(new Uri(url).Query)["utilisateur"] == Dpo.Name);
        var dpoActions = new Dictionary<string, int>
        {
            ["Double authentification activée"] = 1,
            ["Connexion"] = 1,
            ["Mot de passe modifié"] = 1,
            // The journal unfiltered, by action, by person, and unfiltered again just now (this view is logged after it is read).
            ["Consultation"] = 4,
            ["Confirmation par code échouée"] = 1,
            ["Confirmation par code réussie"] = 1,
            ["Export"] = 1,
        };
        var dpoEntries = dpoActions.Values.Sum();
        await Expect(resultCount).ToHaveTextAsync($"{dpoEntries} entrée(s) correspondent.");
        await Expect(rows).ToHaveCountAsync(dpoEntries);
        await Expect(ByUser(Dpo.Name)).ToHaveCountAsync(dpoEntries);
        foreach (var (label, count) in dpoActions)
        {
            await Expect(WithAction(label)).ToHaveCountAsync(count);
        }

        await Expect(WithAction("Confirmation par code échouée").Locator("td:nth-child(6)")).ToHaveTextAsync("Échec");
        await Expect(WithAction("Export").Locator("td:nth-child(5)")).ToContainTextAsync("JournalAudit");
        await browser.CheckPageAsync("journal-dpo");

        await browser.AssertCleanAsync();
    }
}
