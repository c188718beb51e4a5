using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Vigie.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Vigie.BrowserTests.Journeys;

/// <summary>
/// The commission in a browser (issue 5 §9): Coordination opens two situations, publishes the
/// confidentiality commitment, creates a session, invites a member, puts both situations on the
/// agenda and publishes it. The member sees no item until they accept the session's commitment,
/// then reads an item (first name only). Coordination records attendance, a co-accompaniment
/// decision on both items and an action in session, then generates, validates and locks the
/// minutes, which the member reads. One young person accepts the co-accompaniment and the other
/// refuses: the mobile team sees only the one who accepted, and writes a follow-up note.
/// </summary>
public sealed partial class CommissionJourneyTests(Chromium chromium)
{
    private static readonly NewOrganisation Police = new(
        "Brigade de protection des familles (fictive)", "Police", "Lyon", "bpf@police.vigie.invalid", "04 78 00 00 01");

    private static readonly NewOrganisation Amicale = new(
        "Équipe mobile de l'association (fictive)", "Association", "Lyon 7e", "equipe.mobile@asso.vigie.invalid", "04 78 00 00 02");

    private static readonly Account Member = new("Claire Dumas", "claire.dumas@police.vigie.invalid", "une lanterne rouge au bout du quai 58");

    private static readonly Account Mobile = new("Samir Haddad", "samir.haddad@asso.vigie.invalid", "le tramway passe devant la fontaine 31");

    [Fact(Timeout = 600_000)]
    public async Task Coordination_publishes_an_agenda_a_member_reads_an_item_after_the_commitment_decisions_and_minutes_are_recorded_and_the_mobile_team_sees_only_who_accepted()
    {
        var cancellation = TestContext.Current.CancellationToken;
        await using var server = VigieServer.Start();
        await using var browser = await BrowserSession.OpenAsync(chromium.Browser, server, "commission", cancellation);
        var page = browser.Page;
        var admin = Steps.Administrateur;
        var coordination = Steps.Coordination;
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris")).DateTime);

        // 1. Installation; the administrator creates a member of the commission and a mobile-team worker.
        await Steps.InstallAsync(browser, server);
        await Steps.GoToLoginAfterInstallAsync(browser);
        await Steps.SubmitPasswordAsync(page, admin.Email, admin.Password);
        await Steps.EnrolAsync(browser, "administrateur-");
        await Steps.CreateOrganisationAsync(browser, Police);
        await Steps.CreateOrganisationAsync(browser, Amicale);
        var memberAccount = await Steps.CreateAccountAsync(browser, new NewAccount(Member.Name, Member.Email, "Commandante", Police.Name, "MembreCommission"));
        var mobileAccount = await Steps.CreateAccountAsync(browser, new NewAccount(Mobile.Name, Mobile.Email, "Éducateur de rue", Amicale.Name, "EquipeMobile"));
        await Steps.LogOutAsync(browser, "connexion-apres-administrateur");

        // 2. Coordination: two situations, the commitment, a session with the member invited, both situations on its agenda.
        await Steps.SubmitPasswordAsync(page, coordination.Email, coordination.Password);
        var coordinationCodes = await Steps.EnrolAsync(browser, "coordination-");
        var lea = await OpenSituationAsync(browser, "Morel", "Léa", new DateOnly(today.Year - 15, 2, 3), "Vénissieux");
        var sarah = await OpenSituationAsync(browser, "Benali", "Sarah", new DateOnly(today.Year - 14, 9, 21), "Lyon 9e");

        await Steps.MainNavigation(page).GetByRole(AriaRole.Link, new() { Name = "Commission" })
            .ClickAndWaitForUrlAsync(page, url => new Uri(url).AbsolutePath == "/commission");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Commission");
        await browser.CheckPageAsync("commission-vide");
        await page.GetByRole(AriaRole.Link, new() { Name = "Engagement de confidentialité" })
            .ClickAndWaitForUrlAsync(page, url => new Uri(url).AbsolutePath == "/commission/engagement");
        await Expect(page.Locator("#aucune-version")).ToBeVisibleAsync();
        await browser.CheckPageAsync("engagement-aucune-version");
        // The default text proposed is the first version.
        await Expect(page.Locator("#Text")).Not.ToHaveValueAsync(string.Empty);
        await page.GetByRole(AriaRole.Button, new() { Name = "Publier cette version" }).ClickAndWaitForNewDocumentAsync(page);
        await Expect(page.Locator("#versions tbody tr")).ToHaveCountAsync(1);
        await browser.CheckPageAsync("engagement-version-1");

        await browser.GotoAsync("/commission/seances/nouvelle", "nouvelle-seance");
        await page.GetByLabel("Date", new() { Exact = true }).FillAsync(Steps.IsoDate(today.AddDays(7)));
        await page.GetByLabel("Heure de début (heure de Paris)").FillAsync("14:00");
        await page.GetByLabel("Lieu", new() { Exact = true }).FillAsync("Hôtel de la Métropole, salle 3");
        await page.GetByRole(AriaRole.Button, new() { Name = "Créer la séance" })
            .ClickAndWaitForUrlAsync(page, url => SessionPath().IsMatch(new Uri(url).AbsolutePath));
        var session = SessionPath().Match(new Uri(page.Url).AbsolutePath).Groups["id"].Value;
        await Expect(page.Locator("h1")).ToContainTextAsync("Séance n° 1");
        await page.GetByLabel("Inviter un membre de la commission").SelectOptionAsync(new SelectOptionValue { Label = $"{Member.Name} — {Police.Name}" });
        await page.Locator("form", new() { Has = page.Locator("#member") }).GetByRole(AriaRole.Button, new() { Name = "Inviter" }).ClickAndWaitForNewDocumentAsync(page);
        await Expect(page.Locator("#invitations tbody tr")).ToHaveCountAsync(1);
        await Expect(page.Locator("#invitations tbody tr td").First).ToHaveTextAsync(Member.Name);
        await browser.CheckPageAsync("seance-membre-invite");

        foreach (var situation in new[] { lea, sarah })
        {
            await browser.GotoAsync($"/situations/{situation}/commission", "situation-commission");
            await page.GetByLabel("Séance", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Index = 1 });
            await page.GetByRole(AriaRole.Button, new() { Name = "Inscrire à l'ordre du jour" }).ClickAndWaitForNewDocumentAsync(page);
            await Expect(page.Locator("#passages tbody tr")).ToHaveCountAsync(1);
        }

        await browser.CheckPageAsync("situation-inscrite");
        await browser.GotoAsync($"/commission/seances/{session}", "seance-ordre-du-jour");
        await Expect(page.Locator("#points tbody tr")).ToHaveCountAsync(2);
        var itemLinks = await page.Locator("#points tbody a").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))");
        await page.GetByRole(AriaRole.Button, new() { Name = "Publier l'ordre du jour" }).ClickAndWaitForNewDocumentAsync(page);
        await Expect(page.Locator("#publication")).ToContainTextAsync("Publié le");
        await browser.CheckPageAsync("ordre-du-jour-publie");
        await Steps.LogOutAsync(browser, "connexion-apres-coordination");

        // 3. The member: the session, but no item before the commitment; accepted, the items; one item with the first name only.
        var memberCodes = await Steps.FirstLoginAsync(browser, Member, memberAccount.TemporaryPassword, "membre-");
        await Steps.MainNavigation(page).GetByRole(AriaRole.Link, new() { Name = "Commission" })
            .ClickAndWaitForUrlAsync(page, url => new Uri(url).AbsolutePath == "/commission");
        await page.GetByRole(AriaRole.Link, new() { Name = "Séance n° 1" }).ClickAndWaitForUrlAsync(page, url => SessionPath().IsMatch(new Uri(url).AbsolutePath));
        await Expect(page.Locator("#engagement-requis")).ToBeVisibleAsync();
        await Expect(page.Locator("#points")).ToHaveCountAsync(0);
        Assert.DoesNotContain("Morel", await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        await browser.CheckPageAsync("membre-seance-avant-engagement");
        // An item's address, typed before the commitment: 404 (the scope rule is in the query).
        foreach (var link in itemLinks)
        {
            var itemResponse = await page.APIRequest.GetAsync(server.Url(link).ToString());
            Assert.Equal(404, itemResponse.Status);
        }

        await page.GetByRole(AriaRole.Link, new() { Name = "lire et accepter l'engagement" })
            .ClickAndWaitForUrlAsync(page, url => new Uri(url).AbsolutePath == $"/commission/seances/{session}/engagement");
        await Expect(page.Locator("#texte-engagement")).Not.ToBeEmptyAsync();
        await browser.CheckPageAsync("membre-engagement");
        await page.Locator("#accepter").ClickAndWaitForUrlAsync(page, url => new Uri(url).AbsolutePath == $"/commission/seances/{session}");
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Vous avez accepté l'engagement de confidentialité (version 1)");
        await Expect(page.Locator("#engagement-requis")).ToHaveCountAsync(0);
        await Expect(page.Locator("#points tbody tr")).ToHaveCountAsync(2);
        await browser.CheckPageAsync("membre-seance-apres-engagement");
        await page.Locator("#points").GetByRole(AriaRole.Link, new() { Name = "Léa" })
            .ClickAndWaitForUrlAsync(page, url => new Uri(url).AbsolutePath.StartsWith("/commission/points/", StringComparison.Ordinal));
        await Expect(page.Locator("h1")).ToHaveTextAsync(new Regex("^Point \\d : Léa$"));
        await Expect(page.Locator("#nom-complet")).ToHaveCountAsync(0);
        Assert.DoesNotContain("Morel", await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        await browser.CheckPageAsync("membre-point");
        await Steps.LogOutAsync(browser, "connexion-apres-membre");

        // 4. Coordination in session: attendance, a co-accompaniment proposed for both, an action; the minutes.
        await Steps.LoginAsync(browser, coordination, coordinationCodes);
        await browser.GotoAsync($"/commission/seances/{session}/en-seance", "en-seance");
        await page.GetByLabel($"Présence de {Member.Name}").SelectOptionAsync("Present");
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer les présences" }).ClickAndWaitForNewDocumentAsync(page);
        await Expect(page.GetByLabel($"Présence de {Member.Name}")).ToHaveValueAsync("Present");

        // Each item offers its "add" forms on demand (a link): the page stays light with 25 items.
        await Expect(page.Locator("select[name='kind']")).ToHaveCountAsync(0);
        for (var n = 0; n < 2; n++)
        {
            var item = page.Locator("section.live-item").Nth(n);
            await item.GetByRole(AriaRole.Link, new() { Name = $"Ajouter une décision ou une action au point {n + 1}" }).ClickAndWaitForNewDocumentAsync(page);
            item = page.Locator("section.live-item").Nth(n);
            await Expect(page.Locator("select[name='kind']")).ToHaveCountAsync(1);
            await item.Locator("select[name='kind']").SelectOptionAsync("CoAccompagnementPropose");
            await item.GetByRole(AriaRole.Button, new() { Name = "Enregistrer la décision" }).ClickAndWaitForNewDocumentAsync(page);
            await Expect(page.Locator("section.live-item").Nth(n)).ToContainTextAsync("Co-accompagnement par l'équipe mobile proposé");
        }

        await page.Locator("section.live-item").First.GetByRole(AriaRole.Link, new() { Name = "Ajouter une décision ou une action au point 1" })
            .ClickAndWaitForNewDocumentAsync(page);
        var first = page.Locator("section.live-item").First;
        await first.Locator("textarea[name='description']").FillAsync("Proposer un rendez-vous avec l'équipe mobile au foyer.");
        await first.Locator("select[name='organisationId']").SelectOptionAsync(new SelectOptionValue { Label = Amicale.Name });
        await first.Locator("input[name='dueOn']").FillAsync(Steps.IsoDate(today.AddDays(14)));
        await first.GetByRole(AriaRole.Button, new() { Name = "Enregistrer l'action" }).ClickAndWaitForNewDocumentAsync(page);
        await Expect(page.Locator("section.live-item").First).ToContainTextAsync("Proposer un rendez-vous avec l'équipe mobile au foyer.");
        await browser.CheckPageAsync("en-seance-decisions");

        await browser.GotoAsync($"/commission/seances/{session}/compte-rendu", "compte-rendu-vide");
        await page.GetByRole(AriaRole.Button, new() { Name = "Générer le brouillon à partir de la séance" }).ClickAndWaitForNewDocumentAsync(page);
        await Expect(page.GetByLabel("Texte du compte rendu")).ToHaveValueAsync(new Regex("Proposer un rendez-vous avec l'équipe mobile au foyer\\."));
        await browser.CheckPageAsync("compte-rendu-brouillon");
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer et valider" }).ClickAndWaitForNewDocumentAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Verrouiller et diffuser" }).ClickAndWaitForNewDocumentAsync(page);
        await Expect(page.GetByLabel("Texte du compte rendu")).ToHaveCountAsync(0);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Ajouter un rectificatif" })).ToBeVisibleAsync();
        await browser.CheckPageAsync("compte-rendu-verrouille");

        // 5. The young people's answers: Léa accepts, Sarah refuses.
        await Steps.MainNavigation(page).GetByRole(AriaRole.Link, new() { Name = "Co-accompagnements" })
            .ClickAndWaitForUrlAsync(page, url => new Uri(url).AbsolutePath == "/accompagnements");
        await Expect(page.Locator("#pending tbody tr")).ToHaveCountAsync(2);
        await browser.CheckPageAsync("coordination-propositions");
        await RecordAnswerAsync(browser, "Léa", accepted: true, today);
        await RecordAnswerAsync(browser, "Sarah", accepted: false, today);
        await Expect(page.Locator("#active tbody tr")).ToHaveCountAsync(1);
        await Steps.LogOutAsync(browser, "connexion-apres-coordination-2");

        // 6. The member reads the locked minutes.
        await Steps.LoginAsync(browser, Member, memberCodes);
        await browser.GotoAsync($"/commission/seances/{session}/compte-rendu", "membre-compte-rendu");
        await Expect(page.Locator("main")).ToContainTextAsync("Proposer un rendez-vous avec l'équipe mobile au foyer.");
        await Steps.LogOutAsync(browser, "connexion-apres-membre-2");

        // 7. The mobile team: Léa in its active file with her full name; Sarah nowhere; a follow-up note.
        await Steps.FirstLoginAsync(browser, Mobile, mobileAccount.TemporaryPassword, "equipe-mobile-");
        await Steps.MainNavigation(page).GetByRole(AriaRole.Link, new() { Name = "Co-accompagnements" })
            .ClickAndWaitForUrlAsync(page, url => new Uri(url).AbsolutePath == "/accompagnements");
        await Expect(page.Locator("#active tbody tr")).ToHaveCountAsync(1);
        await Expect(page.Locator("#active tbody tr td").First).ToHaveTextAsync("Léa Morel");
        await Expect(page.Locator("#pending")).ToHaveCountAsync(0);
        var text = await page.Locator("main").InnerTextAsync();
        Assert.DoesNotContain("Sarah", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Benali", text, StringComparison.Ordinal);
        await Expect(page.Locator("#active-count")).ToContainTextAsync("File active : 1 jeune(s)");
        await browser.CheckPageAsync("equipe-mobile-file-active");
        await page.Locator("#active").GetByRole(AriaRole.Link).ClickAndWaitForUrlAsync(page, url => new Uri(url).AbsolutePath.StartsWith("/accompagnements/", StringComparison.Ordinal));
        await Expect(page.Locator("#minor")).ToContainTextAsync("Léa Morel");
        await page.GetByLabel("Nouvelle note de suivi").FillAsync("Premier contact au foyer : rendez-vous pris pour mardi.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Ajouter la note" }).ClickAndWaitForNewDocumentAsync(page);
        await Expect(page.Locator("#note-list li")).ToHaveCountAsync(1);
        await Expect(page.Locator("#note-list")).ToContainTextAsync("Premier contact au foyer : rendez-vous pris pour mardi.");
        await browser.CheckPageAsync("equipe-mobile-note");

        // The commission's pages of the situation that is not theirs stay closed to the mobile team.
        var denied = await page.APIRequest.GetAsync(server.Url($"/situations/{sarah}").ToString());
        Assert.Equal(403, denied.Status);

        await browser.AssertCleanAsync();
    }

    private static async Task<string> OpenSituationAsync(BrowserSession browser, string lastName, string firstName, DateOnly birthDate, string territory)
    {
        var page = browser.Page;
        await browser.GotoAsync("/situations/nouvelle", "nouvelle-situation");
        await page.GetByLabel("Nom", new() { Exact = true }).FillAsync(lastName);
        await page.GetByLabel("Prénom(s)", new() { Exact = true }).FillAsync(firstName);
        await page.GetByLabel("Date de naissance", new() { Exact = true }).FillAsync(Steps.IsoDate(birthDate));
        await page.GetByLabel("Sexe", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Fille" });
        await page.GetByLabel("Territoire (commune ou arrondissement)", new() { Exact = true }).FillAsync(territory);
        await page.GetByRole(AriaRole.Button, new() { Name = "Ouvrir la situation" }).ClickAndWaitForUrlAsync(page, Steps.SituationPath());
        await Expect(page.Locator("h1")).ToHaveTextAsync($"{firstName} {lastName}");
        return Steps.SituationIdIn(page.Url);
    }

    /// <summary>Coordination, on the co-accompaniments page, records a young person's answer to the proposal.</summary>
    private static async Task RecordAnswerAsync(BrowserSession browser, string firstName, bool accepted, DateOnly today)
    {
        var page = browser.Page;
        await page.Locator("#pending").GetByRole(AriaRole.Link, new() { Name = $"Enregistrer la réponse de {firstName}" })
            .ClickAndWaitForUrlAsync(page, url => new Uri(url).AbsolutePath.StartsWith("/accompagnements/", StringComparison.Ordinal));
        await page.GetByLabel(accepted ? "accepté le co-accompagnement" : "refusé le co-accompagnement").CheckAsync();
        await page.GetByLabel("Jour de la réponse").FillAsync(Steps.IsoDate(today));
        await page.GetByLabel("Réponse recueillie par").FillAsync("Nadia Roux, éducatrice référente");
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer la réponse" }).ClickAndWaitForNewDocumentAsync(page);
        await Expect(page.Locator("#accompaniment-status")).ToHaveTextAsync(accepted ? "Accepté, en cours" : "Refusé par le jeune");
        await browser.CheckPageAsync(accepted ? "reponse-acceptee" : "reponse-refusee");
        await browser.GotoAsync("/accompagnements", "coordination-accompagnements");
    }

    [GeneratedRegex("^/commission/seances/(?<id>[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$")]
    private static partial Regex SessionPath();
}
