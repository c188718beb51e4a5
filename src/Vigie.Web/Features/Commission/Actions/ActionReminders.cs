using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Vigie.Web.Data;
using Vigie.Web.Features.Compte;
using Vigie.Web.Features.Notifications;
using Vigie.Web.Platform.Jobs;
using Vigie.Web.Platform.Web;

namespace Vigie.Web.Features.Commission.Actions;

/// <summary>
/// The reminders of open commission actions: one <see cref="NotificationKind.ActionDueSoon"/> when the
/// due date is within <see cref="CommissionOptions.ActionReminderDaysBefore"/> days, one
/// <see cref="NotificationKind.ActionOverdue"/> <see cref="CommissionOptions.ActionReminderDaysAfter"/>
/// days after it (at least one day late), to the owner or, without one (or when the owner's account is
/// deactivated), to Coordination. Each is
/// claimed by a conditional update of its "sent at" column before it is sent, so two instances
/// never send the same reminder twice; a closed action is never reminded.
/// </summary>
public sealed class ActionReminders(VigieDbContext db, INotifier notifier, IOptions<CommissionOptions> options, TimeProvider clock)
{
    /// <summary>Actions looked at in one pass (the next pass takes the rest).</summary>
    public const int BatchSize = 500;

    /// <summary>One pass; returns the number of reminders sent.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken = default)
    {
        var settings = options.Value;
        var now = clock.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(ParisTime.ToLocal(now));
        var soonLimit = today.AddDays(settings.ActionReminderDaysBefore);
        var lateLimit = today.AddDays(-Math.Max(1, settings.ActionReminderDaysAfter));

        var dueSoon = await CandidatesAsync(
            a => a.Status == ActionStatus.Ouverte && a.ReminderBeforeSentAt == null && a.DueOn >= today && a.DueOn <= soonLimit, cancellationToken);
        var overdue = await CandidatesAsync(
            a => a.Status == ActionStatus.Ouverte && a.ReminderAfterSentAt == null && a.DueOn <= lateLimit, cancellationToken);

        var sent = 0;
        foreach (var action in dueSoon)
        {
            // The claim: only the instance whose update changes the row sends the reminder.
            var claimed = await db.CommissionActions
                .Where(a => a.Id == action.Id && a.Status == ActionStatus.Ouverte && a.ReminderBeforeSentAt == null)
                .ExecuteUpdateAsync(u => u.SetProperty(a => a.ReminderBeforeSentAt, now), cancellationToken);
            if (claimed == 1)
            {
                await NotifyAsync(action, NotificationKind.ActionDueSoon, cancellationToken);
                sent++;
            }
        }

        foreach (var action in overdue)
        {
            var claimed = await db.CommissionActions
                .Where(a => a.Id == action.Id && a.Status == ActionStatus.Ouverte && a.ReminderAfterSentAt == null)
                .ExecuteUpdateAsync(u => u.SetProperty(a => a.ReminderAfterSentAt, now), cancellationToken);
            if (claimed == 1)
            {
                await NotifyAsync(action, NotificationKind.ActionOverdue, cancellationToken);
                sent++;
            }
        }

        return sent;
    }

    /// <summary>The actions to remind, soonest first, each with its owner if that account is active (else Coordination is reminded).</summary>
    private Task<List<Candidate>> CandidatesAsync(System.Linq.Expressions.Expression<Func<CommissionAction, bool>> due, CancellationToken cancellationToken) =>
        db.CommissionActions.AsNoTracking()
            .Where(due)
            .OrderBy(a => a.DueOn).Take(BatchSize)
            .Select(a => new Candidate(a.Id, db.Users.Any(u => u.Id == a.OwnerId && u.IsActive) ? a.OwnerId : null))
            .ToListAsync(cancellationToken);

    private Task NotifyAsync(Candidate action, string kind, CancellationToken cancellationToken) =>
        action.OwnerId is { } owner
            ? notifier.NotifyAsync([owner], kind, $"/actions/{action.Id}", cancellationToken)
            : notifier.NotifyRolesAsync([Roles.Coordination], kind, $"/actions/{action.Id}", cancellationToken);

    private sealed record Candidate(Guid Id, string? OwnerId);
}

/// <summary>Runs <see cref="ActionReminders"/> every <see cref="CommissionOptions.ReminderIntervalMinutes"/> (on the injected clock).</summary>
public sealed class ActionReminderBackgroundService(
    IServiceScopeFactory scopes,
    IOptions<CommissionOptions> options,
    TimeProvider clock,
    ILogger<ActionReminderBackgroundService> logger) : PeriodicJobService<ActionReminders>(scopes, clock, logger)
{
    protected override bool Enabled => options.Value.RemindersInBackground;

    protected override TimeSpan Interval => TimeSpan.FromMinutes(options.Value.ReminderIntervalMinutes);

    protected override string JobName => "Commission: action reminders";

    protected override Task RunOnceAsync(ActionReminders job, CancellationToken cancellationToken) => job.RunOnceAsync(cancellationToken);
}
