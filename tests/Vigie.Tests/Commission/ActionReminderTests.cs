using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Vigie.Tests.Notifications;
using Vigie.Tests.Situations;
using Vigie.Web.Features.Commission;
using Vigie.Web.Features.Commission.Actions;
using Vigie.Web.Features.Compte;
using Vigie.Web.Features.Notifications;

namespace Vigie.Tests.Commission;

public sealed class ActionReminderTests(MailFolderFactory factory) : IClassFixture<MailFolderFactory>
{
    private Task<int> RunAsync() =>
        factory.WithScopeAsync(sp => sp.GetRequiredService<ActionReminders>().RunOnceAsync());

    private Task<List<string>> KindsForAsync(string userId, Guid action) =>
        factory.WithDbAsync(db => db.Notifications.Where(n => n.UserId == userId && n.Link == $"/actions/{action}")
            .OrderBy(n => n.CreatedAt).Select(n => n.Kind).ToListAsync());

    private async Task<(Guid Action, Guid Organisation, string OwnerId, string OwnerEmail)> ActionAsync(int dueInDays, bool owned = true)
    {
        var org = await factory.CreateOrganisationAsync();
        var owner = await factory.CreateUserAsync(Roles.Professionnel, organisationId: org);
        var situation = await SituationFixtures.OpenAsync(factory, org, "Mercier", "Inaya", new DateOnly(2011, 3, 4));
        var session = await ActionFixtures.SessionAsync(factory, factory.Clock.GetUtcNow().UtcDateTime.AddDays(-1));
        var item = await ActionFixtures.ItemAsync(factory, session, situation);
        var action = await ActionFixtures.ActionAsync(factory, session, item, situation, org, owned ? owner.Id : null,
            ActionFixtures.ParisToday(factory).AddDays(dueInDays), description: "Appeler le foyer de Villeurbanne");
        return (action, org, owner.Id, owner.Email);
    }

    [Fact]
    public async Task One_reminder_inside_the_window_none_before_none_twice_then_one_when_overdue()
    {
        var (action, _, owner, email) = await ActionAsync(dueInDays: 10);

        await RunAsync();
        Assert.Empty(await KindsForAsync(owner, action)); // 10 days ahead: before the 7-day window

        factory.Clock.Advance(TimeSpan.FromDays(3)); // now 7 days before
        await RunAsync();
        Assert.Equal([NotificationKind.ActionDueSoon], await KindsForAsync(owner, action));
        Assert.NotNull((await ActionFixtures.ReadActionAsync(factory, action)).ReminderBeforeSentAt);

        factory.Clock.Advance(TimeSpan.FromHours(5));
        await RunAsync();
        Assert.Single(await KindsForAsync(owner, action)); // not a second time

        factory.Clock.Advance(TimeSpan.FromDays(7)); // the due day itself: not yet late
        await RunAsync();
        Assert.Single(await KindsForAsync(owner, action));

        factory.Clock.Advance(TimeSpan.FromDays(1)); // one day after (ActionReminderDaysAfter = 1)
        await RunAsync();
        await RunAsync();
        Assert.Equal([NotificationKind.ActionDueSoon, NotificationKind.ActionOverdue], await KindsForAsync(owner, action));

        // The e-mails say nothing of the case: no name, no description, only the link.
        var mails = factory.MailsTo(email);
        Assert.Equal(2, mails.Count);
        foreach (var mail in mails)
        {
            Assert.Contains($"/actions/{action}", mail.TextBody, StringComparison.Ordinal);
            foreach (var secret in new[] { "Inaya", "Mercier", "Villeurbanne", "foyer" })
            {
                Assert.DoesNotContain(secret, mail.TextBody, StringComparison.OrdinalIgnoreCase);
                Assert.DoesNotContain(secret, mail.Subject, StringComparison.OrdinalIgnoreCase);
            }
        }
    }

    [Fact]
    public async Task A_closed_action_is_never_reminded()
    {
        var (action, _, owner, _) = await ActionAsync(dueInDays: 2);
        await factory.WithDbAsync(db => db.CommissionActions.Where(a => a.Id == action)
            .ExecuteUpdateAsync(u => u.SetProperty(a => a.Status, ActionStatus.Faite).SetProperty(a => a.ClosedAt, factory.Clock.GetUtcNow().UtcDateTime)));

        await RunAsync();
        factory.Clock.Advance(TimeSpan.FromDays(5));
        await RunAsync();

        Assert.Empty(await KindsForAsync(owner, action));
        var stored = await ActionFixtures.ReadActionAsync(factory, action);
        Assert.Null(stored.ReminderBeforeSentAt);
        Assert.Null(stored.ReminderAfterSentAt);
    }

    [Fact]
    public async Task Without_an_owner_Coordination_is_reminded_and_an_action_already_late_gets_only_the_overdue_reminder()
    {
        var coordination = await factory.CreateUserAsync(Roles.Coordination);
        var (action, _, owner, _) = await ActionAsync(dueInDays: -3, owned: false);

        await RunAsync();

        Assert.Equal([NotificationKind.ActionOverdue], await KindsForAsync(coordination.Id, action));
        Assert.Empty(await KindsForAsync(owner, action)); // a member of the organisation, but not named
        var stored = await ActionFixtures.ReadActionAsync(factory, action);
        Assert.Null(stored.ReminderBeforeSentAt);
        Assert.NotNull(stored.ReminderAfterSentAt);
    }

    [Fact]
    public async Task The_reminder_of_a_deactivated_owner_goes_to_Coordination()
    {
        var coordination = await factory.CreateUserAsync(Roles.Coordination);
        var (action, _, owner, _) = await ActionAsync(dueInDays: 3);
        await factory.WithDbAsync(db => db.Users.Where(u => u.Id == owner).ExecuteUpdateAsync(u => u.SetProperty(x => x.IsActive, false)));

        await RunAsync();

        Assert.Empty(await KindsForAsync(owner, action));
        Assert.Equal([NotificationKind.ActionDueSoon], await KindsForAsync(coordination.Id, action));
    }

    [Fact]
    public async Task Two_instances_running_at_once_send_one_reminder()
    {
        var (action, _, owner, _) = await ActionAsync(dueInDays: 1);

        await Task.WhenAll(RunAsync(), RunAsync());

        Assert.Equal([NotificationKind.ActionDueSoon], await KindsForAsync(owner, action));
    }
}
