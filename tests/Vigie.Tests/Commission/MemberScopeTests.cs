using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Vigie.Tests.Infrastructure;
using Vigie.Tests.Situations;
using Vigie.Web.Features.Commission;
using Vigie.Web.Features.Compte;
using Vigie.Web.Platform.Audit;

namespace Vigie.Tests.Commission;

/// <summary>
/// Who reads an agenda item: an invited member from publication, once the session's commitment is
/// accepted, until the closure delay after the minutes are locked; never for a cancelled session; a
/// presenting professional their own situation only; other roles nothing.
/// </summary>
public sealed class MemberScopeTests(VigieFactory factory) : IClassFixture<VigieFactory>
{
    private static async Task AssertItemAsync(HttpClient client, Guid item, HttpStatusCode expected, string who)
    {
        var response = await client.GetAsync($"/commission/points/{item}");
        Assert.True(response.StatusCode == expected, $"{who} GET point → {(int)response.StatusCode}, attendu {(int)expected}");
    }

    [Fact]
    public async Task The_member_scope_matrix()
    {
        var orgA = await factory.CreateOrganisationAsync();
        var orgB = await factory.CreateOrganisationAsync();
        var situationA = await SituationFixtures.OpenAsync(factory, orgA, "Perrinscope", "Léonie", new DateOnly(2010, 1, 15), "Vénissieux");
        var situationB = await SituationFixtures.OpenAsync(factory, orgB, "Autrescope", "Maëlys", new DateOnly(2009, 3, 2));
        var member = await factory.CreateUserAsync(Roles.MembreCommission);
        var outsider = await factory.CreateUserAsync(Roles.MembreCommission);
        var presenter = await factory.CreateUserAsync(Roles.Professionnel, organisationId: orgA);
        var coordination = await factory.LoginAsync(Roles.Coordination);
        await CommissionFixtures.EnsureCommitmentAsync(factory);
        var session = await CommissionFixtures.SessionAsync(factory);
        var itemA = await CommissionFixtures.ItemAsync(factory, session, situationA, 1, presenter.Id);
        var itemB = await CommissionFixtures.ItemAsync(factory, session, situationB, 2);
        await CommissionFixtures.InviteAsync(factory, session, member);
        await CommissionFixtures.InviteAsync(factory, session, presenter, InvitationRole.Presentateur);
        var memberClient = await factory.LoginAsync(member);
        var outsiderClient = await factory.LoginAsync(outsider);
        var presenterClient = await factory.LoginAsync(presenter);

        // Before publication: the invited member sees the session, no item; the outsider not even the session.
        await AssertItemAsync(memberClient, itemA, HttpStatusCode.NotFound, "membre avant publication");
        var page = await Pages.GetDocumentAsync(memberClient, $"/commission/seances/{session}");
        Assert.Null(page.QuerySelector("#points"));
        await Pages.GetDocumentAsync(outsiderClient, $"/commission/seances/{session}", HttpStatusCode.NotFound);

        // Published, commitment not accepted: still no item, a link to the commitment instead.
        await CommissionFixtures.UpdateSessionAsync(factory, session, s => s.AgendaPublishedAt = factory.Clock.GetUtcNow().UtcDateTime);
        await AssertItemAsync(memberClient, itemA, HttpStatusCode.NotFound, "membre sans engagement");
        page = await Pages.GetDocumentAsync(memberClient, $"/commission/seances/{session}");
        Assert.NotNull(page.QuerySelector($"#engagement-requis a[href='/commission/seances/{session}/engagement']"));
        Assert.Null(page.QuerySelector("#points"));

        // The member accepts the commitment (audited with the version) and reads both items: first name, no family name.
        var accepted = await Pages.PostFormAsync(memberClient, $"/commission/seances/{session}/engagement", new());
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        Assert.True(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == AuditAction.CommitmentAccepted && e.ActorId == member.Id
            && e.RecordType == AuditRecordType.Commitment && e.RecordId == $"{session}/v1")));
        page = await Pages.GetDocumentAsync(memberClient, $"/commission/seances/{session}");
        Assert.Equal(2, page.QuerySelectorAll("#points tbody tr").Length);
        var item = await Pages.GetDocumentAsync(memberClient, $"/commission/points/{itemA}");
        Assert.Contains("Léonie", item.Text("h1"), StringComparison.Ordinal);
        Assert.DoesNotContain("Perrinscope", item.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Vénissieux", item.Text("#point"), StringComparison.Ordinal);
        Assert.True(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == AuditAction.Read && e.ActorId == member.Id
            && e.RecordType == AuditRecordType.AgendaItem && e.RecordId == itemA.ToString())));

        // Coordination widens the item: the member sees the full name and the birth year.
        var widened = await Pages.PostFormAsync(coordination, $"/commission/points/{itemA}", new() { ["widened"] = "true" }, "Widen");
        Assert.Equal(HttpStatusCode.Redirect, widened.StatusCode);
        item = await Pages.GetDocumentAsync(memberClient, $"/commission/points/{itemA}");
        Assert.Contains("Perrinscope", item.Text("#nom-complet"), StringComparison.Ordinal);
        Assert.Contains("2010", item.Text("#point"), StringComparison.Ordinal);
        page = await Pages.GetDocumentAsync(memberClient, $"/commission/seances/{session}");
        Assert.Contains("Léonie Perrinscope", page.Text("#points"), StringComparison.Ordinal);
        Assert.DoesNotContain("Autrescope", page.Text("#points"), StringComparison.Ordinal);

        // The outsider (not invited) sees nothing; the presenter sees the item of their situation only.
        await AssertItemAsync(outsiderClient, itemA, HttpStatusCode.NotFound, "membre non invité");
        await AssertItemAsync(presenterClient, itemA, HttpStatusCode.OK, "présentateur, sa situation");
        await AssertItemAsync(presenterClient, itemB, HttpStatusCode.NotFound, "présentateur, autre situation");

        // Roles outside the commission see no item at all.
        foreach (var role in new[] { Roles.EquipeMobile, Roles.Observatoire, Roles.Dpo, Roles.Administrateur })
        {
            var client = await factory.LoginAsync(role);
            var response = await client.GetAsync($"/commission/points/{itemA}");
            Assert.True(response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound, $"{role} → {(int)response.StatusCode}");
        }

        // Minutes locked: members keep reading for the configured delay, then lose the item.
        var days = factory.Services.GetRequiredService<IOptions<CommissionOptions>>().Value.MemberAccessDaysAfterClosure;
        await CommissionFixtures.UpdateSessionAsync(factory, session, s => s.MinutesClosedAt = factory.Clock.GetUtcNow().UtcDateTime);
        factory.Clock.Advance(TimeSpan.FromDays(days) - TimeSpan.FromHours(1));
        memberClient = await factory.LoginAsync(member);
        await AssertItemAsync(memberClient, itemA, HttpStatusCode.OK, "membre dans le délai après clôture");
        factory.Clock.Advance(TimeSpan.FromHours(2));
        memberClient = await factory.LoginAsync(member);
        await AssertItemAsync(memberClient, itemA, HttpStatusCode.NotFound, "membre après le délai");
        await AssertItemAsync(await factory.LoginAsync(presenter), itemA, HttpStatusCode.OK, "le présentateur garde sa situation");
    }

    [Fact]
    public async Task A_cancelled_session_shows_no_item_even_to_an_invited_member_who_accepted()
    {
        var org = await factory.CreateOrganisationAsync();
        var situation = await SituationFixtures.OpenAsync(factory, org, "Annulscope", "Inès", new DateOnly(2011, 7, 9));
        var member = await factory.CreateUserAsync(Roles.MembreCommission);
        await CommissionFixtures.EnsureCommitmentAsync(factory);
        var session = await CommissionFixtures.SessionAsync(factory, inDays: 3, published: true);
        var item = await CommissionFixtures.ItemAsync(factory, session, situation, 1);
        await CommissionFixtures.InviteAsync(factory, session, member);
        var client = await factory.LoginAsync(member);
        Assert.Equal(HttpStatusCode.Redirect, (await Pages.PostFormAsync(client, $"/commission/seances/{session}/engagement", new())).StatusCode);
        await AssertItemAsync(client, item, HttpStatusCode.OK, "membre, séance planifiée");

        await CommissionFixtures.UpdateSessionAsync(factory, session, s => s.Status = SessionStatus.Annulee);
        await AssertItemAsync(client, item, HttpStatusCode.NotFound, "membre, séance annulée");
    }

    [Fact]
    public async Task Only_an_invited_member_may_accept_the_commitment()
    {
        await CommissionFixtures.EnsureCommitmentAsync(factory);
        var session = await CommissionFixtures.SessionAsync(factory, inDays: 5, published: true);
        var presenter = await factory.CreateUserAsync(Roles.Professionnel);
        await CommissionFixtures.InviteAsync(factory, session, presenter, InvitationRole.Presentateur);
        var client = await factory.LoginAsync(presenter);
        var page = await Pages.GetDocumentAsync(client, $"/commission/seances/{session}/engagement");
        Assert.Null(page.QuerySelector("#accepter"));
        var response = await Pages.PostFormAsync(client, $"/commission/seances/{session}/engagement", new());
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.False(await factory.WithDbAsync(db => db.CommitmentAcceptances.AnyAsync(a => a.SessionId == session)));
    }
}
