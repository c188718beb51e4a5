using Microsoft.Playwright;
using Vigie.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Vigie.BrowserTests.Journeys;

public sealed record Account(string Name, string Email, string Password);

/// <summary>Steps several journeys share, done in the browser as a person would.</summary>
public static class Steps
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

    /// <summary>Types the e-mail address and password on the login page and waits for the page the server answers with.</summary>
    public static async Task SubmitPasswordAsync(IPage page, string email, string password)
    {
        await page.GetByLabel("Adresse e-mail", new() { Exact = true }).FillAsync(email);
        await page.GetByLabel("Mot de passe", new() { Exact = true }).FillAsync(password);
        // Waiting for the navigation itself: the answer may be the login page again, with the same elements.
        await page.GetByRole(AriaRole.Button, new() { Name = "Continuer" }).ClickAndWaitForNewDocumentAsync(page);
    }
}
