using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Vigie.BrowserTests.Infrastructure;
using Vigie.Web.Data;
using Vigie.Web.Features.Administration;
using Vigie.Web.Features.Commission;
using Vigie.Web.Features.Situations;
using Vigie.Web.Platform.Crypto;
using static Microsoft.Playwright.Assertions;

namespace Vigie.BrowserTests.Journeys;

/// <summary>
/// The live session page in a browser: Coordination types the information shared on an item and
/// leaves the field; the page's script saves it by itself ("Enregistré à HH:mm"), and a presence
/// chosen in a list is saved the same way. The session is written in the store (its own pages
/// belong to another part of the commission).
/// </summary>
public sealed class CommissionLiveJourneyTests(Chromium chromium)
{
    [Fact(Timeout = 240_000)]
    public async Task Coordination_types_during_the_session_and_the_page_saves_each_block_by_itself()
    {
        await using var server = VigieServer.Start();
        await using var browser = await BrowserSession.OpenAsync(chromium.Browser, server, "commission-en-seance", TestContext.Current.CancellationToken);
        var page = browser.Page;
        await Steps.InstallAsync(browser, server);
        await Steps.GoToLoginAfterInstallAsync(browser);
        await Steps.SubmitPasswordAsync(page, Steps.Coordination.Email, Steps.Coordination.Password);
        await Steps.EnrolAsync(browser, "coordination-");
        await Expect(page.Locator("h1")).ToHaveTextAsync($"Bonjour {Steps.Coordination.Name}");

        var (session, item, invitation) = await SessionAsync(server);
        await browser.GotoAsync($"/commission/seances/{session}/en-seance", "en-seance");
        await Expect(page.Locator("h1")).ToContainTextAsync("en séance");

        var shared = page.Locator($"#shared-{item}");
        await shared.FillAsync("Hébergée chez une amie depuis deux semaines.");
        await shared.PressAsync("Tab");
        await Expect(page.Locator($"#item-{item} [data-autosave-status]")).ToContainTextAsync("Enregistré à");
        await page.Locator($"#attendance-{invitation}").SelectOptionAsync("Excuse");
        await Expect(page.Locator("#presences-section [data-autosave-status]")).ToContainTextAsync("Enregistré à");

        await browser.GotoAsync($"/commission/seances/{session}/en-seance", "en-seance-enregistre");
        await Expect(page.Locator($"#shared-{item}")).ToHaveValueAsync("Hébergée chez une amie depuis deux semaines.");
        await Expect(page.Locator($"#attendance-{invitation}")).ToHaveValueAsync("Excuse");
        await Expect(page.Locator($"#item-{item} input[name=version]")).ToHaveValueAsync("1");

        // The minutes: the draft written from the session, validated, then locked.
        await page.GetByRole(AriaRole.Link, new() { Name = "Compte rendu" }).ClickAndWaitForUrlAsync(page, url => new Uri(url).AbsolutePath.EndsWith("/compte-rendu", StringComparison.Ordinal));
        await browser.CheckPageAsync("compte-rendu-vide");
        await page.GetByRole(AriaRole.Button, new() { Name = "Générer le brouillon à partir de la séance" }).ClickAndWaitForNewDocumentAsync(page);
        await Expect(page.GetByLabel("Texte du compte rendu")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("Hébergée chez une amie depuis deux semaines"));
        await browser.CheckPageAsync("compte-rendu-brouillon");
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer et valider" }).ClickAndWaitForNewDocumentAsync(page);
        await Expect(page.Locator("#minutes-status")).ToHaveTextAsync("Validé");
        await page.GetByRole(AriaRole.Button, new() { Name = "Verrouiller et diffuser" }).ClickAndWaitForNewDocumentAsync(page);
        await Expect(page.Locator("#minutes-status")).ToHaveTextAsync("Verrouillé");
        await Expect(page.Locator("#minutes-text")).ToContainTextAsync("Maëlle, 15 ans");
        await browser.CheckPageAsync("compte-rendu-verrouille");
        await browser.AssertCleanAsync();
    }

    private static async Task<(Guid Session, Guid Item, Guid Invitation)> SessionAsync(VigieServer server)
    {
        await using var scope = server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<VigieDbContext>();
        var cipher = scope.ServiceProvider.GetRequiredService<FieldCipher>();
        var now = DateTime.UtcNow;
        var coordination = await db.Users.Where(u => u.Email == Steps.Coordination.Email).Select(u => u.Id).SingleAsync();
        var organisation = Organisation.Create("Foyer des Tilleuls", OrganisationKind.Ase, "Lyon 8e", null, null, now);
        db.Organisations.Add(organisation);
        var situation = Situation.Open(new MinorIdentity("Durand", "Maëlle", new DateOnly(now.Year - 15, 1, 10)), Sex.Fille, "Lyon 8e", organisation.Id,
            coordination, cipher, scope.ServiceProvider.GetRequiredService<BlindIndex>(), now);
        db.Situations.Add(situation);
        var session = new CommissionSession
        {
            Number = 1, Kind = SessionKind.Ordinaire, StartsAt = now.AddHours(1), Place = "Salle du conseil", CreatedAt = now, CreatedById = coordination,
            AgendaPublishedAt = now,
        };
        db.CommissionSessions.Add(session);
        var item = new AgendaItem
        {
            SessionId = session.Id, SituationId = situation.Id, Position = 1, PresenterId = coordination, CreatedAt = now, UpdatedAt = now,
            SummaryEncrypted = cipher.Encrypt("Fugues répétées.", AgendaItem.SummaryPurpose),
        };
        db.AgendaItems.Add(item);
        var invitation = new SessionInvitation
        {
            SessionId = session.Id, Role = InvitationRole.Membre, PersonName = "Jeanne Juge", Institution = "Tribunal judiciaire", InvitedAt = now,
        };
        db.SessionInvitations.Add(invitation);
        await db.SaveChangesAsync();
        return (session.Id, item.Id, invitation.Id);
    }
}
