using Vigie.Web.Platform.Web;

namespace Vigie.Web.Features.Situations.LegalSteps;

/// <summary>
/// The deadlines of DOMAIN.md §2, computed from the date of a step. Pure: no clock, no database.
/// <list type="bullet">
/// <item>Hours (mise à l'abri, 72 h) are elapsed time: the instant of the step plus 72 hours.</item>
/// <item>Days and months are calendar days and months in Europe/Paris, as French procedure counts
/// them (code de procédure civile, art. 641 and 642): the day of the step does not count, the
/// deadline ends on the last day at midnight (stored as 23:59:59 Paris time, in UTC); a month
/// counts to the same day number, or to the last day of a shorter month. There is no extension for
/// weekends or public holidays: Vigie shows the strict, earliest date.</item>
/// <item>A signalement has no legal deadline, nor have the parquet's answers (enquête ouverte,
/// classement sans suite) or a hearing held; a commission "clause de revoyure" is due on the date
/// the commission set, which is the date typed.</item>
/// <item>The saisine du juge des enfants (enum name <see cref="LegalStepKind.AudienceJugeEnfants"/>)
/// is due 15 days later: the hearing; recording the hearing held completes it.</item>
/// </list>
/// </summary>
public static class LegalDeadlines
{
    /// <summary>The date and due date stored for a step whose typed date (Paris time, as UTC) is <paramref name="typedUtc"/>.</summary>
    public static (DateTime OccurredAt, DateTime? DueAt) Schedule(LegalStepKind kind, DateTime typedUtc, DateTime nowUtc) =>
        kind == LegalStepKind.RevoyureCommission
            ? (nowUtc, typedUtc) // the commission sets the date now: the typed date is the due date
            : (typedUtc, DueAt(kind, typedUtc));

    /// <summary>When what follows a step that happened at <paramref name="occurredAtUtc"/> is due; null without a legal deadline.</summary>
    public static DateTime? DueAt(LegalStepKind kind, DateTime occurredAtUtc)
    {
        var occurred = DateTime.SpecifyKind(occurredAtUtc, DateTimeKind.Utc);
        var day = DateOnly.FromDateTime(ParisTime.ToLocal(occurred));
        return kind switch
        {
            LegalStepKind.InformationPreoccupante => EndOfParisDay(day.AddMonths(3)),
            LegalStepKind.MiseAlAbri => occurred.AddHours(72),
            LegalStepKind.RecueilProvisoire => EndOfParisDay(day.AddDays(5)),
            LegalStepKind.Opp => EndOfParisDay(day.AddDays(8)),
            LegalStepKind.AudienceJugeEnfants => EndOfParisDay(day.AddDays(15)),
            LegalStepKind.RevoyureCommission => occurred,
            _ => null,
        };
    }

    /// <summary>
    /// What is wrong with the date typed for a step, in French, or null. A step is recorded once it
    /// happened (not in the future); a revoyure date is set for later (in the future, within three years).
    /// </summary>
    public static string? DateError(LegalStepKind kind, DateTime typedUtc, DateTime nowUtc)
    {
        if (kind == LegalStepKind.RevoyureCommission)
        {
            return typedUtc <= nowUtc ? "La date de revoyure doit être dans le futur."
                : typedUtc > nowUtc.AddYears(3) ? "La date de revoyure doit être dans les trois ans."
                : null;
        }

        return typedUtc > nowUtc ? "La date de l'étape ne peut pas être dans le futur : enregistrez l'étape une fois qu'elle a eu lieu."
            : typedUtc < nowUtc.AddYears(-30) ? "La date de l'étape paraît erronée : vérifiez l'année."
            : null;
    }

    private static DateTime EndOfParisDay(DateOnly day) => ParisTime.ToUtc(day.ToDateTime(new TimeOnly(23, 59, 59)));
}
