using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Vigie.Tests.Infrastructure;
using Vigie.Web.Features.Commission;
using Vigie.Web.Features.Commission.Live;
using Vigie.Web.Features.Compte;
using Vigie.Web.Features.Notifications;
using Vigie.Web.Platform.Audit;
using Vigie.Web.Platform.Crypto;
using Vigie.Web.Platform.Web;

namespace Vigie.Tests.Commission;

public sealed class LiveSessionTests(VigieFactory factory) : IClassFixture<VigieFactory>
{
    private async Task<(TestUser Coordination, HttpClient Client, LiveFixtures.SessionSetUp Set, string Url)> SetUpAsync(int items = 2)
    {
        var coordination = await factory.CreateUserAsync(Roles.Coordination);
        var client = await factory.LoginAsync(coordination);
        var set = await LiveFixtures.SessionAsync(factory, coordination.Id, items);
        return (coordination, client, set, $"/commission/seances/{set.Session}/en-seance");
    }

    private static Task<HttpResponseMessage> AutosaveAsync(HttpClient client, string url, string handler, Dictionary<string, string> fields, string token)
    {
        var all = new List<KeyValuePair<string, string>>(fields) { new("__RequestVerificationToken", token) };
        var request = new HttpRequestMessage(HttpMethod.Post, $"{url}?handler={handler}") { Content = new FormUrlEncodedContent(all) };
        request.Headers.Add(LiveModel.AutosaveHeader, "1");
        return client.SendAsync(request);
    }

    private int Age => Vigie.Web.Features.Situations.AgeBands.YearsOld(new DateOnly(2011, 3, 1), DateOnly.FromDateTime(ParisTime.ToLocal(factory.Clock.GetUtcNow().UtcDateTime)));

    [Fact]
    public async Task Each_item_offers_its_add_forms_on_demand_and_keeps_them_open_after_an_addition()
    {
        var (_, client, set, url) = await SetUpAsync(items: 3);

        // By default no item renders its forms: one link per item.
        var page = await Pages.GetDocumentAsync(client, url);
        Assert.Empty(page.QuerySelectorAll("select[name='kind']"));
        Assert.Empty(page.QuerySelectorAll("textarea[name='description']"));
        var links = page.QuerySelectorAll("section.live-item a[href^='?ajout=']").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(["?ajout=1#ajout-1", "?ajout=2#ajout-2", "?ajout=3#ajout-3"], links);

        // The second item's forms, and only them; its link is gone.
        page = await Pages.GetDocumentAsync(client, url + "?ajout=2");
        Assert.NotNull(page.QuerySelector($"#kind-{set.Items[1]}"));
        Assert.NotNull(page.QuerySelector($"#description-{set.Items[1]}"));
        Assert.Single(page.QuerySelectorAll("select[name='kind']"));
        Assert.Equal(["?ajout=1#ajout-1", "?ajout=3#ajout-3"],
            page.QuerySelectorAll("section.live-item a[href^='?ajout=']").Select(a => a.GetAttribute("href")).ToList());

        // A decision recorded on the third item: back to its open forms, to add another.
        var response = await Pages.PostFormAsync(client, url, new() { ["itemId"] = set.Items[2].ToString(), ["kind"] = "Orientation" }, "Decision");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"{url}?ajout=3#ajout-3", response.Headers.Location!.OriginalString);

        // Nonsense in the query shows no forms and no error.
        foreach (var nonsense in new[] { "99", "abc", "-1", "2%3Cscript%3E" })
        {
            page = await Pages.GetDocumentAsync(client, url + "?ajout=" + nonsense);
            Assert.Empty(page.QuerySelectorAll("select[name='kind']"));
            Assert.Null(page.QuerySelector("#form-errors"));
        }
    }

    [Fact]
    public async Task The_page_lists_the_items_in_order_and_the_attendance_by_institution_and_is_audited()
    {
        var (coordination, client, set, url) = await SetUpAsync();
        var member = await factory.CreateUserAsync(Roles.MembreCommission);
        await LiveFixtures.InviteAsync(factory, set.Session, member.Id, InvitationRole.Membre, "Marie Membre", "Conseil départemental");
        await LiveFixtures.InviteAsync(factory, set.Session, null, InvitationRole.Membre, "Paul Police", "Police nationale");
        await LiveFixtures.InviteAsync(factory, set.Session, null, InvitationRole.Membre, "Anne Agent", "Police nationale");

        var page = await Pages.GetDocumentAsync(client, url);
        Assert.Contains("en séance", page.Text("h1"), StringComparison.Ordinal);
        var skip = page.QuerySelectorAll("nav#points a").Select(a => (a.GetAttribute("href"), a.TextContent.Trim())).ToList();
        Assert.Equal(("#presences", "Présences"), skip[0]);
        Assert.Equal(("#point-1", $"1. Prénom1, {Age} ans (urgent)"), skip[1]);
        Assert.Equal(("#point-2", $"2. Prénom2, {Age} ans"), skip[2]);
        Assert.Contains("Urgent", page.Text("#point-1"), StringComparison.Ordinal);
        Assert.Contains("Résumé du point 1", page.Text($"#item-{set.Items[0]}"), StringComparison.Ordinal);
        Assert.DoesNotContain("Nom1", page.Text($"#item-{set.Items[0]}"), StringComparison.Ordinal);
        var institutions = page.QuerySelectorAll("#presences-section h3").Select(h => h.TextContent.Trim()).ToList();
        Assert.Equal(2, institutions.Count);
        Assert.StartsWith("Conseil départemental", institutions[0], StringComparison.Ordinal);
        Assert.Contains("0 présent(s)", institutions[1], StringComparison.Ordinal);
        Assert.Contains("2 non renseigné(s)", institutions[1], StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("script[src^='/js/commission-live.js']"));
        Assert.Empty(page.QuerySelectorAll("script:not([src])"));

        // Attendance, without the script (the block's button).
        var invitations = await factory.WithDbAsync(db => db.SessionInvitations.Where(i => i.SessionId == set.Session).ToListAsync());
        var paul = invitations.Single(i => i.PersonName == "Paul Police");
        var anne = invitations.Single(i => i.PersonName == "Anne Agent");
        var response = await Pages.PostFormAsync(client, url, new() { [$"attendance[{paul.Id}]"] = "Present", [$"attendance[{anne.Id}]"] = "Excuse" }, "Attendance");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        page = await Pages.GetDocumentAsync(client, url);
        Assert.Contains("1 présent(s), 1 excusé(s), 0 absent(s)", page.QuerySelectorAll("#presences-section h3")[1].TextContent, StringComparison.Ordinal);
        Assert.Equal("Present", page.QuerySelector($"#attendance-{paul.Id} option[selected]")!.GetAttribute("value"));

        var bad = await Pages.PostFormAsync(client, url, new() { [$"attendance[{paul.Id}]"] = "Peut-être" }, "Attendance");
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        Assert.Equal("Choisissez la présence de Paul Police dans la liste.", (await Pages.ParseAsync(bad)).Text($"#attendance-{paul.Id}-error"));

        var reads = await factory.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.RecordType == AuditRecordType.CommissionLive
            && e.RecordId == set.Session.ToString() && e.ActorId == coordination.Id));
        Assert.True(reads >= 2, $"lectures auditées : {reads}");
    }

    [Fact]
    public async Task An_item_is_saved_encrypted_by_the_form_or_the_autosave_and_a_conflict_keeps_the_typed_text()
    {
        var (coordination, client, set, url) = await SetUpAsync();
        var item = set.Items[0];
        var review = DateOnly.FromDateTime(ParisTime.ToLocal(factory.Clock.GetUtcNow().UtcDateTime)).AddDays(60).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var response = await Pages.PostFormAsync(client, url, new()
        {
            ["itemId"] = item.ToString(), ["version"] = "0", ["shared"] = "Fugues répétées depuis mars.", ["advice"] = "Orientation vers la PJJ.", ["reviewOn"] = review,
        }, "Item");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.EndsWith("#point-1", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
        var stored = await factory.WithDbAsync(db => db.AgendaItems.AsNoTracking().SingleAsync(i => i.Id == item));
        Assert.Equal(1, stored.Version);
        Assert.DoesNotContain("Fugues", stored.SharedInformationEncrypted!, StringComparison.Ordinal);
        var cipher = factory.Services.GetRequiredService<FieldCipher>();
        Assert.Equal("Orientation vers la PJJ.", cipher.Decrypt(stored.AdviceEncrypted!, AgendaItem.AdvicePurpose));
        Assert.Equal(coordination.Id, stored.UpdatedById);

        // The script's post: JSON back, the new version to send next time.
        var token = await Pages.TokenAsync(client, url);
        var saved = await AutosaveAsync(client, url, "Item", new()
        {
            ["itemId"] = item.ToString(), ["version"] = "1", ["shared"] = "Fugues répétées depuis mars, hébergée chez un tiers.", ["advice"] = "Orientation vers la PJJ.", ["reviewOn"] = review,
        }, token);
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var json = JsonDocument.Parse(await saved.Content.ReadAsStringAsync()).RootElement;
        Assert.True(json.GetProperty("ok").GetBoolean());
        Assert.Equal(2, json.GetProperty("version").GetInt32());
        Assert.Matches(@"^\d{2}:\d{2}$", json.GetProperty("savedAt").GetString()!);

        // Someone else saved meanwhile (version 2 now): an old form is refused, its text kept.
        var other = await factory.CreateUserAsync(Roles.Coordination);
        await factory.WithDbAsync(async db =>
        {
            var row = await db.AgendaItems.SingleAsync(i => i.Id == item);
            row.UpdatedById = other.Id;
            await db.SaveChangesAsync();
        });
        var otherName = await factory.WithDbAsync(db => db.Users.Where(u => u.Id == other.Id).Select(u => u.DisplayName).SingleAsync());
        var conflict = await Pages.PostFormAsync(client, url, new()
        {
            ["itemId"] = item.ToString(), ["version"] = "1", ["shared"] = "Mon texte tapé pendant ce temps", ["advice"] = "", ["reviewOn"] = "",
        }, "Item");
        Assert.Equal(HttpStatusCode.OK, conflict.StatusCode);
        var page = await Pages.ParseAsync(conflict);
        Assert.Contains($"modifié par {otherName} entre-temps", page.Text($"#item-{item}-error"), StringComparison.Ordinal);
        Assert.Equal("Mon texte tapé pendant ce temps", page.QuerySelector($"#shared-{item}")!.TextContent);
        Assert.Equal("2", page.QuerySelector($"#item-{item} input[name=version]")!.GetAttribute("value"));

        var autosaveConflict = await AutosaveAsync(client, url, "Item", new() { ["itemId"] = item.ToString(), ["version"] = "1", ["shared"] = "x" }, token);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, autosaveConflict.StatusCode);
        json = JsonDocument.Parse(await autosaveConflict.Content.ReadAsStringAsync()).RootElement;
        Assert.False(json.GetProperty("ok").GetBoolean());
        Assert.Contains("entre-temps", json.GetProperty("errors").GetProperty($"item-{item}").GetString(), StringComparison.Ordinal);
        Assert.Equal(2, json.GetProperty("version").GetInt32());
        Assert.Equal("Fugues répétées depuis mars, hébergée chez un tiers.",
            cipher.Decrypt((await factory.WithDbAsync(db => db.AgendaItems.AsNoTracking().SingleAsync(i => i.Id == item))).SharedInformationEncrypted!, AgendaItem.SharedPurpose));

        // Bad input: a French message beside the field, the text kept.
        var invalid = await Pages.ParseAsync(await Pages.PostFormAsync(client, url, new()
        {
            ["itemId"] = item.ToString(), ["version"] = "2", ["shared"] = new string('a', LiveModel.TextMaxLength + 1), ["advice"] = "Avis", ["reviewOn"] = "32/13/2030",
        }, "Item"));
        Assert.Contains("au plus", invalid.Text($"#shared-{item}-error"), StringComparison.Ordinal);
        Assert.Equal("La date « 32/13/2030 » n'est pas valide : indiquez le jour (jj/mm/aaaa).", invalid.Text($"#review-{item}-error"));
        Assert.Equal("32/13/2030", invalid.QuerySelector($"#review-{item}")!.GetAttribute("value"));
        Assert.Equal("true", invalid.QuerySelector($"#review-{item}")!.GetAttribute("aria-invalid"));
    }

    [Fact]
    public async Task Decisions_go_through_the_common_rule_and_a_co_accompaniment_proposal_notifies_the_mobile_team()
    {
        var (_, client, set, url) = await SetUpAsync();
        var mobile = await factory.CreateUserAsync(Roles.EquipeMobile);
        var item = set.Items[1];

        var missingDate = await Pages.ParseAsync(await Pages.PostFormAsync(client, url, new() { ["itemId"] = item.ToString(), ["kind"] = "RepresentationLe", ["detail"] = "Point d'étape" }, "Decision"));
        Assert.Equal("Indiquez la date à laquelle représenter la situation.", missingDate.Text($"#represent-{item}-error"));
        Assert.Equal("Point d'étape", missingDate.QuerySelector($"#detail-{item}")!.TextContent);
        Assert.Equal("RepresentationLe", missingDate.QuerySelector($"#kind-{item} option[selected]")!.GetAttribute("value"));
        var unknown = await Pages.ParseAsync(await Pages.PostFormAsync(client, url, new() { ["itemId"] = item.ToString(), ["kind"] = "3" }, "Decision"));
        Assert.Contains("Cette décision n'existe pas", unknown.Text($"#kind-{item}-error"), StringComparison.Ordinal);

        var response = await Pages.PostFormAsync(client, url, new() { ["itemId"] = item.ToString(), ["kind"] = "CoAccompagnementPropose", ["detail"] = "Avec l'accord de la famille" }, "Decision");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var (decision, accompaniment, notified) = await factory.WithDbAsync(async db => (
            await db.CommissionDecisions.AsNoTracking().SingleAsync(d => d.AgendaItemId == item),
            await db.Accompaniments.AsNoTracking().SingleAsync(a => a.SituationId == set.Situations[1]),
            await db.Notifications.CountAsync(n => n.UserId == mobile.Id && n.Kind == NotificationKind.AccompanimentProposed)));
        Assert.Equal(DecisionKind.CoAccompagnementPropose, decision.Kind);
        Assert.Equal(decision.Id, accompaniment.DecisionId);
        Assert.Equal(AccompanimentStatus.Proposee, accompaniment.Status);
        Assert.Equal(1, notified);
        var page = await Pages.GetDocumentAsync(client, url);
        Assert.Contains("Co-accompagnement par l'équipe mobile proposé : Avec l'accord de la famille", page.Text($"#decision-{decision.Id}"), StringComparison.Ordinal);

        // Removed as recorded by mistake: the proposal nobody answered goes with it.
        response = await Pages.PostFormAsync(client, url, new() { ["decisionId"] = decision.Id.ToString() }, "RemoveDecision");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal((0, 0), await factory.WithDbAsync(async db => (
            await db.CommissionDecisions.CountAsync(d => d.AgendaItemId == item),
            await db.Accompaniments.CountAsync(a => a.SituationId == set.Situations[1]))));

        var later = DateOnly.FromDateTime(ParisTime.ToLocal(factory.Clock.GetUtcNow().UtcDateTime)).AddDays(90);
        response = await Pages.PostFormAsync(client, url, new() { ["itemId"] = item.ToString(), ["kind"] = "RepresentationLe", ["representOn"] = later.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) }, "Decision");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(later, await factory.WithDbAsync(db => db.CommissionDecisions.Where(d => d.AgendaItemId == item).Select(d => d.RepresentOn).SingleAsync()));
    }

    [Fact]
    public async Task An_action_needs_a_description_an_organisation_and_a_due_date_and_its_owner_is_notified()
    {
        var (_, client, set, url) = await SetUpAsync();
        var org = await factory.CreateOrganisationAsync("Service éducatif de test");
        var owner = await factory.CreateUserAsync(Roles.Professionnel, organisationId: org);
        await LiveFixtures.InviteAsync(factory, set.Session, owner.Id, InvitationRole.Presentateur, "Pro Présentateur", "ASE");
        var stranger = await factory.CreateUserAsync(Roles.Professionnel);
        var item = set.Items[0];

        var empty = await Pages.ParseAsync(await Pages.PostFormAsync(client, url, new() { ["itemId"] = item.ToString(), ["description"] = " ", ["ownerId"] = "", ["organisationId"] = "", ["dueOn"] = "" }, "Action"));
        Assert.Equal("Décrivez l'action.", empty.Text($"#description-{item}-error"));
        Assert.Equal("Choisissez l'organisation responsable de l'action.", empty.Text($"#organisation-{item}-error"));
        Assert.Equal("Indiquez l'échéance de l'action.", empty.Text($"#due-{item}-error"));

        var notInvited = await Pages.ParseAsync(await Pages.PostFormAsync(client, url, new() { ["itemId"] = item.ToString(), ["description"] = "Rencontrer la famille", ["ownerId"] = stranger.Id, ["organisationId"] = org.ToString(), ["dueOn"] = "01/01/2020" }, "Action"));
        Assert.Contains("parmi les personnes invitées", notInvited.Text($"#owner-{item}-error"), StringComparison.Ordinal);
        Assert.Equal("L'échéance ne peut pas précéder la séance.", notInvited.Text($"#due-{item}-error"));
        Assert.Equal("Rencontrer la famille", notInvited.QuerySelector($"#description-{item}")!.TextContent);

        var due = DateOnly.FromDateTime(ParisTime.ToLocal(factory.Clock.GetUtcNow().UtcDateTime)).AddDays(30);
        var response = await Pages.PostFormAsync(client, url, new() { ["itemId"] = item.ToString(), ["description"] = "Rencontrer la famille", ["ownerId"] = owner.Id, ["organisationId"] = "", ["dueOn"] = due.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture) }, "Action");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var action = await factory.WithDbAsync(db => db.CommissionActions.AsNoTracking().SingleAsync(a => a.AgendaItemId == item));
        Assert.Equal(org, action.OwnerOrganisationId); // the owner's, when none was chosen
        Assert.Equal(set.Situations[0], action.SituationId);
        Assert.Equal(due, action.DueOn);
        Assert.DoesNotContain("famille", action.DescriptionEncrypted, StringComparison.Ordinal);
        Assert.Equal(1, await factory.WithDbAsync(db => db.Notifications.CountAsync(n => n.UserId == owner.Id && n.Kind == NotificationKind.ActionAssigned)));
        var page = await Pages.GetDocumentAsync(client, url);
        var row = page.QuerySelector($"#action-{action.Id}")!.TextContent;
        Assert.Contains("Rencontrer la famille", row, StringComparison.Ordinal);
        Assert.Contains("Service éducatif de test", row, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_session_is_marked_held_and_the_page_is_read_only_once_the_minutes_are_locked()
    {
        var (_, client, set, url) = await SetUpAsync(1);
        var response = await Pages.PostFormAsync(client, url, new() { ["version"] = "0" }, "Held");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(SessionStatus.Tenue, await factory.WithDbAsync(db => db.CommissionSessions.Where(s => s.Id == set.Session).Select(s => s.Status).SingleAsync()));

        var token = await Pages.TokenAsync(client, url);
        await factory.WithDbAsync(async db =>
        {
            var session = await db.CommissionSessions.SingleAsync(s => s.Id == set.Session);
            session.MinutesClosedAt = factory.Clock.GetUtcNow().UtcDateTime;
            await db.SaveChangesAsync();
        });
        var page = await Pages.GetDocumentAsync(client, url);
        Assert.NotNull(page.QuerySelector("#read-only-notice"));
        Assert.Empty(page.QuerySelectorAll("main form[action*='handler=Item'] button"));
        var refused = await Pages.PostAsync(client, url, new() { ["itemId"] = set.Items[0].ToString(), ["version"] = "0", ["shared"] = "Trop tard" }, token, "Item");
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("verrouillé", (await Pages.ParseAsync(refused)).Text("#form-errors"), StringComparison.Ordinal);
        Assert.Null(await factory.WithDbAsync(db => db.AgendaItems.Where(i => i.Id == set.Items[0]).Select(i => i.SharedInformationEncrypted).SingleAsync()));
    }

    [Fact]
    public async Task The_page_holds_25_items_and_200_actions_and_is_404_for_an_unknown_session()
    {
        var (coordination, client, set, url) = await SetUpAsync(25);
        var cipher = factory.Services.GetRequiredService<FieldCipher>();
        var org = await factory.CreateOrganisationAsync();
        await factory.WithDbAsync(async db =>
        {
            var now = factory.Clock.GetUtcNow().UtcDateTime;
            for (var n = 0; n < 200; n++)
            {
                db.CommissionActions.Add(new CommissionAction
                {
                    AgendaItemId = set.Items[n % 25], SessionId = set.Session, SituationId = set.Situations[n % 25],
                    DescriptionEncrypted = cipher.Encrypt($"Action {n}", CommissionAction.DescriptionPurpose),
                    OwnerOrganisationId = org, DueOn = new DateOnly(2030, 1, 1), CreatedAt = now, CreatedById = coordination.Id,
                });
            }

            await db.SaveChangesAsync();
        });
        var page = await Pages.GetDocumentAsync(client, url);
        Assert.Equal(25, page.QuerySelectorAll("section.live-item").Length);
        Assert.Equal(200, page.QuerySelectorAll("tr[id^='action-']").Length);
        Assert.Equal(8, page.QuerySelectorAll($"#item-{set.Items[0]} tr[id^='action-']").Length);
        await Pages.GetDocumentAsync(client, $"/commission/seances/{Guid.CreateVersion7()}/en-seance", HttpStatusCode.NotFound);
    }
}
