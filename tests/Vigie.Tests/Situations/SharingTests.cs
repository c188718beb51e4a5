using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Vigie.Tests.Infrastructure;
using Vigie.Tests.Notifications;
using Vigie.Web.Features.Compte;
using Vigie.Web.Features.Notifications;
using Vigie.Web.Features.Situations;
using Vigie.Web.Platform.Audit;
using Vigie.Web.Platform.Crypto;

namespace Vigie.Tests.Situations;

public sealed class SharingTests(MailFolderFactory factory) : IClassFixture<MailFolderFactory>
{
    private sealed record Setup(Guid Situation, TestUser Referent, HttpClient ReferentClient, TestUser Partner, Guid PartnerOrganisation, string PartnerOrganisationName);

    /// <summary>A situation of organisation A, its referent professionnel logged in, and a professionnel of organisation B.</summary>
    private async Task<Setup> ArrangeAsync(string lastName)
    {
        var orgA = await factory.CreateOrganisationAsync();
        var partnerOrganisation = $"Prévention spécialisée {Guid.NewGuid():N}";
        var orgB = await factory.CreateOrganisationAsync(partnerOrganisation);
        var referent = await factory.CreateUserAsync(Roles.Professionnel, organisationId: orgA);
        var partner = await factory.CreateUserAsync(Roles.Professionnel, organisationId: orgB);
        var id = await SituationFixtures.OpenAsync(factory, orgA, lastName, "Jade", new DateOnly(2010, 2, 3));
        return new Setup(id, referent, await factory.LoginAsync(referent), partner, orgB, partnerOrganisation);
    }

    private static Task<HttpResponseMessage> ShareAsync(HttpClient client, Guid id, string userId, string reason) =>
        Pages.PostFormAsync(client, $"/situations/{id}/partage", new() { ["Input.UserId"] = userId, ["Input.Reason"] = reason }, handler: "Share");

    [Fact]
    public async Task Sharing_opens_the_situation_to_the_assignee_who_is_notified_by_a_mail_without_personal_data()
    {
        const string canary = "Canaripartage";
        const string reason = "Suivi éducatif commun avec la prévention spécialisée du quartier";
        var s = await ArrangeAsync(canary);
        var partnerClient = await factory.LoginAsync(s.Partner);
        await Pages.GetDocumentAsync(partnerClient, $"/situations/{s.Situation}", HttpStatusCode.NotFound);

        // The referent finds the partner by part of their e-mail address, typed in capitals.
        var search = await Pages.GetDocumentAsync(s.ReferentClient, $"/situations/{s.Situation}/partage?q={Uri.EscapeDataString(s.Partner.Email[..12].ToUpperInvariant())}");
        var choice = search.QuerySelector($"input[name='Input.UserId'][value='{s.Partner.Id}']");
        Assert.NotNull(choice);
        Assert.Contains(s.PartnerOrganisationName, search.Text("fieldset"), StringComparison.Ordinal);

        var shared = await ShareAsync(s.ReferentClient, s.Situation, s.Partner.Id, reason);
        Assert.Equal(HttpStatusCode.Redirect, shared.StatusCode);

        var page = await Pages.GetDocumentAsync(partnerClient, $"/situations/{s.Situation}");
        Assert.Contains("Situation partagée avec vous", page.Text("#reach"), StringComparison.Ordinal);
        var list = await Pages.GetDocumentAsync(partnerClient, "/situations");
        Assert.NotNull(list.QuerySelector($"a[href='/situations/{s.Situation}']"));

        // The sharing page lists who, from where, why, by whom; the partner may read it but not share further.
        var sharing = await Pages.GetDocumentAsync(partnerClient, $"/situations/{s.Situation}/partage");
        var row = sharing.Text("section[aria-labelledby='partages-en-cours'] tbody tr");
        Assert.Contains(reason, row, StringComparison.Ordinal);
        Assert.Contains(s.PartnerOrganisationName, row, StringComparison.Ordinal);
        Assert.Null(sharing.QuerySelector("form[action*='handler=Share']"));

        // In-app notification, in the menu and on the list.
        var home = await Pages.GetDocumentAsync(partnerClient, "/");
        Assert.StartsWith("1", home.Text("#unread-count"), StringComparison.Ordinal);
        var notifications = await Pages.GetDocumentAsync(partnerClient, "/notifications");
        Assert.Contains("Une situation a été partagée avec vous.", notifications.Text(".notification--unread"), StringComparison.Ordinal);

        // One e-mail, to the partner, that says an action waits and links to the situation, nothing else.
        var mail = Assert.Single(factory.MailsTo(s.Partner.Email));
        Assert.Equal(Notifier.Subject, mail.Subject);
        Assert.Contains("Une action vous attend dans Vigie.", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains($"https://vigie.metropole.test/situations/{s.Situation}", mail.TextBody, StringComparison.Ordinal);
        foreach (var secret in new[] { canary, "Jade", reason, "2010" })
        {
            Assert.DoesNotContain(secret, mail.TextBody, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(secret, mail.Subject, StringComparison.OrdinalIgnoreCase);
        }

        Assert.All(factory.Mails(), raw => Assert.DoesNotContain(canary, raw, StringComparison.OrdinalIgnoreCase));

        var stored = await factory.WithDbAsync(db => db.SituationAssignments.AsNoTracking().SingleAsync(a => a.SituationId == s.Situation));
        Assert.DoesNotContain("éducatif", stored.ReasonEncrypted, StringComparison.Ordinal);
        Assert.Equal(reason, factory.Services.GetRequiredService<FieldCipher>().Decrypt(stored.ReasonEncrypted, SituationAssignment.ReasonPurpose));
        Assert.Equal(s.Referent.Id, stored.AssignedById);
        var notification = await factory.WithDbAsync(db => db.Notifications.AsNoTracking().SingleAsync(n => n.UserId == s.Partner.Id));
        Assert.NotNull(notification.EmailedAt);
        Assert.Equal($"/situations/{s.Situation}", notification.Link);
        var events = await factory.WithDbAsync(db => db.SituationEvents.Where(e => e.SituationId == s.Situation).Select(e => new { e.Kind, e.Detail }).ToListAsync());
        Assert.Contains(events, e => e.Kind == SituationEventKind.Assigned && e.Detail == s.PartnerOrganisation.ToString());
        Assert.True(await AuditedAsync(AuditAction.SituationShared, s.Referent.Id, s.Situation));
    }

    [Fact]
    public async Task Ending_a_share_takes_the_access_back()
    {
        var s = await ArrangeAsync("Canarifin");
        Assert.Equal(HttpStatusCode.Redirect, (await ShareAsync(s.ReferentClient, s.Situation, s.Partner.Id, "Accompagnement vers le soin")).StatusCode);
        var partnerClient = await factory.LoginAsync(s.Partner);
        await Pages.GetDocumentAsync(partnerClient, $"/situations/{s.Situation}");
        var assignment = await factory.WithDbAsync(db => db.SituationAssignments.Where(a => a.SituationId == s.Situation).Select(a => a.Id).SingleAsync());

        var ended = await Pages.PostFormAsync(s.ReferentClient, $"/situations/{s.Situation}/partage", new() { ["assignment"] = assignment.ToString() }, handler: "End");

        Assert.Equal(HttpStatusCode.Redirect, ended.StatusCode);
        await Pages.GetDocumentAsync(partnerClient, $"/situations/{s.Situation}", HttpStatusCode.NotFound);
        await Pages.GetDocumentAsync(partnerClient, $"/situations/{s.Situation}/partage", HttpStatusCode.NotFound);
        var sharing = await Pages.GetDocumentAsync(s.ReferentClient, $"/situations/{s.Situation}/partage");
        Assert.Contains("Accompagnement vers le soin", sharing.Text("section[aria-labelledby='partages-termines']"), StringComparison.Ordinal);
        var stored = await factory.WithDbAsync(db => db.SituationAssignments.AsNoTracking().SingleAsync(a => a.Id == assignment));
        Assert.Equal(s.Referent.Id, stored.EndedById);
        Assert.True(await factory.WithDbAsync(db => db.SituationEvents.AnyAsync(e => e.SituationId == s.Situation && e.Kind == SituationEventKind.AssignmentEnded)));
        Assert.True(await AuditedAsync(AuditAction.SituationShareEnded, s.Referent.Id, s.Situation));
    }

    [Fact]
    public async Task A_share_needs_a_person_and_a_reason_and_keeps_what_was_typed()
    {
        var s = await ArrangeAsync("Canarimotif");

        var noReason = await Pages.ParseAsync(await ShareAsync(s.ReferentClient, s.Situation, s.Partner.Id, "   "));
        Assert.Contains("Indiquez le motif du partage.", noReason.Text("#Input_Reason-error"), StringComparison.Ordinal);
        Assert.Equal("true", noReason.QuerySelector("#Input_Reason")!.GetAttribute("aria-invalid"));
        // The chosen person is still chosen.
        Assert.NotNull(noReason.QuerySelector($"input[name='Input.UserId'][value='{s.Partner.Id}'][checked]"));

        var noPerson = await Pages.ParseAsync(await ShareAsync(s.ReferentClient, s.Situation, "", "Orientation vers le CPEF"));
        Assert.Contains("Choisissez le professionnel", noPerson.Text("#Input_UserId-error"), StringComparison.Ordinal);
        Assert.Equal("Orientation vers le CPEF", noPerson.QuerySelector("#Input_Reason")!.TextContent);

        var tooLong = await Pages.ParseAsync(await ShareAsync(s.ReferentClient, s.Situation, s.Partner.Id, new string('x', 1001)));
        Assert.Contains("1 000 caractères au plus", tooLong.Text("#Input_Reason-error").Replace('\u202f', ' ').Replace('\u00a0', ' '), StringComparison.Ordinal);

        // A colleague of the referent organisation, or a Coordination account, is not a share target.
        var colleague = await factory.CreateUserAsync(Roles.Professionnel, organisationId: await OrganisationOfAsync(s.Referent));
        var coordination = await factory.CreateUserAsync(Roles.Coordination);
        foreach (var target in new[] { colleague, coordination })
        {
            var refused = await Pages.ParseAsync(await ShareAsync(s.ReferentClient, s.Situation, target.Id, "Motif valable"));
            Assert.Contains("ne peut pas recevoir de partage", refused.Text("#Input_UserId-error"), StringComparison.Ordinal);
        }

        Assert.False(await factory.WithDbAsync(db => db.SituationAssignments.AnyAsync(a => a.SituationId == s.Situation)));
    }

    [Fact]
    public async Task Only_coordination_and_the_referent_organisation_may_share()
    {
        var s = await ArrangeAsync("Canaridroits");
        var third = await factory.CreateUserAsync(Roles.Professionnel, organisationId: s.PartnerOrganisation);
        Assert.Equal(HttpStatusCode.Redirect, (await ShareAsync(s.ReferentClient, s.Situation, s.Partner.Id, "Suivi conjoint")).StatusCode);

        // The assignee sees the page without the form, and a POST of theirs is refused (403: they know the situation exists).
        var partnerClient = await factory.LoginAsync(s.Partner);
        var token = await Pages.TokenAsync(partnerClient, $"/situations/{s.Situation}/partage");
        var reshare = await Pages.PostAsync(partnerClient, $"/situations/{s.Situation}/partage",
            new() { ["Input.UserId"] = third.Id, ["Input.Reason"] = "Je transmets" }, token, "Share");
        Assert.Equal(HttpStatusCode.Forbidden, reshare.StatusCode);
        Assert.True(await AuditedAsync(AuditAction.SituationShared, s.Partner.Id, s.Situation, AuditOutcome.Denied));

        // A professionnel with no access: the situation does not exist (404), for the page and the POST.
        var outsider = await factory.LoginAsync(Roles.Professionnel);
        await Pages.GetDocumentAsync(outsider, $"/situations/{s.Situation}/partage", HttpStatusCode.NotFound);
        var outsiderToken = await Pages.TokenAsync(outsider, "/situations");
        var blind = await Pages.PostAsync(outsider, $"/situations/{s.Situation}/partage",
            new() { ["Input.UserId"] = third.Id, ["Input.Reason"] = "Intrusion" }, outsiderToken, "Share");
        Assert.Equal(HttpStatusCode.NotFound, blind.StatusCode);

        // Coordination may share any situation.
        var coordination = await factory.LoginAsync(Roles.Coordination);
        Assert.Equal(HttpStatusCode.Redirect, (await ShareAsync(coordination, s.Situation, third.Id, "Décision de la commission")).StatusCode);
        var active = await factory.WithDbAsync(db => db.SituationAssignments.Where(a => a.SituationId == s.Situation && a.EndedAt == null).Select(a => a.UserId).ToListAsync());
        Assert.Equal(new[] { s.Partner.Id, third.Id }.Order(StringComparer.Ordinal), active.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Notifications_are_marked_read_one_by_one_or_all_at_once()
    {
        var user = await factory.CreateUserAsync(Roles.Professionnel);
        await factory.WithScopeAsync(async sp =>
        {
            var notifier = sp.GetRequiredService<INotifier>();
            await notifier.NotifyAsync([user.Id], NotificationKind.SituationShared, "/situations");
            await notifier.NotifyAsync([user.Id], NotificationKind.EmergencyAccess, "/situations");
            await notifier.NotifyAsync([user.Id], NotificationKind.SituationShared, "/notifications");
            return true;
        });
        var client = await factory.LoginAsync(user);
        var page = await Pages.GetDocumentAsync(client, "/notifications");
        Assert.Equal(3, page.QuerySelectorAll(".notification--unread").Length);
        Assert.StartsWith("3", page.Text("#unread-count"), StringComparison.Ordinal);
        var ids = page.QuerySelectorAll("form[action*='handler=Read'] input[name=notification]").Select(i => i.GetAttribute("value")!).ToList();
        Assert.Equal(3, ids.Count);

        var read = await Pages.PostFormAsync(client, "/notifications", new() { ["notification"] = ids[0] }, handler: "Read");
        Assert.Equal(HttpStatusCode.Redirect, read.StatusCode);
        var opened = await Pages.PostFormAsync(client, "/notifications", new() { ["notification"] = ids[1] }, handler: "Open");
        Assert.Equal(HttpStatusCode.Redirect, opened.StatusCode);
        Assert.StartsWith("/situations", opened.Headers.Location!.OriginalString, StringComparison.Ordinal);
        page = await Pages.GetDocumentAsync(client, "/notifications");
        Assert.Single(page.QuerySelectorAll(".notification--unread"));

        await Pages.PostFormAsync(client, "/notifications", [], handler: "ReadAll");
        page = await Pages.GetDocumentAsync(client, "/notifications");
        Assert.Empty(page.QuerySelectorAll(".notification--unread"));
        Assert.Null(page.QuerySelector("#unread-count"));
        Assert.Equal(3, page.QuerySelectorAll(".notification").Length);

        // Someone else's notification cannot be opened or marked.
        var other = await factory.LoginAsync(Roles.Dpo);
        var token = await Pages.TokenAsync(other, "/notifications");
        Assert.Equal(HttpStatusCode.NotFound, (await Pages.PostAsync(other, "/notifications", new() { ["notification"] = ids[2] }, token, "Open")).StatusCode);
    }

    private Task<Guid> OrganisationOfAsync(TestUser user) =>
        factory.WithDbAsync(db => db.Users.Where(u => u.Id == user.Id).Select(u => u.OrganisationId).SingleAsync());

    private Task<bool> AuditedAsync(string action, string actorId, Guid situation, AuditOutcome outcome = AuditOutcome.Success) =>
        factory.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == action && e.ActorId == actorId && e.RecordId == situation.ToString() && e.Outcome == outcome));
}
