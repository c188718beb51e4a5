using System.Security.Claims;
using Vigie.Web.Data;
using Vigie.Web.Features.Commission;
using Vigie.Web.Features.Compte;

namespace Vigie.Web.Features.Situations;

/// <summary>
/// Who sees which situations (ACCESS.md), applied inside the database query. The one place the
/// commission and mobile-team modules will extend. Out of scope means "does not exist": 404.
/// <list type="bullet">
/// <item>Coordination: all situations.</item>
/// <item>Professionnel: those of their organisation, those they are assigned to (assignment not
/// ended), and those they opened by emergency access in the last 24 hours.</item>
/// <item>EquipeMobile: those with an accepted co-accompaniment that has not ended (read only, through
/// the accompaniment pages; pending proposals show minimal data: <see cref="AccompanimentsVisibleTo"/>).</item>
/// <item>MembreCommission: no situation as such; the agenda items of their sessions (<see cref="ItemsVisibleTo"/>).</item>
/// <item>Every other role: none.</item>
/// </list>
/// Closed situations follow the same rule. The commission's rules (sessions, items, accompaniments)
/// are below, so that the whole of "who sees what" is in this file.
/// </summary>
public static class SituationScope
{
    public static IQueryable<Situation> VisibleTo(this IQueryable<Situation> situations, ClaimsPrincipal user, DateTime now)
    {
        if (user.IsInRole(Roles.Coordination))
        {
            return situations;
        }

        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier);
        if (user.IsInRole(Roles.Professionnel) && userId is not null
            && Guid.TryParse(user.FindFirstValue(VigieClaimTypes.OrganisationId), out var organisation))
        {
            return situations.Where(s => s.ReferentOrganisationId == organisation
                || s.Assignments.Any(a => a.UserId == userId && a.EndedAt == null)
                || s.EmergencyAccesses.Any(e => e.UserId == userId && e.ExpiresAt > now));
        }

        if (user.IsInRole(Roles.EquipeMobile))
        {
            return situations.Where(s => s.Accompaniments.Any(a => a.Status == AccompanimentStatus.Acceptee));
        }

        return situations.Where(_ => false);
    }

    /// <summary>
    /// The commission's sessions a user sees (date, place, status, who is invited): Coordination all;
    /// anyone else those they are invited to. What the items say is <see cref="ItemsVisibleTo"/>'s rule.
    /// </summary>
    public static IQueryable<CommissionSession> SessionsVisibleTo(this IQueryable<CommissionSession> sessions, ClaimsPrincipal user)
    {
        if (user.IsInRole(Roles.Coordination))
        {
            return sessions;
        }

        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier);
        return userId is null ? sessions.Where(_ => false) : sessions.Where(s => s.Invitations.Any(i => i.UserId == userId));
    }

    /// <summary>
    /// The agenda items a user sees.
    /// <list type="bullet">
    /// <item>Coordination: all.</item>
    /// <item>MembreCommission: the items of a session they are invited to as a member, once its agenda
    /// is published and until <paramref name="afterClosure"/> after its minutes are locked (never for a
    /// cancelled session), and only after accepting that session's confidentiality commitment.</item>
    /// <item>Professionnel: the items of the situations they see (<see cref="VisibleTo"/>), e.g. those they present.</item>
    /// <item>Every other role: none.</item>
    /// </list>
    /// A user with both roles sees the union.
    /// </summary>
    public static IQueryable<AgendaItem> ItemsVisibleTo(this IQueryable<AgendaItem> items, VigieDbContext db, ClaimsPrincipal user,
        DateTime now, TimeSpan afterClosure)
    {
        if (user.IsInRole(Roles.Coordination))
        {
            return items;
        }

        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier);
        var member = user.IsInRole(Roles.MembreCommission) && userId is not null;
        var professional = user.IsInRole(Roles.Professionnel) && userId is not null;
        var closedSince = now - afterClosure;
        var situations = db.Situations.VisibleTo(user, now);
        if (member && professional)
        {
            return items.Where(i => (i.Session!.Status != SessionStatus.Annulee
                    && i.Session.AgendaPublishedAt != null && i.Session.AgendaPublishedAt <= now
                    && (i.Session.MinutesClosedAt == null || i.Session.MinutesClosedAt > closedSince)
                    && i.Session.Invitations.Any(v => v.UserId == userId && v.Role == InvitationRole.Membre)
                    && db.CommitmentAcceptances.Any(a => a.SessionId == i.SessionId && a.UserId == userId))
                || situations.Any(s => s.Id == i.SituationId));
        }

        if (member)
        {
            return items.Where(i => i.Session!.Status != SessionStatus.Annulee
                && i.Session.AgendaPublishedAt != null && i.Session.AgendaPublishedAt <= now
                && (i.Session.MinutesClosedAt == null || i.Session.MinutesClosedAt > closedSince)
                && i.Session.Invitations.Any(v => v.UserId == userId && v.Role == InvitationRole.Membre)
                && db.CommitmentAcceptances.Any(a => a.SessionId == i.SessionId && a.UserId == userId));
        }

        if (professional)
        {
            return items.Where(i => situations.Any(s => s.Id == i.SituationId));
        }

        return items.Where(_ => false);
    }

    /// <summary>
    /// The co-accompaniments a user sees: Coordination all; EquipeMobile those proposed (minimal
    /// data: the page shows no name until the young person accepts) or accepted and running, never
    /// refused or ended ones; Professionnel those of the situations they see. Every other role: none.
    /// </summary>
    public static IQueryable<Accompaniment> AccompanimentsVisibleTo(this IQueryable<Accompaniment> accompaniments, VigieDbContext db,
        ClaimsPrincipal user, DateTime now)
    {
        if (user.IsInRole(Roles.Coordination))
        {
            return accompaniments;
        }

        if (user.IsInRole(Roles.EquipeMobile))
        {
            return accompaniments.Where(a => a.Status == AccompanimentStatus.Proposee || a.Status == AccompanimentStatus.Acceptee);
        }

        if (user.IsInRole(Roles.Professionnel))
        {
            var situations = db.Situations.VisibleTo(user, now);
            return accompaniments.Where(a => situations.Any(s => s.Id == a.SituationId));
        }

        return accompaniments.Where(_ => false);
    }

    /// <summary>
    /// Who may manage a situation they see: close, reopen, correct the identity, share. Coordination
    /// and the Professionnels of the referent organisation; not a professional it is shared with
    /// (they contribute to the trame and the steps) nor an emergency access (read only).
    /// </summary>
    public static bool MayManage(ClaimsPrincipal user, Situation situation) =>
        user.IsInRole(Roles.Coordination) || (user.IsInRole(Roles.Professionnel) && IsOwnOrganisation(user, situation));

    /// <summary>How the user reaches a situation they can see, to explain it on the page.</summary>
    public static bool IsOwnOrganisation(ClaimsPrincipal user, Situation situation) =>
        IsOwnOrganisation(user, situation.ReferentOrganisationId);

    /// <summary>Whether the user belongs to the given referent organisation.</summary>
    public static bool IsOwnOrganisation(ClaimsPrincipal user, Guid referentOrganisationId) =>
        Guid.TryParse(user.FindFirstValue(VigieClaimTypes.OrganisationId), out var organisation)
        && referentOrganisationId == organisation;
}
