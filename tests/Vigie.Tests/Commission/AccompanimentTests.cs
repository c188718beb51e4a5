using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Vigie.Tests.Infrastructure;
using Vigie.Tests.Situations;
using Vigie.Web.Features.Commission;
using Vigie.Web.Features.Compte;
using Vigie.Web.Features.Notifications;
using Vigie.Web.Features.Situations;
using Vigie.Web.Platform.Audit;
using Vigie.Web.Platform.Crypto;

namespace Vigie.Tests.Commission;

/// <summary>A mobile team of small capacity, to see the warning with a few young people.</summary>
public sealed class SmallMobileTeamFactory : VigieFactory
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Vigie:Commission:MobileTeamCapacity"] = "3" };
}

public sealed class AccompanimentTests(SmallMobileTeamFactory factory) : IClassFixture<SmallMobileTeamFactory>
{
    private DateTime Now => factory.Clock.GetUtcNow().UtcDateTime;

    private DateOnly Today => ActionFixtures.ParisToday(factory);

    /// <summary>A situation presented at a session whose decision proposes a co-accompaniment (through CommissionDecisions.Add).</summary>
    private async Task<(Guid Accompaniment, Guid Situation)> ProposeAsync(string lastName, string firstName, DateOnly birth, string territory = "Vénissieux")
    {
        var org = await factory.CreateOrganisationAsync($"ASE {lastName}");
        var situation = await SituationFixtures.OpenAsync(factory, org, lastName, firstName, birth, territory);
        var session = await ActionFixtures.SessionAsync(factory, Now.AddDays(-2));
        var item = await ActionFixtures.ItemAsync(factory, session, situation);
        var cipher = factory.Services.GetRequiredService<FieldCipher>();
        await factory.WithDbAsync(async db =>
        {
            var agendaItem = await db.AgendaItems.SingleAsync(i => i.Id == item);
            CommissionDecisions.Add(db, cipher, agendaItem, DecisionKind.CoAccompagnementPropose, null, null, "fixture", Now.AddDays(-2));
            await db.SaveChangesAsync();
        });
        var accompaniment = await factory.WithDbAsync(db => db.Accompaniments.Where(a => a.SituationId == situation).Select(a => a.Id).SingleAsync());
        return (accompaniment, situation);
    }

    private Task<Accompaniment> ReadAsync(Guid id) => factory.WithDbAsync(db => db.Accompaniments.AsNoTracking().SingleAsync(a => a.Id == id));

    private static Task<HttpResponseMessage> ConsentAsync(HttpClient client, Guid id, string answer, string on, string by = "Mme Lefèvre, éducatrice", int version = 0) =>
        Pages.PostFormAsync(client, $"/accompagnements/{id}", new()
        {
            ["Input.Answer"] = answer, ["Input.ConsentOn"] = on, ["Input.CollectedBy"] = by, ["Input.Version"] = version.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }, "Consent");

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task Proposed_then_accepted_with_notes_then_ended_and_the_mobile_team_sees_only_what_it_may()
    {
        var mobile = await factory.CreateUserAsync(Roles.EquipeMobile);
        var colleague = await factory.CreateUserAsync(Roles.EquipeMobile);
        var (id, situation) = await ProposeAsync("Benali", "Sarah", Today.AddYears(-16).AddDays(-1));
        var team = await factory.LoginAsync(mobile);

        // Pending: first name, age, territory; no surname, no notes; the situation is out of the team's scope.
        var list = await Pages.GetDocumentAsync(team, "/accompagnements");
        var pending = Assert.Single(list.QuerySelectorAll("#pending tbody tr"), r => r.TextContent.Contains("Sarah", StringComparison.Ordinal));
        Assert.Contains("16 ans", pending.TextContent, StringComparison.Ordinal);
        Assert.Contains("Vénissieux", pending.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Benali", list.Body!.TextContent, StringComparison.Ordinal);
        var page = await Pages.GetDocumentAsync(team, $"/accompagnements/{id}");
        Assert.DoesNotContain("Benali", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("#notes"));
        Assert.False(await VisibleToAsync(mobile, situation));

        // Bad input: a consent date in the future, nobody named: refused with messages, the answer kept.
        var response = await ConsentAsync(team, id, "accepte", Iso(Today.AddDays(1)), by: "");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var form = await Pages.ParseAsync(response);
        Assert.Contains("dans le futur", form.Text("#Input_ConsentOn-error"), StringComparison.Ordinal);
        Assert.Contains("qui a recueilli", form.Text("#Input_CollectedBy-error"), StringComparison.Ordinal);
        Assert.Equal("checked", form.QuerySelector("#Input_Answer_accepte")!.GetAttribute("checked"));
        Assert.Equal(AccompanimentStatus.Proposee, (await ReadAsync(id)).Status);

        response = await ConsentAsync(team, id, "accepte", Iso(Today));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var stored = await ReadAsync(id);
        Assert.Equal(AccompanimentStatus.Acceptee, stored.Status);
        Assert.Equal(Today, stored.ConsentOn);
        Assert.Equal("Mme Lefèvre, éducatrice", stored.ConsentCollectedBy);
        Assert.Equal(mobile.Id, stored.ConsentRecordedById);
        Assert.True(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == AuditAction.ConsentRecorded && e.RecordId == id.ToString())));
        Assert.True(await factory.WithDbAsync(db => db.Notifications.AnyAsync(n => n.UserId == colleague.Id && n.Kind == NotificationKind.AccompanimentAccepted && n.Link == $"/accompagnements/{id}")));
        Assert.True(await VisibleToAsync(mobile, situation));

        // Accepted: the full name, a note (encrypted, dated, signed).
        page = await Pages.GetDocumentAsync(team, $"/accompagnements/{id}");
        Assert.Contains("Sarah Benali", page.Text("#minor"), StringComparison.Ordinal);
        response = await Pages.PostFormAsync(team, $"/accompagnements/{id}", new() { ["Input.Note"] = "Premier rendez-vous au local", ["Input.Version"] = "1" }, "Note");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var note = await factory.WithDbAsync(db => db.AccompanimentNotes.AsNoTracking().SingleAsync(n => n.AccompanimentId == id));
        Assert.DoesNotContain("rendez-vous", note.TextEncrypted, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(mobile.Id, note.AuthorId);
        page = await Pages.GetDocumentAsync(team, $"/accompagnements/{id}");
        Assert.Contains("Premier rendez-vous au local", page.Text("#note-list"), StringComparison.Ordinal);
        list = await Pages.GetDocumentAsync(team, "/accompagnements");
        var active = Assert.Single(list.QuerySelectorAll("#active tbody tr"), r => r.TextContent.Contains("Sarah Benali", StringComparison.Ordinal));
        Assert.Contains("ASE Benali", active.TextContent, StringComparison.Ordinal);
        Assert.Contains(Vigie.Web.Platform.Web.ParisTime.FormatDate(note.At), active.TextContent, StringComparison.Ordinal);

        // Coordination writes no note; it may end it. A stale end is a conflict.
        var coordination = await factory.LoginAsync(Roles.Coordination);
        var token = await Pages.TokenAsync(coordination, $"/accompagnements/{id}");
        Assert.Equal(HttpStatusCode.Forbidden, (await Pages.PostAsync(coordination, $"/accompagnements/{id}", new() { ["Input.Note"] = "x" }, token, "Note")).StatusCode);
        response = await Pages.PostFormAsync(team, $"/accompagnements/{id}", new() { ["Input.EndReason"] = "ObjectifsAtteints", ["Input.EndComment"] = "Relais vers le CMP", ["Input.Version"] = "0" }, "End");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("entre-temps", (await Pages.ParseAsync(response)).Text("#form-errors"), StringComparison.Ordinal);
        response = await Pages.PostFormAsync(team, $"/accompagnements/{id}", new() { ["Input.EndReason"] = "ObjectifsAtteints", ["Input.EndComment"] = "Relais vers le CMP", ["Input.Version"] = "1" }, "End");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        stored = await ReadAsync(id);
        Assert.Equal(AccompanimentStatus.Terminee, stored.Status);
        Assert.Equal(AccompanimentEndReason.ObjectifsAtteints, stored.EndReason);
        Assert.NotNull(stored.EndCommentEncrypted);

        // Ended: gone for the mobile team (404, out of scope), still there for Coordination.
        Assert.Equal(HttpStatusCode.NotFound, (await team.GetAsync($"/accompagnements/{id}")).StatusCode);
        Assert.False(await VisibleToAsync(mobile, situation));
        page = await Pages.GetDocumentAsync(coordination, $"/accompagnements/{id}");
        Assert.Contains("Objectifs atteints", page.Text("#end"), StringComparison.Ordinal);
        Assert.Contains("Relais vers le CMP", page.Text("#end"), StringComparison.Ordinal);
        var ended = await Pages.GetDocumentAsync(coordination, "/accompagnements?statut=termines");
        Assert.Contains("Sarah Benali", ended.Text("#closed"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refusal_is_final_for_the_proposal_and_hides_it_from_the_mobile_team()
    {
        var mobile = await factory.CreateUserAsync(Roles.EquipeMobile);
        var (id, situation) = await ProposeAsync("Rossi", "Lina", Today.AddYears(-15));
        var coordination = await factory.LoginAsync(Roles.Coordination);

        var response = await ConsentAsync(coordination, id, "refuse", Iso(Today.AddDays(-1)));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(AccompanimentStatus.Refusee, (await ReadAsync(id)).Status);

        // Accepting later is refused (a stale form posted again): a new proposal is needed.
        var token = await Pages.TokenAsync(coordination, $"/accompagnements/{id}");
        response = await Pages.PostAsync(coordination, $"/accompagnements/{id}", new()
        {
            ["Input.Answer"] = "accepte", ["Input.ConsentOn"] = Iso(Today), ["Input.CollectedBy"] = "M. Petit", ["Input.Version"] = "1",
        }, token, "Consent");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("nouvelle proposition", (await Pages.ParseAsync(response)).Text("#form-errors"), StringComparison.Ordinal);
        Assert.Equal(AccompanimentStatus.Refusee, (await ReadAsync(id)).Status);

        var team = await factory.LoginAsync(mobile);
        Assert.Equal(HttpStatusCode.NotFound, (await team.GetAsync($"/accompagnements/{id}")).StatusCode);
        Assert.DoesNotContain("Lina", (await Pages.GetDocumentAsync(team, "/accompagnements")).Body!.TextContent, StringComparison.Ordinal);
        Assert.False(await VisibleToAsync(mobile, situation));
        Assert.Contains("Lina Rossi", (await Pages.GetDocumentAsync(coordination, "/accompagnements?statut=refuses")).Text("#closed"), StringComparison.Ordinal);

        // Other roles never reach the pages.
        var professional = await factory.LoginAsync(Roles.Professionnel);
        Assert.Equal(HttpStatusCode.Forbidden, (await professional.GetAsync($"/accompagnements/{id}")).StatusCode);
    }

    [Fact]
    public async Task The_capacity_warning_shows_in_words_when_the_active_file_reaches_the_setting()
    {
        // The other tests of this class end or refuse theirs: the active file starts empty.
        var coordination = await factory.LoginAsync(Roles.Coordination);
        Assert.Equal(0, await factory.WithDbAsync(db => db.Accompaniments.CountAsync(a => a.Status == AccompanimentStatus.Acceptee)));
        async Task AcceptNewAsync(string name)
        {
            var (id, _) = await ProposeAsync($"Nom{name}", name, Today.AddYears(-15));
            Assert.Equal(HttpStatusCode.Redirect, (await ConsentAsync(coordination, id, "accepte", Iso(Today))).StatusCode);
        }

        await AcceptNewAsync("Alpha");
        await AcceptNewAsync("Bravo");
        var team = await factory.LoginAsync(Roles.EquipeMobile);
        var below = await Pages.GetDocumentAsync(team, "/accompagnements");
        Assert.Null(below.QuerySelector("#capacity-warning"));
        Assert.NotNull(below.QuerySelector(".main-nav a[href='/accompagnements']"));
        Assert.Contains("2 jeune(s) suivi(s) sur une capacité de 3", below.Text("#active-count"), StringComparison.Ordinal);

        await AcceptNewAsync("Charlie");
        var reached = await Pages.GetDocumentAsync(team, "/accompagnements");
        Assert.Contains("Capacité atteinte", reached.Text("#capacity-warning"), StringComparison.Ordinal);
        Assert.Contains("3 jeune(s) pour une capacité de 3", reached.Text("#capacity-warning"), StringComparison.Ordinal);

        await AcceptNewAsync("Delta");
        var exceeded = await Pages.GetDocumentAsync(team, "/accompagnements");
        Assert.Contains("dépassée de 1", exceeded.Text("#capacity-warning"), StringComparison.Ordinal);

        // Leave the file empty for the other tests.
        await factory.WithDbAsync(db => db.Accompaniments.Where(a => a.Status == AccompanimentStatus.Acceptee)
            .ExecuteUpdateAsync(u => u.SetProperty(a => a.Status, AccompanimentStatus.Terminee)));
    }

    private async Task<bool> VisibleToAsync(TestUser user, Guid situation)
    {
        var principal = new System.Security.Claims.ClaimsPrincipal(new System.Security.Claims.ClaimsIdentity(
            [new(System.Security.Claims.ClaimTypes.NameIdentifier, user.Id), new(System.Security.Claims.ClaimTypes.Role, user.Role)], "test"));
        return await factory.WithDbAsync(db => db.Situations.VisibleTo(principal, Now).AnyAsync(s => s.Id == situation));
    }
}
