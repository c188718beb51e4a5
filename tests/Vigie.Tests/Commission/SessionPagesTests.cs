using System.Net;
using Microsoft.EntityFrameworkCore;
using Vigie.Tests.Infrastructure;
using Vigie.Tests.Situations;
using Vigie.Web.Features.Commission;
using Vigie.Web.Features.Compte;
using Vigie.Web.Features.Notifications;
using Vigie.Web.Platform.Audit;
using Vigie.Web.Platform.Web;

namespace Vigie.Tests.Commission;

public sealed class SessionPagesTests(VigieFactory factory) : IClassFixture<VigieFactory>
{
    private static string Day(DateTime utc) => ParisTime.ToLocal(utc).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task A_new_session_is_checked_in_French_and_keeps_what_was_typed()
    {
        var coordination = await factory.LoginAsync(Roles.Coordination);
        var yesterday = factory.Clock.GetUtcNow().UtcDateTime.AddDays(-1);
        var response = await Pages.PostFormAsync(coordination, "/commission/seances/nouvelle", new()
        {
            ["Kind"] = nameof(SessionKind.Ordinaire), ["Input.Date"] = Day(yesterday), ["Input.Time"] = "14:00", ["Input.DurationMinutes"] = "120",
            ["Input.Place"] = "", ["Input.VideoLink"] = "", ["Input.Note"] = "Note gardée",
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Pages.ParseAsync(response);
        Assert.Contains("passées", page.Text("#Input_Date-error"), StringComparison.Ordinal);
        Assert.Contains("lieu ou un lien", page.Text("#Input_Place-error"), StringComparison.Ordinal);
        Assert.Equal("Note gardée", page.Text("#Input_Note"));

        response = await Pages.PostFormAsync(coordination, "/commission/seances/nouvelle", new()
        {
            ["Kind"] = nameof(SessionKind.Exceptionnelle), ["Input.Date"] = Day(yesterday.AddDays(3)), ["Input.Time"] = "9h", ["Input.DurationMinutes"] = "120",
            ["Input.VideoLink"] = "http://visio.example/commission",
        });
        page = await Pages.ParseAsync(response);
        Assert.Contains("heure", page.Text("#Input_Time-error"), StringComparison.Ordinal);
        Assert.Contains("https://", page.Text("#Input_VideoLink-error"), StringComparison.Ordinal);
        Assert.Equal("http://visio.example/commission", page.QuerySelector("#Input_VideoLink")!.GetAttribute("value"));
    }

    [Fact]
    public async Task An_exceptional_session_is_called_at_short_notice_with_the_next_number()
    {
        var coordination = await factory.LoginAsync(Roles.Coordination);
        await CommissionFixtures.SessionAsync(factory, inDays: 30);
        var before = await factory.WithDbAsync(db => db.CommissionSessions.MaxAsync(s => s.Number));
        var soon = ParisTime.ToLocal(factory.Clock.GetUtcNow().UtcDateTime.AddHours(3));
        var response = await Pages.PostFormAsync(coordination, "/commission/seances/nouvelle", new()
        {
            ["Kind"] = nameof(SessionKind.Exceptionnelle), ["Input.Date"] = soon.ToString("yyyy-MM-dd"), ["Input.Time"] = soon.ToString("HH:mm"),
            ["Input.DurationMinutes"] = "60", ["Input.VideoLink"] = "https://visio.example/urgence",
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var session = await factory.WithDbAsync(db => db.CommissionSessions.OrderByDescending(s => s.Number).FirstAsync());
        Assert.Equal(before + 1, session.Number);
        Assert.Equal(SessionKind.Exceptionnelle, session.Kind);
        Assert.Equal($"/commission/seances/{session.Id}", response.Headers.Location!.OriginalString);
        var page = await Pages.GetDocumentAsync(coordination, $"/commission/seances/{session.Id}");
        Assert.Contains("https://visio.example/urgence", page.Text("#seance"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invitations_notify_the_person_and_record_their_organisation()
    {
        var coordination = await factory.LoginAsync(Roles.Coordination);
        var organisation = await factory.CreateOrganisationAsync($"Protection judiciaire {Guid.NewGuid():N}");
        var member = await factory.CreateUserAsync(Roles.MembreCommission, organisationId: organisation);
        var session = await CommissionFixtures.SessionAsync(factory, inDays: 12);

        var response = await Pages.PostFormAsync(coordination, $"/commission/seances/{session}", new() { ["user"] = member.Id }, "InviteMember");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var invitation = await factory.WithDbAsync(db => db.SessionInvitations.SingleAsync(i => i.SessionId == session && i.UserId == member.Id));
        Assert.Equal(InvitationRole.Membre, invitation.Role);
        Assert.StartsWith("Protection judiciaire", invitation.Institution, StringComparison.Ordinal);
        Assert.True(await factory.WithDbAsync(db => db.Notifications.AnyAsync(n => n.UserId == member.Id && n.Kind == NotificationKind.CommissionInvitation
            && n.Link == $"/commission/seances/{session}")));

        // Twice: a French error, no second row.
        response = await Pages.PostFormAsync(coordination, $"/commission/seances/{session}", new() { ["user"] = member.Id }, "InviteMember");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("déjà invitée", (await Pages.ParseAsync(response)).Text("#member-error"), StringComparison.Ordinal);

        // A guest without an account, then the invited member sees the session and who is invited.
        response = await Pages.PostFormAsync(coordination, $"/commission/seances/{session}", new() { ["GuestName"] = "Dr Martin", ["GuestInstitution"] = "CHU" }, "InviteGuest");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = await Pages.GetDocumentAsync(await factory.LoginAsync(member), $"/commission/seances/{session}");
        Assert.Contains("Dr Martin", page.Text("#invitations"), StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("form[action*='handler=Publish']"));

        // Cancelling needs a reason and tells the invited.
        response = await Pages.PostFormAsync(coordination, $"/commission/seances/{session}", new() { ["CancelReason"] = "" }, "Cancel");
        Assert.Contains("motif", (await Pages.ParseAsync(response)).Text("#CancelReason-error"), StringComparison.Ordinal);
        response = await Pages.PostFormAsync(coordination, $"/commission/seances/{session}", new() { ["CancelReason"] = "Quorum impossible" }, "Cancel");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.True(await factory.WithDbAsync(db => db.Notifications.AnyAsync(n => n.UserId == member.Id && n.Kind == NotificationKind.CommissionSessionChanged)));
        Assert.Equal(SessionStatus.Annulee, await factory.WithDbAsync(db => db.CommissionSessions.Where(s => s.Id == session).Select(s => s.Status).SingleAsync()));
    }

    [Fact]
    public async Task Moving_a_session_tells_the_invited_and_a_stale_form_is_refused()
    {
        var coordination = await factory.LoginAsync(Roles.Coordination);
        var member = await factory.CreateUserAsync(Roles.MembreCommission);
        var session = await CommissionFixtures.SessionAsync(factory, inDays: 33);
        await CommissionFixtures.InviteAsync(factory, session, member);
        var page = await Pages.GetDocumentAsync(coordination, $"/commission/seances/{session}");
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var fields = new Dictionary<string, string>
        {
            ["Input.Date"] = page.QuerySelector("#Input_Date")!.GetAttribute("value")!, ["Input.Time"] = "10:30", ["Input.DurationMinutes"] = "90",
            ["Input.Place"] = "Salle du conseil", ["Input.Version"] = page.QuerySelector("input[name='Input.Version']")!.GetAttribute("value")!,
        };
        var response = await Pages.PostAsync(coordination, $"/commission/seances/{session}", fields, token, "Edit");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.True(await factory.WithDbAsync(db => db.Notifications.AnyAsync(n => n.UserId == member.Id && n.Kind == NotificationKind.CommissionSessionChanged)));

        // The same form again (old version): refused, what was typed kept.
        fields["Input.Place"] = "Autre salle";
        response = await Pages.PostAsync(coordination, $"/commission/seances/{session}", fields, token, "Edit");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        page = await Pages.ParseAsync(response);
        Assert.Contains("entre-temps", page.Text("#form-errors"), StringComparison.Ordinal);
        Assert.Equal("Autre salle", page.QuerySelector("#Input_Place")!.GetAttribute("value"));
        Assert.Equal("Salle du conseil", await factory.WithDbAsync(db => db.CommissionSessions.Where(s => s.Id == session).Select(s => s.Place).SingleAsync()));
    }

    [Fact]
    public async Task The_agenda_puts_urgent_then_representations_then_new_items_and_coordination_reorders_it()
    {
        var coordination = await factory.LoginAsync(Roles.Coordination);
        var org = await factory.CreateOrganisationAsync();
        var fresh = await SituationFixtures.OpenAsync(factory, org, "Ordrenouveau", "Anna", new DateOnly(2010, 1, 1));
        var again = await SituationFixtures.OpenAsync(factory, org, "Ordrerepresente", "Bella", new DateOnly(2010, 1, 1));
        var urgent = await SituationFixtures.OpenAsync(factory, org, "Ordreurgent", "Chloé", new DateOnly(2010, 1, 1));
        var earlier = await CommissionFixtures.SessionAsync(factory, inDays: 40);
        await CommissionFixtures.ItemAsync(factory, earlier, again, 1);
        var session = await CommissionFixtures.SessionAsync(factory, inDays: 50);

        foreach (var (situation, isUrgent) in new[] { (fresh, false), (again, false), (urgent, true) })
        {
            var fields = new Dictionary<string, string> { ["SessionId"] = session.ToString() };
            if (isUrgent)
            {
                fields["DirectUrgent"] = "true";
            }

            var enrolled = await Pages.PostFormAsync(coordination, $"/situations/{situation}/commission", fields, "Enrol");
            Assert.Equal(HttpStatusCode.Redirect, enrolled.StatusCode);
        }

        async Task<Guid[]> OrderAsync() => await factory.WithDbAsync(db => db.AgendaItems.Where(i => i.SessionId == session).OrderBy(i => i.Position)
            .Select(i => i.SituationId).ToArrayAsync());

        Assert.Equal([urgent, again, fresh], await OrderAsync());
        var items = await factory.WithDbAsync(db => db.AgendaItems.Where(i => i.SessionId == session).ToDictionaryAsync(i => i.SituationId));
        Assert.True(items[again].Representation);
        Assert.True(items[urgent].Urgent);

        var moved = await Pages.PostFormAsync(coordination, $"/commission/seances/{session}", new() { ["item"] = items[urgent].Id.ToString() }, "MoveDown");
        Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);
        Assert.Equal([again, urgent, fresh], await OrderAsync());

        // The same situation twice on one agenda: refused in French.
        var twice = await Pages.PostFormAsync(coordination, $"/situations/{fresh}/commission", new() { ["SessionId"] = session.ToString() }, "Enrol");
        Assert.Contains("déjà à l'ordre du jour", (await Pages.ParseAsync(twice)).Text("#SessionId-error"), StringComparison.Ordinal);

        var removed = await Pages.PostFormAsync(coordination, $"/commission/seances/{session}", new() { ["item"] = items[again].Id.ToString() }, "RemoveItem");
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.Equal([urgent, fresh], await OrderAsync());
        var positions = await factory.WithDbAsync(db => db.AgendaItems.Where(i => i.SessionId == session).OrderBy(i => i.Position).Select(i => i.Position).ToArrayAsync());
        Assert.Equal([1, 2], positions.ToList());
    }

    [Fact]
    public async Task Open_actions_of_earlier_sessions_are_carried_over_to_the_agenda()
    {
        var coordination = await factory.LoginAsync(Roles.Coordination);
        var org = await factory.CreateOrganisationAsync();
        var onAgenda = await SituationFixtures.OpenAsync(factory, org, "Reportee", "Lina", new DateOnly(2010, 1, 1));
        var elsewhere = await SituationFixtures.OpenAsync(factory, org, "Ailleurs", "Nina", new DateOnly(2010, 1, 1));
        var earlier = await CommissionFixtures.SessionAsync(factory, inDays: 60);
        var earlierItem = await CommissionFixtures.ItemAsync(factory, earlier, onAgenda, 1);
        var otherItem = await CommissionFixtures.ItemAsync(factory, earlier, elsewhere, 2);
        var session = await CommissionFixtures.SessionAsync(factory, inDays: 70);
        await CommissionFixtures.ItemAsync(factory, session, onAgenda, 1);
        var cipher = factory.Services.GetService(typeof(Vigie.Web.Platform.Crypto.FieldCipher)) as Vigie.Web.Platform.Crypto.FieldCipher;
        await factory.WithDbAsync(async db =>
        {
            foreach (var (item, situation, text, status) in new[]
            {
                (earlierItem, onAgenda, "Rencontrer la famille", ActionStatus.Ouverte),
                (otherItem, elsewhere, "Contacter le collège", ActionStatus.Ouverte),
                (earlierItem, onAgenda, "Action déjà faite", ActionStatus.Faite),
            })
            {
                db.CommissionActions.Add(new CommissionAction
                {
                    AgendaItemId = item, SessionId = earlier, SituationId = situation, Status = status, OwnerOrganisationId = org,
                    DescriptionEncrypted = cipher!.Encrypt(text, CommissionAction.DescriptionPurpose), DueOn = new DateOnly(2030, 1, 1),
                    CreatedAt = factory.Clock.GetUtcNow().UtcDateTime, CreatedById = "fixture",
                });
            }

            await db.SaveChangesAsync();
        });

        var page = await Pages.GetDocumentAsync(coordination, $"/commission/seances/{session}");
        var carried = page.Text("section[aria-labelledby='actions-reportees']");
        Assert.Contains("Rencontrer la famille", carried, StringComparison.Ordinal);
        Assert.DoesNotContain("Contacter le collège", carried, StringComparison.Ordinal);
        Assert.DoesNotContain("Action déjà faite", carried, StringComparison.Ordinal);
        Assert.Contains("Contacter le collège", page.Text("section[aria-labelledby='actions-ouvertes']"), StringComparison.Ordinal);
    }
}
