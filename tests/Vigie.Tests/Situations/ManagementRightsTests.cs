using System.Net;
using Microsoft.EntityFrameworkCore;
using Vigie.Tests.Infrastructure;
using Vigie.Web.Features.Compte;
using Vigie.Web.Features.Situations;

namespace Vigie.Tests.Situations;

/// <summary>Closing, reopening and correcting the identity belong to Coordination and the referent organisation.</summary>
public sealed class ManagementRightsTests(VigieFactory factory) : IClassFixture<VigieFactory>
{
    [Fact]
    public async Task A_professional_reaching_a_situation_by_share_or_emergency_access_reads_it_but_cannot_close_it_or_correct_the_identity()
    {
        var referent = await factory.CreateOrganisationAsync();
        var id = await SituationFixtures.OpenAsync(factory, referent, "Fontaine", "Jade", new DateOnly(2010, 6, 7));
        var assignee = await factory.CreateUserAsync(Roles.Professionnel);
        var emergency = await factory.CreateUserAsync(Roles.Professionnel);
        var now = factory.Clock.GetUtcNow().UtcDateTime;
        await factory.WithDbAsync(async db =>
        {
            db.SituationAssignments.Add(new SituationAssignment { SituationId = id, UserId = assignee.Id, ReasonEncrypted = "x", AssignedAt = now, AssignedById = "fixture" });
            db.EmergencyAccesses.Add(new EmergencyAccess { SituationId = id, UserId = emergency.Id, JustificationEncrypted = "x", GrantedAt = now, ExpiresAt = now.AddHours(24) });
            await db.SaveChangesAsync();
        });

        foreach (var user in new[] { assignee, emergency })
        {
            var client = await factory.LoginAsync(user);
            var page = await Pages.GetDocumentAsync(client, $"/situations/{id}");
            Assert.Equal("Jade Fontaine", page.Text("h1"));
            Assert.Null(page.QuerySelector("form[action*='handler=Close'], .danger-zone"));
            Assert.Null(page.QuerySelector($"a[href='/situations/{id}/identite']"));
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/situations/{id}/identite")).StatusCode);

            var token = await Pages.TokenAsync(client, "/situations/nouvelle");
            var close = await Pages.PostAsync(client, $"/situations/{id}", new() { ["Reason"] = "Majorite" }, token, handler: "Close");
            Assert.Equal(HttpStatusCode.Forbidden, close.StatusCode);
        }

        // An emergency access reads the steps but does not record any; a share contributes.
        var reader = await factory.LoginAsync(emergency);
        var steps = await Pages.GetDocumentAsync(reader, $"/situations/{id}/etapes");
        Assert.NotNull(steps.QuerySelector("#read-only-notice"));
        Assert.Empty(steps.QuerySelectorAll("main form"));
        var readerToken = await Pages.TokenAsync(reader, "/situations/nouvelle");
        var step = new Dictionary<string, string> { ["Input.Kind"] = "Opp", ["Input.OccurredAt"] = factory.Clock.GetUtcNow().AddHours(-1).ToString("yyyy-MM-ddTHH:mm") };
        Assert.Equal(HttpStatusCode.Forbidden, (await Pages.PostAsync(reader, $"/situations/{id}/etapes", step, readerToken)).StatusCode);
        var contributor = await Pages.GetDocumentAsync(await factory.LoginAsync(assignee), $"/situations/{id}/etapes");
        Assert.Null(contributor.QuerySelector("#read-only-notice"));
        Assert.NotEmpty(contributor.QuerySelectorAll("main form"));

        // The same for the trame: read, not changed, by an emergency access; filled in by a share.
        var trame = await Pages.GetDocumentAsync(reader, $"/situations/{id}/trame/reperage");
        Assert.NotNull(trame.QuerySelector("#read-only-notice"));
        Assert.Null(trame.QuerySelector("main form button[type=submit]"));
        var refused = await Pages.ParseAsync(await Pages.PostAsync(reader, $"/situations/{id}/trame/reperage", new() { ["reperage.faits"] = "x" }, readerToken));
        Assert.Contains("Accès d'urgence", refused.Text("#form-errors"), StringComparison.Ordinal);
        Assert.Equal(0, await factory.WithDbAsync(db => db.TrameDrafts.CountAsync(d => d.SituationId == id)));
        var assigneeTrame = await Pages.GetDocumentAsync(await factory.LoginAsync(assignee), $"/situations/{id}/trame/reperage");
        Assert.Null(assigneeTrame.QuerySelector("#read-only-notice"));
        Assert.NotNull(assigneeTrame.QuerySelector("main form button[type=submit]"));

        Assert.Equal(SituationStatus.Reperee, await factory.WithDbAsync(db => db.Situations.Where(s => s.Id == id).Select(s => s.Status).SingleAsync()));

        var own = await factory.LoginAsync(await factory.CreateUserAsync(Roles.Professionnel, organisationId: referent));
        var mine = await Pages.GetDocumentAsync(own, $"/situations/{id}");
        Assert.NotNull(mine.QuerySelector(".danger-zone"));
        Assert.Equal(HttpStatusCode.OK, (await own.GetAsync($"/situations/{id}/identite")).StatusCode);
    }
}
