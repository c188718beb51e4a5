using Vigie.Web.Features.Situations.LegalSteps;
using Vigie.Web.Platform.Web;

namespace Vigie.Tests.Situations;

/// <summary>
/// The deadlines of DOMAIN.md §2. Expected instants are written out by hand in UTC: Paris is UTC+1
/// in winter and UTC+2 in summer (2025: summer time from 30 March 01:00 UTC to 26 October 01:00 UTC).
/// </summary>
public sealed class LegalDeadlinesTests
{
    private static DateTime Utc(int year, int month, int day, int hour, int minute = 0, int second = 0) =>
        new(year, month, day, hour, minute, second, DateTimeKind.Utc);

    [Fact]
    public void Information_preoccupante_gives_three_calendar_months_to_the_end_of_the_last_day()
    {
        // 15 January 2025 at 10:00 Paris (09:00 UTC) → 15 April 2025 at 23:59:59 Paris, summer time (21:59:59 UTC).
        Assert.Equal(Utc(2025, 4, 15, 21, 59, 59), LegalDeadlines.DueAt(LegalStepKind.InformationPreoccupante, Utc(2025, 1, 15, 9)));
    }

    [Fact]
    public void A_month_without_the_same_day_number_ends_on_its_last_day()
    {
        // 30 November 2025 → 28 February 2026 (no 30 February), 23:59:59 Paris winter time.
        Assert.Equal(Utc(2026, 2, 28, 22, 59, 59), LegalDeadlines.DueAt(LegalStepKind.InformationPreoccupante, Utc(2025, 11, 30, 14)));
    }

    [Fact]
    public void Mise_a_l_abri_counts_72_elapsed_hours_even_across_the_spring_clock_change()
    {
        // 28 March 2025 at 10:00 Paris (09:00 UTC) + 72 h = 31 March at 09:00 UTC, which the clocks show as 11:00.
        var due = LegalDeadlines.DueAt(LegalStepKind.MiseAlAbri, Utc(2025, 3, 28, 9))!.Value;

        Assert.Equal(Utc(2025, 3, 31, 9), due);
        Assert.Equal(new DateTime(2025, 3, 31, 11, 0, 0), ParisTime.ToLocal(due));
    }

    [Fact]
    public void Mise_a_l_abri_across_the_autumn_clock_change_also_counts_elapsed_hours()
    {
        // 25 October 2025 at 20:00 Paris (18:00 UTC) + 72 h = 28 October 18:00 UTC, shown 19:00 Paris.
        var due = LegalDeadlines.DueAt(LegalStepKind.MiseAlAbri, Utc(2025, 10, 25, 18))!.Value;

        Assert.Equal(Utc(2025, 10, 28, 18), due);
        Assert.Equal(new DateTime(2025, 10, 28, 19, 0, 0), ParisTime.ToLocal(due));
    }

    [Fact]
    public void Recueil_provisoire_calls_for_the_juge_after_five_calendar_days()
    {
        // 10 June 2025 at 15:00 Paris (13:00 UTC) → 15 June 2025 at 23:59:59 Paris (21:59:59 UTC).
        Assert.Equal(Utc(2025, 6, 15, 21, 59, 59), LegalDeadlines.DueAt(LegalStepKind.RecueilProvisoire, Utc(2025, 6, 10, 13)));
    }

    [Fact]
    public void Opp_gives_eight_calendar_days_and_the_last_day_is_in_summer_time_after_the_change()
    {
        // 25 March 2025 at 12:00 Paris winter time (11:00 UTC) → 2 April 2025 at 23:59:59 Paris summer time (21:59:59 UTC).
        var due = LegalDeadlines.DueAt(LegalStepKind.Opp, Utc(2025, 3, 25, 11))!.Value;

        Assert.Equal(Utc(2025, 4, 2, 21, 59, 59), due);
        Assert.Equal(new DateTime(2025, 4, 2, 23, 59, 59), ParisTime.ToLocal(due));
    }

    [Fact]
    public void Opp_across_the_autumn_change_ends_at_midnight_winter_time()
    {
        // 20 October 2025 (summer time) → 28 October 2025 at 23:59:59 winter time (22:59:59 UTC).
        Assert.Equal(Utc(2025, 10, 28, 22, 59, 59), LegalDeadlines.DueAt(LegalStepKind.Opp, Utc(2025, 10, 20, 8)));
    }

    [Fact]
    public void Days_are_counted_from_the_Paris_date_not_the_UTC_date()
    {
        // 11 June 2025 at 00:30 Paris is still 10 June in UTC (22:30): the OPP runs to 19 June, not 18 June.
        Assert.Equal(Utc(2025, 6, 19, 21, 59, 59), LegalDeadlines.DueAt(LegalStepKind.Opp, Utc(2025, 6, 10, 22, 30)));
        // 10 June 2025 at 23:30 Paris (21:30 UTC) → 18 June.
        Assert.Equal(Utc(2025, 6, 18, 21, 59, 59), LegalDeadlines.DueAt(LegalStepKind.Opp, Utc(2025, 6, 10, 21, 30)));
    }

    [Fact]
    public void The_hearing_after_an_opp_is_due_fifteen_calendar_days_after_the_juge_is_seized()
    {
        // Juge seized on 1 December 2025 at 09:00 Paris (08:00 UTC) → 16 December 2025 at 23:59:59 Paris (22:59:59 UTC).
        Assert.Equal(Utc(2025, 12, 16, 22, 59, 59), LegalDeadlines.DueAt(LegalStepKind.AudienceJugeEnfants, Utc(2025, 12, 1, 8)));
    }

    [Fact]
    public void A_signalement_has_no_deadline()
    {
        Assert.Null(LegalDeadlines.DueAt(LegalStepKind.Signalement, Utc(2025, 6, 10, 13)));
        Assert.Equal((Utc(2025, 6, 10, 13), (DateTime?)null), LegalDeadlines.Schedule(LegalStepKind.Signalement, Utc(2025, 6, 10, 13), Utc(2025, 6, 11, 8)));
        Assert.Null(LegalStepLabels.Due(LegalStepKind.Signalement));
    }

    [Fact]
    public void The_parquets_answers_and_a_hearing_held_have_no_deadline_and_the_saisine_is_labelled_as_such()
    {
        foreach (var kind in new[] { LegalStepKind.AudienceTenue, LegalStepKind.EnqueteOuverte, LegalStepKind.ClassementSansSuite })
        {
            Assert.Null(LegalDeadlines.DueAt(kind, Utc(2025, 6, 10, 13)));
            Assert.Null(LegalStepLabels.Due(kind));
        }

        Assert.Equal("Saisine du juge des enfants", LegalStepLabels.Kind(LegalStepKind.AudienceJugeEnfants));
        Assert.Contains("15 jours", LegalStepLabels.Due(LegalStepKind.AudienceJugeEnfants), StringComparison.Ordinal);
        Assert.Equal("Audience tenue par le juge des enfants", LegalStepLabels.Kind(LegalStepKind.AudienceTenue));
    }

    [Fact]
    public void A_revoyure_is_due_on_the_date_typed_and_recorded_now()
    {
        var now = Utc(2025, 6, 10, 13);
        var typed = Utc(2025, 9, 18, 12);

        var (occurredAt, dueAt) = LegalDeadlines.Schedule(LegalStepKind.RevoyureCommission, typed, now);

        Assert.Equal(now, occurredAt);
        Assert.Equal(typed, dueAt);
    }

    [Fact]
    public void Other_steps_are_recorded_at_the_date_typed()
    {
        var typed = Utc(2025, 3, 25, 11);

        Assert.Equal((typed, (DateTime?)Utc(2025, 4, 2, 21, 59, 59)), LegalDeadlines.Schedule(LegalStepKind.Opp, typed, Utc(2025, 3, 26, 8)));
    }

    [Fact]
    public void A_step_cannot_be_in_the_future_and_a_revoyure_must_be()
    {
        var now = Utc(2025, 6, 10, 13);

        Assert.Null(LegalDeadlines.DateError(LegalStepKind.Opp, now, now));
        Assert.Null(LegalDeadlines.DateError(LegalStepKind.Opp, now.AddDays(-3), now));
        Assert.Contains("futur", LegalDeadlines.DateError(LegalStepKind.Opp, now.AddMinutes(1), now), StringComparison.Ordinal);
        Assert.Contains("année", LegalDeadlines.DateError(LegalStepKind.Opp, Utc(1985, 1, 1, 0), now), StringComparison.Ordinal);

        Assert.Equal("La date de revoyure doit être dans le futur.", LegalDeadlines.DateError(LegalStepKind.RevoyureCommission, now, now));
        Assert.Equal("La date de revoyure doit être dans le futur.", LegalDeadlines.DateError(LegalStepKind.RevoyureCommission, now.AddDays(-1), now));
        Assert.Null(LegalDeadlines.DateError(LegalStepKind.RevoyureCommission, now.AddMinutes(1), now));
        Assert.Equal("La date de revoyure doit être dans les trois ans.", LegalDeadlines.DateError(LegalStepKind.RevoyureCommission, now.AddYears(3).AddDays(1), now));
    }

    [Fact]
    public void A_step_is_overdue_only_after_its_due_instant()
    {
        var due = Utc(2025, 6, 18, 21, 59, 59);

        Assert.Equal(LegalStepState.Due, LegalStepStates.Of(due, null, due));
        Assert.Equal(LegalStepState.Overdue, LegalStepStates.Of(due, null, due.AddSeconds(1)));
        Assert.Equal(LegalStepState.Done, LegalStepStates.Of(due, due.AddDays(2), due.AddDays(3)));
        Assert.Equal(LegalStepState.NoDeadline, LegalStepStates.Of(null, null, due));
    }

    [Fact]
    public void A_wall_clock_time_skipped_or_repeated_by_a_clock_change_is_still_read()
    {
        // 30 March 2025 02:30 does not exist in Paris (02:00 → 03:00): read as 03:30 summer time = 01:30 UTC.
        Assert.Equal(Utc(2025, 3, 30, 1, 30), ParisTime.ToUtc(new DateTime(2025, 3, 30, 2, 30, 0)));
        // 26 October 2025 02:30 happens twice: read as the later one, winter time = 01:30 UTC.
        Assert.Equal(Utc(2025, 10, 26, 1, 30), ParisTime.ToUtc(new DateTime(2025, 10, 26, 2, 30, 0)));
        Assert.Equal(Utc(2025, 7, 14, 8), ParisTime.ToUtc(new DateTime(2025, 7, 14, 10, 0, 0)));
    }

    [Fact]
    public void Every_kind_has_a_french_label_and_a_due_label_unless_the_law_sets_no_deadline()
    {
        foreach (var kind in Enum.GetValues<LegalStepKind>())
        {
            Assert.NotEqual(kind.ToString(), LegalStepLabels.Kind(kind));
            var deadline = kind is not (LegalStepKind.Signalement or LegalStepKind.AudienceTenue or LegalStepKind.EnqueteOuverte or LegalStepKind.ClassementSansSuite);
            Assert.Equal(deadline, LegalStepLabels.Due(kind) is not null);
            Assert.Equal(deadline, LegalDeadlines.DueAt(kind, Utc(2025, 6, 10, 13)) is not null);
        }
    }
}
