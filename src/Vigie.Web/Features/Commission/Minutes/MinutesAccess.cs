using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Vigie.Web.Data;
using Vigie.Web.Features.Compte;

namespace Vigie.Web.Features.Commission.Minutes;

/// <summary>
/// Who reads a session's minutes: Coordination always (drafts included); otherwise only the locked
/// minutes, and only for the session's invited users: presenters, and members who accepted the
/// session's confidentiality commitment while they are within the members' window
/// (<see cref="CommissionOptions.MemberAccessDaysAfterClosure"/> after the lock; the rule of
/// ItemsVisibleTo). Never for a cancelled session. Anyone else: 404.
/// </summary>
public static class MinutesAccess
{
    public static bool IsCoordination(ClaimsPrincipal user) => user.IsInRole(Roles.Coordination);

    /// <summary>The minutes the user may read (tracked when asked), or null: the same 404 whether they do not exist or are out of reach.</summary>
    public static async Task<SessionMinutes?> FindAsync(VigieDbContext db, ClaimsPrincipal user, Guid sessionId, DateTime now, TimeSpan afterClosure,
        bool tracking = false)
    {
        var minutes = tracking ? db.SessionMinutes : db.SessionMinutes.AsNoTracking();
        if (IsCoordination(user))
        {
            return await minutes.FirstOrDefaultAsync(m => m.SessionId == sessionId);
        }

        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier);
        if (userId is null)
        {
            return null;
        }

        var closedSince = now - afterClosure;
        return await minutes.Where(m => m.SessionId == sessionId && m.Status == MinutesStatus.Verrouillee)
            .Where(m => db.CommissionSessions.Any(s => s.Id == sessionId && s.Status != SessionStatus.Annulee
                && s.Invitations.Any(i => i.UserId == userId
                    && (i.Role == InvitationRole.Presentateur
                        || (i.Role == InvitationRole.Membre
                            && (s.MinutesClosedAt == null || s.MinutesClosedAt > closedSince)
                            && db.CommitmentAcceptances.Any(a => a.SessionId == sessionId && a.UserId == userId))))))
            .FirstOrDefaultAsync();
    }
}
