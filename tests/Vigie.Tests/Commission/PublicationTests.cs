using System.Net;
using Microsoft.EntityFrameworkCore;
using Vigie.Tests.Infrastructure;
using Vigie.Tests.Situations;
using Vigie.Web.Features.Commission;
using Vigie.Web.Features.Commission.Commitment;
using Vigie.Web.Features.Compte;
using Vigie.Web.Features.Notifications;
using Vigie.Web.Platform.Audit;

namespace Vigie.Tests.Commission;

/// <summary>Publishing an agenda: not before a commitment version exists; then audited and announced to the invited.</summary>
public sealed class PublicationTests(VigieFactory factory) : IClassFixture<VigieFactory>
{
    [Fact]
    public async Task An_agenda_is_published_once_a_commitment_exists_and_the_invited_are_notified()
    {
        var coordinationUser = await factory.CreateUserAsync(Roles.Coordination);
        var coordination = await factory.LoginAsync(coordinationUser);
        var org = await factory.CreateOrganisationAsync();
        var situation = await SituationFixtures.OpenAsync(factory, org, "Publiee", "Sara", new DateOnly(2010, 4, 4));
        var member = await factory.CreateUserAsync(Roles.MembreCommission);
        var presenter = await factory.CreateUserAsync(Roles.Professionnel, organisationId: org);
        var session = await CommissionFixtures.SessionAsync(factory, inDays: 9);
        await CommissionFixtures.InviteAsync(factory, session, member);
        await CommissionFixtures.InviteAsync(factory, session, presenter, InvitationRole.Presentateur);

        // Empty agenda, no commitment: refused, each with its reason.
        var response = await Pages.PostFormAsync(coordination, $"/commission/seances/{session}", new(), "Publish");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("engagement de confidentialité", (await Pages.ParseAsync(response)).Text("#form-errors"), StringComparison.Ordinal);

        // The commitment page proposes a default text; Coordination publishes version 1.
        var commitment = await Pages.GetDocumentAsync(coordination, "/commission/engagement");
        Assert.NotNull(commitment.QuerySelector("#aucune-version"));
        Assert.Contains("secret", commitment.Text("#Text"), StringComparison.Ordinal);
        response = await Pages.PostFormAsync(coordination, "/commission/engagement", new() { ["Text"] = "" });
        Assert.Contains("texte", (await Pages.ParseAsync(response)).Text("#Text-error"), StringComparison.Ordinal);
        response = await Pages.PostFormAsync(coordination, "/commission/engagement", new() { ["Text"] = CommitmentText.Default });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(1, await factory.WithDbAsync(db => db.ConfidentialityCommitments.MaxAsync(c => c.Version)));

        response = await Pages.PostFormAsync(coordination, $"/commission/seances/{session}", new(), "Publish");
        Assert.Contains("vide", (await Pages.ParseAsync(response)).Text("#form-errors"), StringComparison.Ordinal);

        await CommissionFixtures.ItemAsync(factory, session, situation, 1, presenter.Id);
        response = await Pages.PostFormAsync(coordination, $"/commission/seances/{session}", new(), "Publish");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var published = await factory.WithDbAsync(db => db.CommissionSessions.SingleAsync(s => s.Id == session));
        Assert.NotNull(published.AgendaPublishedAt);
        Assert.Equal(coordinationUser.Id, published.AgendaPublishedById);
        Assert.True(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == AuditAction.AgendaPublished && e.RecordId == session.ToString())));
        foreach (var invited in new[] { member, presenter })
        {
            Assert.True(await factory.WithDbAsync(db => db.Notifications.AnyAsync(n => n.UserId == invited.Id && n.Kind == NotificationKind.CommissionAgendaPublished
                && n.Link == $"/commission/seances/{session}")));
        }

        // After publication, a non-urgent item may not be removed; the page says urgent items only may be added.
        var item = await factory.WithDbAsync(db => db.AgendaItems.Where(i => i.SessionId == session).Select(i => i.Id).SingleAsync());
        response = await Pages.PostFormAsync(coordination, $"/commission/seances/{session}", new() { ["item"] = item.ToString() }, "RemoveItem");
        Assert.Contains("publié", (await Pages.ParseAsync(response)).Text("#form-errors"), StringComparison.Ordinal);
        var other = await SituationFixtures.OpenAsync(factory, org, "Tardive", "Zoé", new DateOnly(2011, 4, 4));
        response = await Pages.PostFormAsync(coordination, $"/situations/{other}/commission", new() { ["SessionId"] = session.ToString() }, "Enrol");
        Assert.Contains("urgentes", (await Pages.ParseAsync(response)).Text("#SessionId-error"), StringComparison.Ordinal);
        response = await Pages.PostFormAsync(coordination, $"/situations/{other}/commission", new() { ["SessionId"] = session.ToString(), ["DirectUrgent"] = "true" }, "Enrol");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }
}
