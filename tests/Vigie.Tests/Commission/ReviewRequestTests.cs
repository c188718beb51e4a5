using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Vigie.Tests.Infrastructure;
using Vigie.Tests.Situations;
using Vigie.Web.Features.Commission;
using Vigie.Web.Features.Compte;
using Vigie.Web.Features.Notifications;
using Vigie.Web.Features.Situations;
using Vigie.Web.Features.Situations.Trame;
using Vigie.Web.Platform.Crypto;

namespace Vigie.Tests.Commission;

/// <summary>A professional asks for a review; Coordination accepts it into a session or declines it; the situation keeps its history.</summary>
public sealed class ReviewRequestTests(VigieFactory factory) : IClassFixture<VigieFactory>
{
    private sealed record Setup(Guid Situation, TestUser Professional, HttpClient Client, HttpClient Coordination, TestUser CoordinationUser);

    private async Task<Setup> ArrangeAsync(string lastName)
    {
        var org = await factory.CreateOrganisationAsync();
        var pro = await factory.CreateUserAsync(Roles.Professionnel, organisationId: org);
        var coordinationUser = await factory.CreateUserAsync(Roles.Coordination);
        var situation = await SituationFixtures.OpenAsync(factory, org, lastName, "Jade", new DateOnly(2010, 2, 3));
        return new Setup(situation, pro, await factory.LoginAsync(pro), await factory.LoginAsync(coordinationUser), coordinationUser);
    }

    private static Task<HttpResponseMessage> AskAsync(HttpClient client, Guid situation, string reason, string ask, bool urgent = false)
    {
        var fields = new Dictionary<string, string> { ["Input.Reason"] = reason, ["Input.Ask"] = ask };
        if (urgent)
        {
            fields["Input.Urgent"] = "true";
        }

        return Pages.PostFormAsync(client, $"/situations/{situation}/commission", fields, "Request");
    }

    [Fact]
    public async Task A_request_is_checked_stored_encrypted_notified_and_can_be_withdrawn()
    {
        var s = await ArrangeAsync("Demandeuse");
        var response = await AskAsync(s.Client, s.Situation, "", new string('x', 2001));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Pages.ParseAsync(response);
        Assert.Contains("motif", page.Text("#Input_Reason-error"), StringComparison.Ordinal);
        Assert.Contains("2", page.Text("#Input_Ask-error"), StringComparison.Ordinal);

        const string reason = "Fugues répétées et hôtels signalés par le foyer";
        response = await AskAsync(s.Client, s.Situation, reason, "Avis sur une orientation");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var request = await factory.WithDbAsync(db => db.ReviewRequests.SingleAsync(r => r.SituationId == s.Situation));
        Assert.Equal(ReviewRequestStatus.EnAttente, request.Status);
        Assert.DoesNotContain("hôtels", request.ReasonEncrypted, StringComparison.Ordinal);
        Assert.True(await factory.WithDbAsync(db => db.Notifications.AnyAsync(n => n.UserId == s.CoordinationUser.Id && n.Kind == NotificationKind.ReviewRequested)));

        // Pending: no second request; the coordination lists it.
        page = await Pages.GetDocumentAsync(s.Client, $"/situations/{s.Situation}/commission");
        Assert.Null(page.QuerySelector("#Input_Reason"));
        Assert.Contains(reason, page.Text("#liste-demandes"), StringComparison.Ordinal);
        var pending = await Pages.GetDocumentAsync(s.Coordination, "/commission/demandes");
        Assert.NotNull(pending.QuerySelector($"#demande-{request.Id}"));

        response = await Pages.PostFormAsync(s.Client, $"/situations/{s.Situation}/commission", new() { ["request"] = request.Id.ToString() }, "Withdraw");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(ReviewRequestStatus.Retiree, await factory.WithDbAsync(db => db.ReviewRequests.Where(r => r.Id == request.Id).Select(r => r.Status).SingleAsync()));
        pending = await Pages.GetDocumentAsync(s.Coordination, "/commission/demandes");
        Assert.Null(pending.QuerySelector($"#demande-{request.Id}"));
    }

    [Fact]
    public async Task Accepting_a_request_puts_the_situation_on_the_agenda_with_its_indicators_and_invites_the_requester()
    {
        var s = await ArrangeAsync("Acceptee");
        await factory.WithDbAsync(async db =>
        {
            db.Evaluations.Add(new Evaluation
            {
                SituationId = s.Situation, Number = 1, ValidatedAt = factory.Clock.GetUtcNow().UtcDateTime, ValidatedById = s.Professional.Id,
                ClearJson = """{"indicateurs":{"hotels":"avere","hotels.date":"2026-01-10","cadeaux":"suspecte","rue":"non_observe"}}""",
            });
            await db.SaveChangesAsync();
        });
        var session = await CommissionFixtures.SessionAsync(factory, inDays: 15);
        Assert.Equal(HttpStatusCode.Redirect, (await AskAsync(s.Client, s.Situation, "Hôtels", "Avis", urgent: true)).StatusCode);
        var request = await factory.WithDbAsync(db => db.ReviewRequests.SingleAsync(r => r.SituationId == s.Situation));

        // No session chosen: a French error on the request's line.
        var response = await Pages.PostFormAsync(s.Coordination, $"/commission/demandes?request={request.Id}", new() { ["SessionId"] = "" }, "Accept", "/commission/demandes");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("séance planifiée", (await Pages.ParseAsync(response)).Text($"#session-{request.Id}-error"), StringComparison.Ordinal);

        response = await Pages.PostFormAsync(s.Coordination, $"/commission/demandes?request={request.Id}", new() { ["SessionId"] = session.ToString() }, "Accept", "/commission/demandes");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var item = await factory.WithDbAsync(db => db.AgendaItems.SingleAsync(i => i.SessionId == session && i.SituationId == s.Situation));
        Assert.True(item.Urgent);
        Assert.False(item.Representation);
        Assert.Equal(s.Professional.Id, item.PresenterId);
        Assert.Equal(request.Id, item.ReviewRequestId);
        var indicators = CommissionAgenda.ReadIndicators(factory.Services.GetRequiredService<FieldCipher>(), item.IndicatorsEncrypted);
        Assert.Equal(["cadeaux", "hotels"], indicators.Select(i => i.Key).Order().ToArray());
        Assert.Equal("2026-01-10", indicators.Single(i => i.Key == "hotels").Date);

        var situation = await factory.WithDbAsync(db => db.Situations.SingleAsync(x => x.Id == s.Situation));
        Assert.Equal(SituationStatus.SuivieEnCommission, situation.Status);
        Assert.True(await factory.WithDbAsync(db => db.SituationEvents.AnyAsync(e => e.SituationId == s.Situation && e.Kind == SituationEventKind.StatusChanged
            && e.Detail == nameof(SituationStatus.SuivieEnCommission))));
        Assert.True(await factory.WithDbAsync(db => db.SessionInvitations.AnyAsync(i => i.SessionId == session && i.UserId == s.Professional.Id && i.Role == InvitationRole.Presentateur)));
        Assert.True(await factory.WithDbAsync(db => db.Notifications.AnyAsync(n => n.UserId == s.Professional.Id && n.Kind == NotificationKind.ReviewRequestAnswered)));
        Assert.True(await factory.WithDbAsync(db => db.Notifications.AnyAsync(n => n.UserId == s.Professional.Id && n.Kind == NotificationKind.CommissionInvitation)));

        // The requester sees the history on the situation, its timeline, and the item of their situation.
        var page = await Pages.GetDocumentAsync(s.Client, $"/situations/{s.Situation}/commission");
        Assert.Contains("Séance n°", page.Text("#passages"), StringComparison.Ordinal);
        Assert.Contains("Acceptée", page.Text("#liste-demandes"), StringComparison.Ordinal);
        var timeline = await Pages.GetDocumentAsync(s.Client, $"/situations/{s.Situation}/chronologie");
        Assert.Contains("Passage en commission demandé (urgent)", timeline.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Demande de passage en commission acceptée", timeline.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Présentée à la séance n°", timeline.Body!.TextContent, StringComparison.Ordinal);
        var itemPage = await Pages.GetDocumentAsync(s.Client, $"/commission/points/{item.Id}");
        Assert.Contains("Hôtels : Avéré", itemPage.Text("#liste-indicateurs"), StringComparison.Ordinal);

        // The presenter writes the summary; a stale version keeps the text and says who changed it.
        var saved = await Pages.PostFormAsync(s.Client, $"/commission/points/{item.Id}", new() { ["Summary"] = "Premier résumé", ["Version"] = item.Version.ToString() }, "Summary");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var stale = await Pages.PostFormAsync(s.Coordination, $"/commission/points/{item.Id}", new() { ["Summary"] = "Texte concurrent", ["Version"] = item.Version.ToString() }, "Summary");
        var stalePage = await Pages.ParseAsync(stale);
        Assert.Contains("entre-temps", stalePage.Text("#Summary-error"), StringComparison.Ordinal);
        Assert.Equal("Texte concurrent", stalePage.Text("#Summary"));
        var stored = await factory.WithDbAsync(db => db.AgendaItems.Where(i => i.Id == item.Id).Select(i => i.SummaryEncrypted).SingleAsync());
        Assert.Equal("Premier résumé", factory.Services.GetRequiredService<FieldCipher>().Decrypt(stored!, AgendaItem.SummaryPurpose));
    }

    [Fact]
    public async Task Declining_needs_a_reason_that_the_requester_reads()
    {
        var s = await ArrangeAsync("Refusee");
        Assert.Equal(HttpStatusCode.Redirect, (await AskAsync(s.Client, s.Situation, "Motif", "Attente")).StatusCode);
        var request = await factory.WithDbAsync(db => db.ReviewRequests.SingleAsync(r => r.SituationId == s.Situation));
        var response = await Pages.PostFormAsync(s.Coordination, $"/commission/demandes?request={request.Id}", new() { ["DeclineReason"] = " " }, "Decline", "/commission/demandes");
        Assert.Contains("motif du refus", (await Pages.ParseAsync(response)).Text($"#decline-{request.Id}-error"), StringComparison.Ordinal);
        response = await Pages.PostFormAsync(s.Coordination, $"/commission/demandes?request={request.Id}", new() { ["DeclineReason"] = "Relève du droit commun" }, "Decline", "/commission/demandes");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = await Pages.GetDocumentAsync(s.Client, $"/situations/{s.Situation}/commission");
        Assert.Contains("Refusée", page.Text("#liste-demandes"), StringComparison.Ordinal);
        Assert.Contains("Relève du droit commun", page.Text("#liste-demandes"), StringComparison.Ordinal);
        Assert.True(await factory.WithDbAsync(db => db.Notifications.AnyAsync(n => n.UserId == s.Professional.Id && n.Kind == NotificationKind.ReviewRequestAnswered)));
        // A new request is possible again.
        Assert.NotNull(page.QuerySelector("#Input_Reason"));
    }

    [Fact]
    public async Task Cancelling_a_session_puts_its_accepted_requests_back_in_the_queue()
    {
        var s = await ArrangeAsync("Reprogrammee");
        var session = await CommissionFixtures.SessionAsync(factory, inDays: 20);
        Assert.Equal(HttpStatusCode.Redirect, (await AskAsync(s.Client, s.Situation, "Motif", "Attente")).StatusCode);
        var request = await factory.WithDbAsync(db => db.ReviewRequests.SingleAsync(r => r.SituationId == s.Situation));
        var response = await Pages.PostFormAsync(s.Coordination, $"/commission/demandes?request={request.Id}", new() { ["SessionId"] = session.ToString() }, "Accept", "/commission/demandes");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        response = await Pages.PostFormAsync(s.Coordination, $"/commission/seances/{session}", new() { ["CancelReason"] = "Salle indisponible" }, "Cancel");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var again = await factory.WithDbAsync(db => db.ReviewRequests.SingleAsync(r => r.Id == request.Id));
        Assert.Equal(ReviewRequestStatus.EnAttente, again.Status);
        Assert.Null(again.AgendaItemId);
        var pending = await Pages.GetDocumentAsync(s.Coordination, "/commission/demandes");
        Assert.NotNull(pending.QuerySelector($"#demande-{request.Id}"));
    }

    [Fact]
    public async Task An_emergency_access_reads_the_commission_page_but_cannot_ask()
    {
        var s = await ArrangeAsync("Urgenceacces");
        var emergency = await factory.CreateUserAsync(Roles.Professionnel);
        await factory.WithDbAsync(async db =>
        {
            var now = factory.Clock.GetUtcNow().UtcDateTime;
            db.EmergencyAccesses.Add(new EmergencyAccess { SituationId = s.Situation, UserId = emergency.Id, JustificationEncrypted = "x", GrantedAt = now, ExpiresAt = now.AddHours(24) });
            await db.SaveChangesAsync();
        });
        var client = await factory.LoginAsync(emergency);
        var page = await Pages.GetDocumentAsync(client, $"/situations/{s.Situation}/commission");
        Assert.NotNull(page.QuerySelector("#read-only-notice"));
        Assert.Null(page.QuerySelector("#Input_Reason"));
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var response = await Pages.PostAsync(client, $"/situations/{s.Situation}/commission", new() { ["Input.Reason"] = "x", ["Input.Ask"] = "y" }, token, "Request");
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.False(await factory.WithDbAsync(db => db.ReviewRequests.AnyAsync(r => r.SituationId == s.Situation)));
    }

    [Fact]
    public async Task The_timeline_shows_the_decisions_and_the_co_accompaniment()
    {
        var s = await ArrangeAsync("Chronocommission");
        var session = await CommissionFixtures.SessionAsync(factory, inDays: -2);
        var item = await CommissionFixtures.ItemAsync(factory, session, s.Situation, 1);
        var cipher = factory.Services.GetRequiredService<FieldCipher>();
        await factory.WithDbAsync(async db =>
        {
            var now = factory.Clock.GetUtcNow().UtcDateTime;
            var agendaItem = await db.AgendaItems.SingleAsync(i => i.Id == item);
            CommissionDecisions.Add(db, cipher, agendaItem, DecisionKind.CoAccompagnementPropose, "Proposer l'équipe mobile", null, s.CoordinationUser.Id, now);
            CommissionDecisions.Add(db, cipher, agendaItem, DecisionKind.ProtectionRenforcee, null, null, s.CoordinationUser.Id, now);
            await db.SaveChangesAsync();
            var accompaniment = await db.Accompaniments.SingleAsync(a => a.SituationId == s.Situation);
            accompaniment.Status = AccompanimentStatus.Acceptee;
            accompaniment.ConsentRecordedAt = now.AddHours(1);
            accompaniment.ConsentRecordedById = s.CoordinationUser.Id;
            await db.SaveChangesAsync();
        });

        var timeline = (await Pages.GetDocumentAsync(s.Client, $"/situations/{s.Situation}/chronologie")).Body!.TextContent;
        Assert.Contains("Décision de la commission : Co-accompagnement par l'équipe mobile proposé", timeline, StringComparison.Ordinal);
        Assert.Contains("Proposer l'équipe mobile", timeline, StringComparison.Ordinal);
        Assert.Contains("Décision de la commission : Protection renforcée", timeline, StringComparison.Ordinal);
        Assert.Contains("Co-accompagnement accepté par le jeune", timeline, StringComparison.Ordinal);
        var history = await Pages.GetDocumentAsync(s.Client, $"/situations/{s.Situation}/commission");
        Assert.Contains("Protection renforcée", history.Text("#passages"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Out_of_scope_is_404_and_the_other_roles_are_refused()
    {
        var s = await ArrangeAsync("Horsperimetre");
        var stranger = await factory.LoginAsync(Roles.Professionnel);
        await Pages.GetDocumentAsync(stranger, $"/situations/{s.Situation}/commission", HttpStatusCode.NotFound);
        var member = await factory.LoginAsync(Roles.MembreCommission);
        Assert.Equal(HttpStatusCode.Forbidden, (await member.GetAsync($"/situations/{s.Situation}/commission")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await member.GetAsync("/commission/demandes")).StatusCode);
    }
}
