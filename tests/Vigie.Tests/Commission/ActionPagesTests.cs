using System.Net;
using Microsoft.EntityFrameworkCore;
using Vigie.Tests.Infrastructure;
using Vigie.Tests.Situations;
using Vigie.Web.Features.Commission;
using Vigie.Web.Features.Compte;
using Vigie.Web.Platform.Audit;

namespace Vigie.Tests.Commission;

public sealed class ActionPagesTests(VigieFactory factory) : IClassFixture<VigieFactory>
{
    private DateOnly Today => ActionFixtures.ParisToday(factory);

    private DateTime Now => factory.Clock.GetUtcNow().UtcDateTime;

    [Fact]
    public async Task My_actions_lists_mine_open_first_by_due_date_late_in_words_then_closed_and_my_organisations_unowned_apart()
    {
        var org = await factory.CreateOrganisationAsync();
        var otherOrg = await factory.CreateOrganisationAsync();
        var me = await factory.CreateUserAsync(Roles.Professionnel, organisationId: org);
        var colleague = await factory.CreateUserAsync(Roles.Professionnel, organisationId: org);
        var inaya = await SituationFixtures.OpenAsync(factory, org, "Mercier", "Inaya", Today.AddYears(-15).AddDays(-10));
        var yasmine = await SituationFixtures.OpenAsync(factory, otherOrg, "Hamel", "Yasmine", Today.AddYears(-14).AddDays(-3));
        var session = await ActionFixtures.SessionAsync(factory, Now.AddDays(-20));
        var sessionNumber = await factory.WithDbAsync(db => db.CommissionSessions.Where(s => s.Id == session).Select(s => s.Number).SingleAsync());
        var itemInaya = await ActionFixtures.ItemAsync(factory, session, inaya);
        var itemYasmine = await ActionFixtures.ItemAsync(factory, session, yasmine);

        var soon = await ActionFixtures.ActionAsync(factory, session, itemInaya, inaya, org, me.Id, Today.AddDays(4));
        var late = await ActionFixtures.ActionAsync(factory, session, itemYasmine, yasmine, org, me.Id, Today.AddDays(-3));
        var done = await ActionFixtures.ActionAsync(factory, session, itemInaya, inaya, org, me.Id, Today.AddDays(-10), status: ActionStatus.Faite, closedAt: Now.AddDays(-11));
        await ActionFixtures.ActionAsync(factory, session, itemInaya, inaya, org, colleague.Id, Today.AddDays(1)); // the colleague's
        var unowned = await ActionFixtures.ActionAsync(factory, session, itemInaya, inaya, org, null, Today.AddDays(2));
        await ActionFixtures.ActionAsync(factory, session, itemYasmine, yasmine, otherOrg, null, Today.AddDays(2)); // another organisation's

        var client = await factory.LoginAsync(me);
        var page = await Pages.GetDocumentAsync(client, "/actions");

        var rows = page.QuerySelectorAll("#my-actions tbody tr").ToList();
        Assert.Equal(3, rows.Count);
        Assert.Contains("En retard de 3 jours", rows[0].TextContent, StringComparison.Ordinal);
        Assert.Contains($"Situation présentée en séance n° {sessionNumber}", rows[0].TextContent, StringComparison.Ordinal); // not in my scope
        Assert.DoesNotContain("Yasmine", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal($"/actions/{late}", rows[0].QuerySelector("a")!.GetAttribute("href"));
        Assert.Contains("Inaya, 15 ans", rows[1].TextContent, StringComparison.Ordinal);
        Assert.Contains("En cours", rows[1].TextContent, StringComparison.Ordinal);
        Assert.Equal($"/actions/{soon}", rows[1].QuerySelector("a")!.GetAttribute("href"));
        Assert.Contains("Faite", rows[2].TextContent, StringComparison.Ordinal);
        Assert.Equal($"/actions/{done}", rows[2].QuerySelector("a")!.GetAttribute("href"));
        Assert.DoesNotContain("Mercier", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains("2 action(s) en cours, dont 1 en retard", page.Text("#action-count"), StringComparison.Ordinal);
        Assert.Equal("step--overdue", rows[0].ClassName);

        var organisation = page.QuerySelectorAll("#organisation-actions tbody tr").ToList();
        Assert.Equal($"/actions/{unowned}", Assert.Single(organisation).QuerySelector("a")!.GetAttribute("href"));
        Assert.NotNull(page.QuerySelector(".main-nav a[href='/actions']"));
        var home = await Pages.GetDocumentAsync(client, "/");
        Assert.Contains("2 action(s) de la commission en cours", home.Text("#tile-actions"), StringComparison.Ordinal);
        Assert.Contains("dont 1 en retard", home.Text("#tile-actions"), StringComparison.Ordinal);
        Assert.Equal(1, await factory.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.RecordType == AuditRecordType.MyActions && e.ActorId == me.Id && e.Action == AuditAction.Read)));

        // The unowned action of my organisation opens; the colleague's does not (404).
        await Pages.GetDocumentAsync(client, $"/actions/{unowned}");
        var colleagues = await factory.WithDbAsync(db => db.CommissionActions.Where(a => a.OwnerId == colleague.Id).Select(a => a.Id).SingleAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/actions/{colleagues}")).StatusCode);
    }

    [Fact]
    public async Task The_owner_closes_an_action_with_an_encrypted_note_Coordination_reopens_it_and_a_stale_form_is_refused_keeping_the_text()
    {
        var org = await factory.CreateOrganisationAsync();
        var owner = await factory.CreateUserAsync(Roles.Professionnel, organisationId: org);
        var coordination = await factory.CreateUserAsync(Roles.Coordination);
        var situation = await SituationFixtures.OpenAsync(factory, org, "Dupont", "Zoé", new DateOnly(2010, 5, 6));
        var session = await ActionFixtures.SessionAsync(factory, Now.AddDays(-5));
        var item = await ActionFixtures.ItemAsync(factory, session, situation);
        var action = await ActionFixtures.ActionAsync(factory, session, item, situation, org, owner.Id, Today.AddDays(5), description: "Orienter vers la maison des adolescents");

        var client = await factory.LoginAsync(owner);
        var page = await Pages.GetDocumentAsync(client, $"/actions/{action}");
        Assert.Equal("Orienter vers la maison des adolescents", page.Text("#action-description"));

        // Bad input: no outcome, a note too long: messages beside the fields, the text kept.
        var longNote = new string('x', 2001);
        var response = await Pages.PostFormAsync(client, $"/actions/{action}", new() { ["Input.Note"] = longNote, ["Input.Version"] = "0" }, "Close");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var form = await Pages.ParseAsync(response);
        Assert.Contains("Choisissez comment l'action se termine", form.Text("#Input_Outcome-error"), StringComparison.Ordinal);
        Assert.Contains("2000 au plus", form.Text("#Input_Note-error"), StringComparison.Ordinal);
        Assert.Equal(longNote, form.QuerySelector("#Input_Note")!.TextContent);

        response = await Pages.PostFormAsync(client, $"/actions/{action}",
            new() { ["Input.Outcome"] = "Faite", ["Input.Note"] = "Rendez-vous pris le 12", ["Input.Version"] = "0" }, "Close");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var stored = await ActionFixtures.ReadActionAsync(factory, action);
        Assert.Equal(ActionStatus.Faite, stored.Status);
        Assert.Equal(owner.Id, stored.ClosedById);
        Assert.Equal(1, stored.Version);
        Assert.DoesNotContain("Rendez-vous", stored.ClosingNoteEncrypted!, StringComparison.Ordinal);
        page = await Pages.GetDocumentAsync(client, $"/actions/{action}");
        Assert.Equal("Rendez-vous pris le 12", page.Text("#action-closing-note"));
        Assert.Null(page.QuerySelector("form[action*='handler=Reopen']")); // only Coordination reopens

        // A second closing from the stale form: refused, who changed it said, what was typed kept.
        response = await Pages.PostFormAsync(client, $"/actions/{action}",
            new() { ["Input.Outcome"] = "NonFaite", ["Input.Note"] = "Autre note", ["Input.Version"] = "0" }, "Close");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        form = await Pages.ParseAsync(response);
        Assert.Contains("déjà close", form.Text("#form-errors"), StringComparison.Ordinal);
        Assert.Equal(ActionStatus.Faite, (await ActionFixtures.ReadActionAsync(factory, action)).Status);

        // The owner may not reopen; Coordination does; a stale reopen is a conflict naming who closed it.
        var token = await Pages.TokenAsync(client, $"/actions/{action}");
        Assert.Equal(HttpStatusCode.Forbidden, (await Pages.PostAsync(client, $"/actions/{action}", new() { ["Input.Version"] = "1" }, token, "Reopen")).StatusCode);
        var coord = await factory.LoginAsync(coordination);
        response = await Pages.PostFormAsync(coord, $"/actions/{action}", new() { ["Input.Version"] = "0" }, "Reopen");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("modifiée par Testeur Professionnel", (await Pages.ParseAsync(response)).Text("#form-errors"), StringComparison.Ordinal);
        response = await Pages.PostFormAsync(coord, $"/actions/{action}", new() { ["Input.Version"] = "1" }, "Reopen");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        stored = await ActionFixtures.ReadActionAsync(factory, action);
        Assert.Equal(ActionStatus.Ouverte, stored.Status);
        Assert.Null(stored.ClosedAt);
        Assert.Equal(2, stored.Version);

        // Out of scope: another professional gets 404, on the page and the form.
        var stranger = await factory.LoginAsync(Roles.Professionnel);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/actions/{action}")).StatusCode);
        var strangerToken = await Pages.TokenAsync(stranger, "/compte/mot-de-passe");
        Assert.Equal(HttpStatusCode.NotFound, (await Pages.PostAsync(stranger, $"/actions/{action}",
            new() { ["Input.Outcome"] = "Faite", ["Input.Version"] = "2" }, strangerToken, "Close")).StatusCode);
        Assert.True(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.RecordType == AuditRecordType.CommissionAction
            && e.RecordId == $"{action}#cloture" && e.ActorId == owner.Id)));
    }

    [Fact]
    public async Task Coordination_sees_overdue_actions_grouped_by_organisation_and_filters_the_list()
    {
        var coordination = await factory.CreateUserAsync(Roles.Coordination);
        var ase = await factory.CreateOrganisationAsync("ASE Groupement Nord");
        var pjj = await factory.CreateOrganisationAsync("PJJ Groupement Nord");
        var situation = await SituationFixtures.OpenAsync(factory, ase, "Caron", "Manon", new DateOnly(2010, 9, 9));
        var session = await ActionFixtures.SessionAsync(factory, Now.AddDays(-40));
        var item = await ActionFixtures.ItemAsync(factory, session, situation);
        await ActionFixtures.ActionAsync(factory, session, item, situation, ase, null, Today.AddDays(-12));
        await ActionFixtures.ActionAsync(factory, session, item, situation, ase, null, Today.AddDays(-2));
        await ActionFixtures.ActionAsync(factory, session, item, situation, ase, null, Today.AddDays(3));
        await ActionFixtures.ActionAsync(factory, session, item, situation, pjj, null, Today.AddDays(-5));
        await ActionFixtures.ActionAsync(factory, session, item, situation, pjj, null, Today.AddDays(-30), status: ActionStatus.NonFaite, closedAt: Now.AddDays(-1));

        var client = await factory.LoginAsync(coordination);
        var page = await Pages.GetDocumentAsync(client, "/commission/actions");
        var groups = page.QuerySelectorAll("#overdue-by-organisation tbody tr").Select(r => r.TextContent).ToList();
        var aseRow = Assert.Single(groups, g => g.Contains("ASE Groupement Nord", StringComparison.Ordinal));
        Assert.Contains(Today.AddDays(-12).ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture), aseRow, StringComparison.Ordinal);
        Assert.Contains("en retard de 12 jours", aseRow, StringComparison.Ordinal);
        Assert.Matches(@"ASE Groupement Nord\s*2\s", aseRow);
        Assert.Matches(@"PJJ Groupement Nord\s*1\s", Assert.Single(groups, g => g.Contains("PJJ", StringComparison.Ordinal)));

        var filtered = await Pages.GetDocumentAsync(client, $"/commission/actions?organisation={ase}&statut=en-retard");
        Assert.Equal(2, filtered.QuerySelectorAll("#actions tbody tr").Length);
        Assert.Contains("Manon, ", filtered.Text("#actions tbody tr"), StringComparison.Ordinal);
        filtered = await Pages.GetDocumentAsync(client, $"/commission/actions?organisation={pjj}&statut=non-faites");
        Assert.Contains("Non faite", Assert.Single(filtered.QuerySelectorAll("#actions tbody tr")).TextContent, StringComparison.Ordinal);
        filtered = await Pages.GetDocumentAsync(client, $"/commission/actions?organisation={ase}");
        Assert.Equal(3, filtered.QuerySelectorAll("#actions tbody tr").Length); // open by default
        Assert.True(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.RecordType == AuditRecordType.CommissionFigures && e.ActorId == coordination.Id)));
    }
}
