using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Vigie.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Vigie.BrowserTests.Journeys;

public sealed record Account(string Name, string Email, string Password);

public sealed record NewOrganisation(string Name, string Kind, string Territory, string Email, string Phone);

public sealed record NewAccount(string Name, string Email, string JobTitle, string Organisation, string Role);

/// <summary>An account the administrator just created: its id and the provisional password shown once.</summary>
public sealed record CreatedAccount(string Id, string TemporaryPassword);

/// <summary>Steps several journeys share, done in the browser as a person would.</summary>
public static partial class Steps
{
    public static readonly Account Administrateur = new("Alice Martin", "alice.martin@exploitant.vigie.invalid", "vieux phare bleu sur la colline 42");

    public static readonly Account Coordination = new("Bruno Petit", "bruno.petit@exploitant.vigie.invalid", "trois mouettes sous un ciel gris 17");

    public const string OperatingOrganisation = "Métropole — Mission protection de l'enfance";

    /// <summary>First run: the operator reads the setup link in the log, opens it and creates the first accounts.</summary>
    public static async Task InstallAsync(BrowserSession browser, VigieServer server)
    {
        var page = browser.Page;
        var link = await server.SetupLinkFromLogAsync(TimeSpan.FromSeconds(15));
        // The link the operator reads points at this very server.
        Assert.Equal(server.BaseAddress.GetLeftPart(UriPartial.Authority), link.GetLeftPart(UriPartial.Authority));

        await browser.GotoAsync(link.PathAndQuery, "installation");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Installation de Vigie");
        await page.Locator("[name='Input.OrganisationName']").FillAsync(OperatingOrganisation);
        await page.Locator("[name='Input.OrganisationKind']").SelectOptionAsync(new SelectOptionValue { Label = "Service de la Métropole" });
        await page.Locator("[name='Input.AdminName']").FillAsync(Administrateur.Name);
        await page.Locator("[name='Input.AdminEmail']").FillAsync(Administrateur.Email);
        await page.Locator("[name='Input.AdminPassword']").FillAsync(Administrateur.Password);
        await page.Locator("[name='Input.CoordinationName']").FillAsync(Coordination.Name);
        await page.Locator("[name='Input.CoordinationEmail']").FillAsync(Coordination.Email);
        await page.Locator("[name='Input.CoordinationPassword']").FillAsync(Coordination.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Créer les comptes" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Les premiers comptes sont créés");
        await browser.CheckPageAsync("installation-terminee");
    }

    /// <summary>Right after <see cref="InstallAsync"/>: the link onward to the login page.</summary>
    public static async Task GoToLoginAfterInstallAsync(BrowserSession browser)
    {
        var page = browser.Page;
        await page.GetByRole(AriaRole.Link, new() { Name = "Aller à la connexion" }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Connexion à Vigie");
        await browser.CheckPageAsync("connexion");
    }

    /// <summary>Types the e-mail address and password on the login page and waits for the page the server answers with.</summary>
    public static async Task SubmitPasswordAsync(IPage page, string email, string password)
    {
        await page.GetByLabel("Adresse e-mail", new() { Exact = true }).FillAsync(email);
        await page.GetByLabel("Mot de passe", new() { Exact = true }).FillAsync(password);
        // Waiting for the navigation itself: the answer may be the login page again, with the same elements.
        await page.GetByRole(AriaRole.Button, new() { Name = "Continuer" }).ClickAndWaitForNewDocumentAsync(page);
    }

    /// <summary>
    /// After a correct password, for an account without an authenticator: the enrolment page, a code
    /// from the key shown, the ten recovery codes, then the link onward (where it leads is the caller's
    /// to check). Returns the authenticator, which knows the step its code used.
    /// </summary>
    public static async Task<Authenticator> EnrolAsync(BrowserSession browser, string stepPrefix = "")
    {
        var page = browser.Page;
        await page.WaitForURLAsync("**/compte/double-authentification");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Activer la double authentification");
        await Expect(page.Locator(".qr svg")).ToBeVisibleAsync();
        await browser.CheckPageAsync(stepPrefix + "double-authentification");
        var shownKey = await page.Locator("#totp-key").InnerTextAsync();
        Assert.Matches(ShownKey(), shownKey.Trim());
        // What a person types into an authenticator app: the groups joined, in Base32 capitals.
        var authenticator = new Authenticator(shownKey.Replace(" ", string.Empty, StringComparison.Ordinal).Trim().ToUpperInvariant());
        await page.GetByLabel("Code à 6 chiffres").FillAsync(await authenticator.NextCodeAsync(TestContext.Current.CancellationToken));
        await page.GetByRole(AriaRole.Button, new() { Name = "Activer" }).ClickAsync();

        await Expect(page.Locator("h1")).ToHaveTextAsync("Double authentification activée");
        await Expect(page.Locator(".recovery-codes li")).ToHaveCountAsync(10);
        var recoveryCodes = await page.Locator(".recovery-codes li").AllInnerTextsAsync();
        Assert.Equal(10, recoveryCodes.Select(c => c.Trim()).Where(c => c.Length >= 8).Distinct().Count());
        await browser.CheckPageAsync(stepPrefix + "codes-de-secours");

        await page.GetByRole(AriaRole.Link, new() { Name = "J'ai noté mes codes, continuer" }).ClickAsync();
        return authenticator;
    }

    /// <summary>The header navigation of a signed-in user.</summary>
    public static ILocator MainNavigation(IPage page) => page.GetByRole(AriaRole.Navigation, new() { Name = "Navigation principale" });

    /// <summary>An administrator creates an organisation from the navigation; returns its id, read from the list's link.</summary>
    public static async Task<string> CreateOrganisationAsync(BrowserSession browser, NewOrganisation organisation)
    {
        var page = browser.Page;
        await MainNavigation(page).GetByRole(AriaRole.Link, new() { Name = "Organisations" }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Organisations");
        await browser.CheckPageAsync("organisations");
        await page.GetByRole(AriaRole.Link, new() { Name = "Nouvelle organisation" }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Nouvelle organisation");
        await browser.CheckPageAsync("nouvelle-organisation");

        await page.Locator("[name='Input.Name']").FillAsync(organisation.Name);
        await page.Locator("[name='Input.Kind']").SelectOptionAsync(new SelectOptionValue { Label = organisation.Kind });
        await page.Locator("[name='Input.Territory']").FillAsync(organisation.Territory);
        await page.Locator("[name='Input.Email']").FillAsync(organisation.Email);
        await page.Locator("[name='Input.Phone']").FillAsync(organisation.Phone);
        await page.GetByRole(AriaRole.Button, new() { Name = "Créer l'organisation" })
            .ClickAndWaitForUrlAsync(page, url => new Uri(url).AbsolutePath == "/administration/organisations");
        await Expect(page.GetByText($"L'organisation « {organisation.Name} » a été créée.")).ToBeVisibleAsync();
        var row = page.Locator("table.data-table tbody tr", new() { HasText = organisation.Name });
        await Expect(row).ToHaveCountAsync(1);
        await Expect(row.Locator("td").Nth(1)).ToHaveTextAsync(organisation.Kind);
        await Expect(row.Locator("td").Nth(2)).ToHaveTextAsync(organisation.Territory);
        var id = IdAtEnd(await row.GetByRole(AriaRole.Link).GetAttributeAsync("href"));
        await browser.CheckPageAsync("organisations-apres-creation");
        return id;
    }

    /// <summary>An administrator creates an account with one role from the navigation and reads the provisional password, shown once.</summary>
    public static async Task<CreatedAccount> CreateAccountAsync(BrowserSession browser, NewAccount account)
    {
        var page = browser.Page;
        await MainNavigation(page).GetByRole(AriaRole.Link, new() { Name = "Utilisateurs" }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Utilisateurs");
        await browser.CheckPageAsync("utilisateurs");
        await page.GetByRole(AriaRole.Link, new() { Name = "Nouvel utilisateur" }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Nouvel utilisateur");
        await browser.CheckPageAsync("nouvel-utilisateur");

        await page.Locator("[name='Input.DisplayName']").FillAsync(account.Name);
        await page.Locator("[name='Input.Email']").FillAsync(account.Email);
        await page.Locator("[name='Input.JobTitle']").FillAsync(account.JobTitle);
        await page.Locator("[name='Input.OrganisationId']").SelectOptionAsync(new SelectOptionValue { Label = account.Organisation });
        await page.Locator($"#role-{account.Role}").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Créer le compte" }).ClickAsync();

        await Expect(page.Locator("h1")).ToHaveTextAsync("Compte créé");
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync(account.Email);
        var temporaryPassword = (await page.Locator("#temporary-password").InnerTextAsync()).Trim();
        Assert.True(temporaryPassword.Length >= 12, $"Mot de passe provisoire trop court : « {temporaryPassword} »");
        var id = IdAtEnd(await page.GetByRole(AriaRole.Link, new() { Name = "Voir le compte" }).GetAttributeAsync("href"));
        await browser.CheckPageAsync("compte-cree");
        return new CreatedAccount(id, temporaryPassword);
    }

    /// <summary>"Se déconnecter" in the header: back on the login page, signed out.</summary>
    public static async Task LogOutAsync(BrowserSession browser, string step)
    {
        var page = browser.Page;
        await page.GetByRole(AriaRole.Button, new() { Name = "Se déconnecter" }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Connexion à Vigie");
        Assert.Equal("/compte/connexion", new Uri(page.Url).AbsolutePath);
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Se déconnecter" })).ToHaveCountAsync(0);
        await browser.CheckPageAsync(step);
    }

    /// <summary>
    /// First login of an account an administrator created: the provisional password, the enrolment,
    /// then the imposed password change. Returns the account's authenticator.
    /// </summary>
    public static async Task<Authenticator> FirstLoginAsync(BrowserSession browser, Account account, string provisionalPassword, string stepPrefix)
    {
        var page = browser.Page;
        await SubmitPasswordAsync(page, account.Email, provisionalPassword);
        var authenticator = await EnrolAsync(browser, stepPrefix);
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/compte/mot-de-passe");
        await page.GetByLabel("Mot de passe actuel", new() { Exact = true }).FillAsync(provisionalPassword);
        await page.GetByLabel("Nouveau mot de passe", new() { Exact = true }).FillAsync(account.Password);
        await page.GetByLabel("Confirmer le nouveau mot de passe", new() { Exact = true }).FillAsync(account.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer" }).ClickAsync();
        await Expect(page.GetByText("Votre mot de passe a été changé")).ToBeVisibleAsync();
        return authenticator;
    }

    /// <summary>A later login: password, then a fresh code from the account's authenticator; lands on the home page.</summary>
    public static async Task LoginAsync(BrowserSession browser, Account account, Authenticator authenticator)
    {
        var page = browser.Page;
        await SubmitPasswordAsync(page, account.Email, account.Password);
        await Expect(page.Locator("h1")).ToHaveTextAsync("Code de vérification");
        await page.GetByLabel("Code à 6 chiffres de votre application d'authentification").FillAsync(await authenticator.NextCodeAsync(TestContext.Current.CancellationToken));
        await page.GetByRole(AriaRole.Button, new() { Name = "Se connecter" }).ClickAndWaitForNewDocumentAsync(page);
        await Expect(page.Locator("h1")).ToHaveTextAsync($"Bonjour {account.Name}");
    }

    /// <summary>A date as a date input takes it (yyyy-mm-dd).</summary>
    public static string IsoDate(DateOnly date) => date.ToString("yyyy-MM-dd");

    /// <summary>The value beside <paramref name="label"/> in a page's list of facts (<c>dl.facts</c>).</summary>
    public static ILocator Fact(IPage page, string label) =>
        page.Locator($"xpath=//dl[contains(@class,'facts')]/dt[normalize-space()=\"{label}\"]/following-sibling::dd[1]");

    /// <summary>The id of the situation whose page <paramref name="url"/> is.</summary>
    public static string SituationIdIn(string url) => SituationPath().Match(new Uri(url).AbsolutePath).Groups["id"].Value;

    /// <summary>The address of a situation's page (its "fiche").</summary>
    [GeneratedRegex("/situations/(?<id>[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$")]
    public static partial Regex SituationPath();

    /// <summary>Matches an element whose whole text, spaces aside, is <paramref name="label"/>.</summary>
    public static Regex WholeText(string label) => new($"^\\s*{Regex.Escape(label)}\\s*$");

    private static string IdAtEnd(string? href)
    {
        Assert.False(string.IsNullOrEmpty(href), "Lien sans adresse.");
        return href[(href.LastIndexOf('/') + 1)..];
    }

    [GeneratedRegex("^([a-z2-7]{4} )*[a-z2-7]{1,4}$")]
    private static partial Regex ShownKey();
}
