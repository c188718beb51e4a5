using Microsoft.EntityFrameworkCore;
using Vigie.Tests.Infrastructure;
using Vigie.Tests.Situations;
using Vigie.Web.Features.Compte;
using Vigie.Web.Features.Notifications;

namespace Vigie.Tests.Commission;

/// <summary>A Vigie whose reminder job runs in the background, every 30 minutes of its (fake) clock.</summary>
public sealed class BackgroundRemindersFactory : VigieFactory
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Vigie:Commission:RemindersInBackground"] = "true",
        ["Vigie:Commission:ReminderIntervalMinutes"] = "30",
    };
}

public sealed class ActionReminderLoopTests(BackgroundRemindersFactory factory) : IClassFixture<BackgroundRemindersFactory>
{
    [Fact]
    public async Task The_background_job_reminds_at_its_interval_on_the_clock()
    {
        var org = await factory.CreateOrganisationAsync();
        var owner = await factory.CreateUserAsync(Roles.Professionnel, organisationId: org);
        var situation = await SituationFixtures.OpenAsync(factory, org, "Garnier", "Lou", new DateOnly(2011, 2, 3));
        var session = await ActionFixtures.SessionAsync(factory, factory.Clock.GetUtcNow().UtcDateTime.AddDays(-1));
        var item = await ActionFixtures.ItemAsync(factory, session, situation);
        var action = await ActionFixtures.ActionAsync(factory, session, item, situation, org, owner.Id, ActionFixtures.ParisToday(factory).AddDays(3));

        // Each step moves the clock past the next pass, then waits a little for the job (bounded).
        var reminded = false;
        for (var attempt = 0; attempt < 60 && !reminded; attempt++)
        {
            factory.Clock.Advance(TimeSpan.FromMinutes(31));
            await Task.Delay(250, TestContext.Current.CancellationToken);
            reminded = await factory.WithDbAsync(db => db.Notifications.AnyAsync(n => n.UserId == owner.Id
                && n.Kind == NotificationKind.ActionDueSoon && n.Link == $"/actions/{action}"));
        }

        Assert.True(reminded);
    }
}
