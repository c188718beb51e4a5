using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Vigie.Web.Data;
using Vigie.Web.Features.Compte;
using Vigie.Web.Features.Situations;
using Vigie.Web.Platform.Crypto;
using Vigie.Web.Platform.Web;

namespace Vigie.Web.Features.Commission.Actions;

/// <summary>One line of a list of actions, as the pages show it.</summary>
public sealed record ActionRow(
    Guid Id,
    int SessionNumber,
    DateTime SessionStartsAt,
    DateOnly DueOn,
    ActionStatus Status,
    DateTime? ClosedAt,
    string Minor,
    string? Owner,
    string Organisation,
    int DaysLate)
{
    public bool Overdue => DaysLate > 0;

    /// <summary>"En retard de 3 jours", or null.</summary>
    public string? LateText => DaysLate switch
    {
        <= 0 => null,
        1 => "En retard de 1 jour",
        _ => $"En retard de {DaysLate} jours",
    };
}

/// <summary>
/// Reads actions for the lists: the session's number and date, the owner and organisation, and the
/// situation as the reader may see it: first name and age when the situation is in their scope
/// (<see cref="SituationScope.VisibleTo"/>), otherwise only "Situation présentée en séance n° X".
/// Only the rows asked for are decrypted.
/// </summary>
public static class ActionRows
{
    public static DateOnly Today(DateTime now) => DateOnly.FromDateTime(ParisTime.ToLocal(now));

    public static int DaysLate(ActionStatus status, DateOnly dueOn, DateOnly today) =>
        status == ActionStatus.Ouverte && dueOn < today ? today.DayNumber - dueOn.DayNumber : 0;

    /// <summary>Whether the user may open the action: its owner, Coordination, or (without a named owner) its organisation.</summary>
    public static bool MayOpen(ClaimsPrincipal user, CommissionAction action)
    {
        if (user.IsInRole(Roles.Coordination))
        {
            return true;
        }

        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier);
        return (userId is not null && action.OwnerId == userId)
            || (action.OwnerId is null && SituationScope.IsOwnOrganisation(user, action.OwnerOrganisationId));
    }

    public static async Task<List<ActionRow>> LoadAsync(VigieDbContext db, FieldCipher cipher, ClaimsPrincipal user, DateTime now,
        IQueryable<CommissionAction> actions)
    {
        var raw = await actions
            .Join(db.CommissionSessions, a => a.SessionId, s => s.Id, (a, s) => new { a, s.Number, s.StartsAt })
            .Join(db.Organisations, x => x.a.OwnerOrganisationId, o => o.Id, (x, o) => new
            {
                x.a.Id,
                x.a.SituationId,
                x.Number,
                x.StartsAt,
                x.a.DueOn,
                x.a.Status,
                x.a.ClosedAt,
                x.a.OwnerId,
                Owner = db.Users.Where(u => u.Id == x.a.OwnerId).Select(u => u.DisplayName).FirstOrDefault(),
                Organisation = o.Name,
            })
            .ToListAsync();
        var situationIds = raw.Select(r => r.SituationId).Distinct().ToList();
        var visible = await db.Situations.VisibleTo(user, now)
            .Where(s => situationIds.Contains(s.Id))
            .Select(s => new { s.Id, Minor = new CommissionMinor(s.FirstNameEncrypted, s.LastNameEncrypted, s.BirthDateEncrypted) })
            .ToDictionaryAsync(s => s.Id, s => s.Minor);
        var today = Today(now);
        return raw.Select(r => new ActionRow(
                r.Id,
                r.Number,
                r.StartsAt,
                r.DueOn,
                r.Status,
                r.ClosedAt,
                visible.TryGetValue(r.SituationId, out var minor) ? minor.FirstNameAndAge(cipher, today) : $"Situation présentée en séance n° {r.Number}",
                r.Owner,
                r.Organisation,
                DaysLate(r.Status, r.DueOn, today)))
            .ToList();
    }
}
