using Microsoft.EntityFrameworkCore;
using Vigie.Web.Data;
using Vigie.Web.Platform.Web;

namespace Vigie.Web.Features.Commission.Figures;

/// <summary>The commission's activity over a period (Paris days, both ends included).</summary>
public sealed record CommissionFigureSet(
    DateOnly From,
    DateOnly To,
    int OrdinarySessionsHeld,
    int ExceptionalSessionsHeld,
    int SessionsCancelled,
    int SituationsPresented,
    int SituationsPresentedTwiceOrMore,
    int ItemsMarkedRepresentation,
    IReadOnlyDictionary<DecisionKind, int> Decisions,
    int ActionsDue,
    int ActionsDoneOnTime,
    int AccompanimentsProposed,
    int AccompanimentsAccepted,
    int AccompanimentsRefused)
{
    /// <summary>Share of the actions due in the period closed "faite" by the end of their due day (Paris), in percent; null without actions.</summary>
    public int? OnTimePercent => ActionsDue == 0 ? null : (int)Math.Round(100.0 * ActionsDoneOnTime / ActionsDue, MidpointRounding.AwayFromZero);
}

/// <summary>
/// Computes <see cref="CommissionFigureSet"/> with COUNT / GROUP BY queries (nothing is loaded row by
/// row). Sessions, items and decisions count by the session's start; actions by their due date;
/// co-accompaniments by their proposal date (accepted counts those accepted since, ended or not).
/// </summary>
public static class CommissionFigures
{
    public static async Task<CommissionFigureSet> ComputeAsync(VigieDbContext db, DateOnly from, DateOnly to, CancellationToken cancellationToken = default)
    {
        var start = ParisTime.ToUtc(from.ToDateTime(TimeOnly.MinValue));
        var end = ParisTime.ToUtc(to.AddDays(1).ToDateTime(TimeOnly.MinValue));

        var sessions = await db.CommissionSessions
            .Where(s => s.StartsAt >= start && s.StartsAt < end)
            .GroupBy(s => new { s.Status, s.Kind })
            .Select(g => new { g.Key.Status, g.Key.Kind, Count = g.Count() })
            .ToListAsync(cancellationToken);

        var heldItems = db.AgendaItems.Where(i => i.Session!.Status == SessionStatus.Tenue && i.Session.StartsAt >= start && i.Session.StartsAt < end);
        var presented = await heldItems.Select(i => i.SituationId).Distinct().CountAsync(cancellationToken);
        var twice = await heldItems.GroupBy(i => i.SituationId).Where(g => g.Count() >= 2).CountAsync(cancellationToken);
        var representation = await heldItems.CountAsync(i => i.Representation, cancellationToken);
        var decisions = await db.CommissionDecisions
            .Where(d => heldItems.Any(i => i.Id == d.AgendaItemId))
            .GroupBy(d => d.Kind)
            .Select(g => new { Kind = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Kind, g => g.Count, cancellationToken);

        var due = db.CommissionActions.Where(a => a.DueOn >= from && a.DueOn <= to);
        var actionsDue = await due.CountAsync(cancellationToken);
        var onTime = 0;
        foreach (var (rangeFrom, rangeTo, offset) in OffsetRanges(from, to))
        {
            // Done on time: closed "faite" no later than the end of the due day in Paris, i.e. the
            // Paris date of ClosedAt (UTC + that day's offset) is on or before the due date.
            var hours = offset.TotalHours;
            onTime += await due.CountAsync(a => a.DueOn >= rangeFrom && a.DueOn <= rangeTo && a.Status == ActionStatus.Faite
                && a.ClosedAt != null && DateOnly.FromDateTime(a.ClosedAt.Value.AddHours(hours)) <= a.DueOn, cancellationToken);
        }

        var accompaniments = await db.Accompaniments
            .Where(a => a.ProposedAt >= start && a.ProposedAt < end)
            .GroupBy(a => a.Status)
            .Select(g => new { Status = g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);

        int Sessions(SessionStatus status, SessionKind? kind = null) =>
            sessions.Where(s => s.Status == status && (kind is null || s.Kind == kind)).Sum(s => s.Count);
        int Accompaniments(params AccompanimentStatus[] statuses) =>
            accompaniments.Where(a => statuses.Contains(a.Status)).Sum(a => a.Count);

        return new CommissionFigureSet(
            from,
            to,
            Sessions(SessionStatus.Tenue, SessionKind.Ordinaire),
            Sessions(SessionStatus.Tenue, SessionKind.Exceptionnelle),
            Sessions(SessionStatus.Annulee),
            presented,
            twice,
            representation,
            Enum.GetValues<DecisionKind>().ToDictionary(k => k, k => decisions.GetValueOrDefault(k)),
            actionsDue,
            onTime,
            Accompaniments(Enum.GetValues<AccompanimentStatus>()),
            Accompaniments(AccompanimentStatus.Acceptee, AccompanimentStatus.Terminee),
            Accompaniments(AccompanimentStatus.Refusee));
    }

    /// <summary>
    /// The period cut into runs of days whose end (midnight Paris) has the same UTC offset: at most
    /// three a year (the clock changes twice), so the "on time" count is one query per run.
    /// </summary>
    public static IEnumerable<(DateOnly From, DateOnly To, TimeSpan Offset)> OffsetRanges(DateOnly from, DateOnly to)
    {
        TimeSpan OffsetAtEndOf(DateOnly day) => ParisTime.Zone.GetUtcOffset(ParisTime.ToUtc(day.AddDays(1).ToDateTime(TimeOnly.MinValue)));

        var runStart = from;
        var runOffset = OffsetAtEndOf(from);
        for (var day = from.AddDays(1); day <= to; day = day.AddDays(1))
        {
            var offset = OffsetAtEndOf(day);
            if (offset != runOffset)
            {
                yield return (runStart, day.AddDays(-1), runOffset);
                runStart = day;
                runOffset = offset;
            }
        }

        yield return (runStart, to, runOffset);
    }
}
