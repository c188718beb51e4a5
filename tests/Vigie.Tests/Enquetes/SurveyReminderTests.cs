using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Vigie.Tests.Infrastructure;
using Vigie.Tests.Notifications;
using Vigie.Web.Features.Compte;
using Vigie.Web.Features.Enquetes;
using Vigie.Web.Features.Notifications;
using Vigie.Web.Platform.Audit;

namespace Vigie.Tests.Enquetes;

/// <summary>
/// Reminders to the services that have not answered: the automatic one before the closing day (run by
/// the test on the fake clock, as the background job would) and Coordination's "relancer". E-mails go
/// to the pickup folder and carry only the link.
/// </summary>
public sealed class SurveyReminderTests(MailFolderFactory factory) : IClassFixture<MailFolderFactory>
{
    private Task<int> RunAsync() => factory.WithScopeAsync(sp => sp.GetRequiredService<SurveyReminders>().RunOnceAsync());

    private Task<List<string>> KindsForAsync(string userId, Guid campaign) =>
        factory.WithDbAsync(db => db.Notifications.Where(n => n.UserId == userId && n.Link == $"/enquetes/{campaign}/reponse")
            .OrderBy(n => n.CreatedAt).Select(n => n.Kind).ToListAsync());

    [Fact]
    public async Task The_automatic_reminder_goes_once_seven_days_before_closing_to_services_that_have_not_submitted()
    {
        var silent = await SurveyFixtures.OrganisationAsync(factory, "ASE Silencieuse");
        var drafting = await SurveyFixtures.OrganisationAsync(factory, "ASE En brouillon");
        var done = await SurveyFixtures.OrganisationAsync(factory, "ASE A répondu");
        var silentUser = await factory.CreateUserAsync(Roles.Professionnel, organisationId: silent);
        var draftingUser = await factory.CreateUserAsync(Roles.Professionnel, organisationId: drafting);
        var doneUser = await factory.CreateUserAsync(Roles.Professionnel, organisationId: done);
        var campaign = await SurveyFixtures.CampaignAsync(factory, 2021, [silent, drafting, done], closesInDays: 10);
        await SurveyFixtures.AnswerAsync(factory, campaign, drafting, 4, 1, 0, submit: false);
        await SurveyFixtures.AnswerAsync(factory, campaign, done, 9, 2, 1);

        Assert.Equal(0, await RunAsync()); // ten days before closing: too early

        factory.Clock.Advance(TimeSpan.FromDays(3)); // seven days before (ReminderDaysBeforeClosing = 7)
        Assert.Equal(2, await RunAsync());
        Assert.Equal(0, await RunAsync()); // never twice

        Assert.Equal([NotificationKind.SurveyReminder], await KindsForAsync(silentUser.Id, campaign));
        Assert.Equal([NotificationKind.SurveyReminder], await KindsForAsync(draftingUser.Id, campaign));
        Assert.Empty(await KindsForAsync(doneUser.Id, campaign));
        Assert.NotNull(await factory.WithDbAsync(db => db.SurveyRecipients.Where(r => r.CampaignId == campaign && r.OrganisationId == silent).Select(r => r.AutoRemindedAt).SingleAsync()));

        // The e-mail gives the link and nothing else: no service name, no figure.
        var mail = Assert.Single(factory.MailsTo(silentUser.Email));
        Assert.Contains($"/enquetes/{campaign}/reponse", mail.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("Silencieuse", mail.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("2021", mail.Subject, StringComparison.Ordinal);
        Assert.Empty(factory.MailsTo(doneUser.Email));
    }

    [Fact]
    public async Task Draft_closed_and_past_campaigns_are_not_reminded()
    {
        var org = await SurveyFixtures.OrganisationAsync(factory, "ASE Pas de rappel");
        var user = await factory.CreateUserAsync(Roles.Professionnel, organisationId: org);
        var draft = await SurveyFixtures.CampaignAsync(factory, 2022, [org], closesInDays: 3, open: false);
        var closed = await SurveyFixtures.CampaignAsync(factory, 2023, [org], closesInDays: 3);
        await factory.WithDbAsync(async db =>
        {
            var c = await db.SurveyCampaigns.SingleAsync(x => x.Id == closed);
            c.Close(factory.Clock.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync();
        });
        var past = await SurveyFixtures.CampaignAsync(factory, 2024, [org], closesInDays: -1, opensInDays: -20);

        await RunAsync();

        foreach (var campaign in new[] { draft, closed, past })
        {
            Assert.Empty(await KindsForAsync(user.Id, campaign));
        }
    }

    [Fact]
    public async Task Coordination_relaunches_the_services_without_a_submitted_answer_and_the_date_is_shown()
    {
        var late = await SurveyFixtures.OrganisationAsync(factory, "ASE À relancer");
        var done = await SurveyFixtures.OrganisationAsync(factory, "ASE À jour");
        var lateUser = await factory.CreateUserAsync(Roles.Professionnel, organisationId: late);
        var doneUser = await factory.CreateUserAsync(Roles.Professionnel, organisationId: done);
        var campaign = await SurveyFixtures.CampaignAsync(factory, 2025, [late, done], closesInDays: 40);
        await SurveyFixtures.AnswerAsync(factory, campaign, done, 3, 1, 1);
        var coordination = await factory.LoginAsync(Roles.Coordination);

        var response = await Pages.PostFormAsync(coordination, $"/enquetes/{campaign}", [], "Remind");

        Assert.Equal(System.Net.HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal([NotificationKind.SurveyReminder], await KindsForAsync(lateUser.Id, campaign));
        Assert.Empty(await KindsForAsync(doneUser.Id, campaign));
        Assert.Single(factory.MailsTo(lateUser.Email));
        var page = await Pages.GetDocumentAsync(coordination, $"/enquetes/{campaign}");
        Assert.Contains("1 service(s) relancé(s)", page.Text("[role=status]"), StringComparison.Ordinal);
        var row = page.QuerySelectorAll("#services-table tbody tr").Single(r => r.TextContent.Contains("ASE À relancer", StringComparison.Ordinal));
        Assert.Contains("relancé le", row.TextContent, StringComparison.Ordinal);
        Assert.True(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == AuditAction.SurveyReminded && e.RecordId == campaign.ToString())));
    }
}
