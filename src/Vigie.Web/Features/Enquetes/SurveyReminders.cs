using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Vigie.Web.Data;
using Vigie.Web.Features.Notifications;
using Vigie.Web.Platform.Jobs;
using Vigie.Web.Platform.Web;

namespace Vigie.Web.Features.Enquetes;

/// <summary>Notifies the users of services: a campaign opened, or a reminder to answer. The notice carries no figure, only the link.</summary>
public sealed class SurveyNotices(VigieDbContext db, INotifier notifier)
{
    /// <summary>Every active user of the given organisations; returns how many were notified.</summary>
    public async Task<int> NotifyServicesAsync(Guid campaignId, IReadOnlyCollection<Guid> organisations, string kind, CancellationToken cancellationToken = default)
    {
        if (organisations.Count == 0)
        {
            return 0;
        }

        var users = await db.Users.AsNoTracking()
            .Where(u => u.IsActive && organisations.Contains(u.OrganisationId))
            .Select(u => u.Id)
            .ToListAsync(cancellationToken);
        await notifier.NotifyAsync(users, kind, SurveyLinks.Answer(campaignId), cancellationToken);
        return users.Count;
    }

    /// <summary>The services of an open campaign that have not submitted their answer.</summary>
    public Task<List<Guid>> NotAnsweredAsync(Guid campaignId, CancellationToken cancellationToken = default) =>
        db.SurveyRecipients.AsNoTracking()
            .Where(r => r.CampaignId == campaignId
                && !db.SurveyResponses.Any(s => s.CampaignId == campaignId && s.OrganisationId == r.OrganisationId && s.Status == ResponseStatus.Envoyee))
            .Select(r => r.OrganisationId)
            .ToListAsync(cancellationToken);
}

/// <summary>
/// The automatic reminder: when an open campaign's closing day is <see cref="EnquetesOptions.ReminderDaysBeforeClosing"/>
/// days away or less (and not past), each asked service that has not submitted gets one
/// <see cref="NotificationKind.SurveyReminder"/>. Each is claimed by a conditional update of its
/// "reminded at" column before it is sent, so two instances never remind a service twice.
/// </summary>
public sealed class SurveyReminders(VigieDbContext db, SurveyNotices notices, IOptions<EnquetesOptions> options, TimeProvider clock)
{
    /// <summary>One pass; returns the number of services reminded.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(ParisTime.ToLocal(now));
        var horizon = today.AddDays(options.Value.ReminderDaysBeforeClosing);
        var due = await db.SurveyRecipients.AsNoTracking()
            .Where(r => r.AutoRemindedAt == null
                && db.SurveyCampaigns.Any(c => c.Id == r.CampaignId && c.Status == CampaignStatus.Ouverte
                    && c.OpensOn <= today && c.ClosesOn >= today && c.ClosesOn <= horizon)
                && !db.SurveyResponses.Any(s => s.CampaignId == r.CampaignId && s.OrganisationId == r.OrganisationId && s.Status == ResponseStatus.Envoyee))
            .Select(r => new { r.CampaignId, r.OrganisationId })
            .ToListAsync(cancellationToken);

        var reminded = 0;
        foreach (var recipient in due)
        {
            var claimed = await db.SurveyRecipients
                .Where(r => r.CampaignId == recipient.CampaignId && r.OrganisationId == recipient.OrganisationId && r.AutoRemindedAt == null)
                .ExecuteUpdateAsync(u => u.SetProperty(r => r.AutoRemindedAt, now), cancellationToken);
            if (claimed == 1)
            {
                await notices.NotifyServicesAsync(recipient.CampaignId, [recipient.OrganisationId], NotificationKind.SurveyReminder, cancellationToken);
                reminded++;
            }
        }

        return reminded;
    }
}

/// <summary>Runs <see cref="SurveyReminders"/> every <see cref="EnquetesOptions.ReminderIntervalMinutes"/> (on the injected clock).</summary>
public sealed class SurveyReminderBackgroundService(
    IServiceScopeFactory scopes,
    IOptions<EnquetesOptions> options,
    TimeProvider clock,
    ILogger<SurveyReminderBackgroundService> logger) : PeriodicJobService<SurveyReminders>(scopes, clock, logger)
{
    protected override bool Enabled => options.Value.RemindersInBackground;

    protected override TimeSpan Interval => TimeSpan.FromMinutes(options.Value.ReminderIntervalMinutes);

    protected override string JobName => "Enquêtes: survey reminders";

    protected override Task RunOnceAsync(SurveyReminders job, CancellationToken cancellationToken) => job.RunOnceAsync(cancellationToken);
}

/// <summary>Whether the signed-in user's service has a campaign to answer now (the navigation's link), once per request.</summary>
public sealed class SurveyInbox(VigieDbContext db, TimeProvider clock)
{
    private bool? _has;

    public async Task<bool> HasCampaignToAnswerAsync(System.Security.Claims.ClaimsPrincipal user)
    {
        if (_has is { } known)
        {
            return known;
        }

        if (!Guid.TryParse(user.FindFirst(Compte.VigieClaimTypes.OrganisationId)?.Value, out var organisation))
        {
            return (_has = false).Value;
        }

        var today = DateOnly.FromDateTime(ParisTime.ToLocal(clock.GetUtcNow().UtcDateTime));
        _has = await db.SurveyCampaigns.AnyAsync(c => c.Status == CampaignStatus.Ouverte && c.OpensOn <= today && c.ClosesOn >= today
            && c.Recipients.Any(r => r.OrganisationId == organisation));
        return _has.Value;
    }
}

public static class SurveyLinks
{
    public static string Campaign(Guid id) => $"/enquetes/{id}";

    public static string Answer(Guid id) => $"/enquetes/{id}/reponse";
}
