using Microsoft.Extensions.Options;

namespace Vigie.Web.Features.Commission;

/// <summary>Settings of the commission (section <c>Vigie:Commission</c>), checked at start.</summary>
public sealed class CommissionOptions
{
    public const string Section = "Vigie:Commission";

    /// <summary>Days between two ordinary sessions when the schedule is generated (about six weeks).</summary>
    public int ScheduleIntervalDays { get; set; } = 42;

    /// <summary>Start time of generated sessions, Paris time ("HH:mm").</summary>
    public string ScheduleStartTime { get; set; } = "14:00";

    public int DefaultDurationMinutes { get; set; } = 120;

    /// <summary>The usual room, proposed for new sessions (institutional, no personal data).</summary>
    public string? DefaultPlace { get; set; }

    /// <summary>How long members keep reading a session's items after its minutes are locked.</summary>
    public int MemberAccessDaysAfterClosure { get; set; } = 30;

    /// <summary>A reminder this many days before an action's due date…</summary>
    public int ActionReminderDaysBefore { get; set; } = 7;

    /// <summary>…and another this many days after it, if the action is still open.</summary>
    public int ActionReminderDaysAfter { get; set; } = 1;

    /// <summary>How often the reminder job looks for actions to remind (minutes).</summary>
    public int ReminderIntervalMinutes { get; set; } = 60;

    /// <summary>Whether this instance runs the reminder job in the background (off in tests, which call it themselves).</summary>
    public bool RemindersInBackground { get; set; } = true;

    /// <summary>Young people the mobile team can follow at once; a warning shows when the active file reaches it.</summary>
    public int MobileTeamCapacity { get; set; } = 15;

    public TimeSpan MemberAccessAfterClosure => TimeSpan.FromDays(MemberAccessDaysAfterClosure);

    public TimeOnly StartTime => TimeOnly.ParseExact(ScheduleStartTime, "HH:mm", System.Globalization.CultureInfo.InvariantCulture);
}

internal sealed class CommissionOptionsValidator : IValidateOptions<CommissionOptions>
{
    public ValidateOptionsResult Validate(string? name, CommissionOptions options)
    {
        var errors = new List<string>();
        if (options.ScheduleIntervalDays is < 7 or > 365)
        {
            errors.Add("Vigie:Commission:ScheduleIntervalDays doit être compris entre 7 et 365.");
        }

        if (!TimeOnly.TryParseExact(options.ScheduleStartTime, "HH:mm", System.Globalization.CultureInfo.InvariantCulture,
                System.Globalization.DateTimeStyles.None, out _))
        {
            errors.Add("Vigie:Commission:ScheduleStartTime doit être une heure au format HH:mm (par exemple 14:00).");
        }

        if (options.DefaultDurationMinutes is < 15 or > 720)
        {
            errors.Add("Vigie:Commission:DefaultDurationMinutes doit être compris entre 15 et 720.");
        }

        if (options.MemberAccessDaysAfterClosure is < 0 or > 365)
        {
            errors.Add("Vigie:Commission:MemberAccessDaysAfterClosure doit être compris entre 0 et 365.");
        }

        if (options.ActionReminderDaysBefore is < 0 or > 90 || options.ActionReminderDaysAfter is < 0 or > 90)
        {
            errors.Add("Vigie:Commission:ActionReminderDaysBefore et ActionReminderDaysAfter doivent être compris entre 0 et 90.");
        }

        if (options.ReminderIntervalMinutes is < 1 or > 1440)
        {
            errors.Add("Vigie:Commission:ReminderIntervalMinutes doit être compris entre 1 et 1440.");
        }

        if (options.MobileTeamCapacity is < 1 or > 10000)
        {
            errors.Add("Vigie:Commission:MobileTeamCapacity doit être compris entre 1 et 10000.");
        }

        if (options.DefaultPlace is { Length: > 300 })
        {
            errors.Add("Vigie:Commission:DefaultPlace : 300 caractères au plus.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
