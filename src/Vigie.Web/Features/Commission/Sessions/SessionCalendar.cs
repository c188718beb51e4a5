using Microsoft.EntityFrameworkCore;
using Vigie.Web.Data;
using Vigie.Web.Platform.Web;

namespace Vigie.Web.Features.Commission.Sessions;

/// <summary>Session numbers and days: one number per session (max + 1), never two sessions on the same Paris day in the schedule.</summary>
public static class SessionCalendar
{
    /// <summary>Whether a session that is not cancelled starts on that Paris day.</summary>
    public static async Task<bool> DayTakenAsync(VigieDbContext db, DateOnly day, Guid? except = null)
    {
        var (from, to) = Bounds(day);
        return await db.CommissionSessions.AnyAsync(s => s.StartsAt >= from && s.StartsAt < to && s.Status != SessionStatus.Annulee
            && (except == null || s.Id != except));
    }

    /// <summary>The Paris days taken by sessions that are not cancelled, between two days.</summary>
    public static async Task<HashSet<DateOnly>> TakenDaysAsync(VigieDbContext db, DateOnly first, DateOnly last)
    {
        var (from, _) = Bounds(first);
        var (_, to) = Bounds(last);
        var starts = await db.CommissionSessions.Where(s => s.StartsAt >= from && s.StartsAt < to && s.Status != SessionStatus.Annulee)
            .Select(s => s.StartsAt).ToListAsync();
        return starts.Select(s => DateOnly.FromDateTime(ParisTime.ToLocal(s))).ToHashSet();
    }

    /// <summary>Numbers the sessions after the highest existing number and saves them (one retry when another session took the number meanwhile).</summary>
    public static async Task AddNumberedAsync(VigieDbContext db, IReadOnlyList<CommissionSession> sessions)
    {
        for (var attempt = 0; ; attempt++)
        {
            var max = await db.CommissionSessions.MaxAsync(s => (int?)s.Number) ?? 0;
            for (var i = 0; i < sessions.Count; i++)
            {
                sessions[i].Number = max + i + 1;
            }

            if (attempt == 0)
            {
                db.CommissionSessions.AddRange(sessions);
            }

            try
            {
                await db.SaveChangesAsync();
                return;
            }
            catch (DbUpdateException) when (attempt < 2)
            {
                // The unique number was taken by a session created at the same moment: number again.
            }
        }
    }

    private static (DateTime From, DateTime To) Bounds(DateOnly day) =>
        (ParisTime.ToUtc(day.ToDateTime(TimeOnly.MinValue)), ParisTime.ToUtc(day.AddDays(1).ToDateTime(TimeOnly.MinValue)));
}
