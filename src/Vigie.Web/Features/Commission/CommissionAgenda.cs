using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Vigie.Web.Data;
using Vigie.Web.Features.Compte;
using Vigie.Web.Features.Notifications;
using Vigie.Web.Features.Situations;
using Vigie.Web.Features.Situations.Trame;
using Vigie.Web.Platform.Crypto;

namespace Vigie.Web.Features.Commission;

/// <summary>One indicator suspected or proven at the latest evaluation, as an agenda item carries it.</summary>
public sealed record IndicatorMark(string Key, string Level, string? Date)
{
    [System.Text.Json.Serialization.JsonIgnore]
    public string Label => TrameSchema.Find(TrameSchema.Indicateurs)?.Field(Key)?.Label ?? Key;

    [System.Text.Json.Serialization.JsonIgnore]
    public string LevelLabel => TrameSchema.IndicatorLevels.FirstOrDefault(o => o.Key == Level)?.Label ?? Level;
}

/// <summary>The minor of an agenda item, decrypted.</summary>
public sealed record ItemPerson(string FirstName, string LastName, DateOnly BirthDate, string? Territory);

/// <summary>
/// The agenda's rules in one place: where a new item goes, how a situation enters a session (from a
/// request or directly), the indicators copied from the latest evaluation, and who is invited.
/// </summary>
public static class CommissionAgenda
{
    /// <summary>Urgent first, then re-presented, then new ones.</summary>
    public static int Rank(bool urgent, bool representation) => urgent ? 0 : representation ? 1 : 2;

    public static string SessionLink(Guid sessionId) => $"/commission/seances/{sessionId}";

    /// <summary>
    /// Adds a situation to a session's agenda (the caller has checked the session is planned and the
    /// situation not yet on it): the item goes after the last item of the same or a higher rank, so
    /// that Coordination's manual order is kept. The caller saves.
    /// </summary>
    public static async Task<AgendaItem> AddItemAsync(VigieDbContext db, FieldCipher cipher, CommissionSession session, Guid situationId,
        bool urgent, string? presenterId, Guid? requestId, DateTime now)
    {
        var representation = await db.AgendaItems.AnyAsync(i => i.SituationId == situationId && i.SessionId != session.Id
            && i.Session!.StartsAt < session.StartsAt && i.Session.Status != SessionStatus.Annulee);
        var item = new AgendaItem
        {
            SessionId = session.Id,
            SituationId = situationId,
            ReviewRequestId = requestId,
            Urgent = urgent,
            Representation = representation,
            PresenterId = presenterId,
            IndicatorsEncrypted = await IndicatorsAsync(db, cipher, situationId),
            CreatedAt = now,
            UpdatedAt = now,
        };
        var items = await db.AgendaItems.Where(i => i.SessionId == session.Id).OrderBy(i => i.Position).ToListAsync();
        var rank = Rank(urgent, representation);
        var at = items.FindIndex(i => Rank(i.Urgent, i.Representation) > rank);
        items.Insert(at < 0 ? items.Count : at, item);
        Renumber(items, now);
        db.AgendaItems.Add(item);
        return item;
    }

    /// <summary>Why the situation cannot enter that session's agenda (in French), or null when it can.</summary>
    public static async Task<string?> RefusalAsync(VigieDbContext db, CommissionSession? session, Guid situationId, bool urgent, DateTime now)
    {
        if (session is null || session.Status != SessionStatus.Planifiee || session.StartsAt <= now)
        {
            return "Choisissez une séance planifiée à venir.";
        }

        if (session.AgendaPublishedAt is not null && !urgent)
        {
            return "L'ordre du jour de cette séance est publié : seules les situations urgentes peuvent encore y être ajoutées.";
        }

        return await db.AgendaItems.AnyAsync(i => i.SessionId == session.Id && i.SituationId == situationId)
            ? "Cette situation est déjà à l'ordre du jour de cette séance."
            : null;
    }

    /// <summary>
    /// Puts the situation on the session's agenda: the item, the move to "suivie en commission" and
    /// the presenter's invitation (returned when new, to notify). The caller saves, audits and notifies.
    /// </summary>
    public static async Task<(AgendaItem Item, SessionInvitation? Invitation)> EnrolAsync(VigieDbContext db, FieldCipher cipher, CommissionSession session,
        Situation situation, bool urgent, string? presenterId, Guid? requestId, string userId, DateTime now)
    {
        var item = await AddItemAsync(db, cipher, session, situation.Id, urgent, presenterId, requestId, now);
        item.UpdatedById = userId;
        FollowInCommission(db, situation, userId, now);
        var invitation = presenterId is null ? null : await InviteUserAsync(db, session.Id, presenterId, InvitationRole.Presentateur, now);
        return (item, invitation);
    }

    /// <summary>An accepted request whose item is removed or whose session is cancelled waits again for a session.</summary>
    public static void BackToPending(ReviewRequest request)
    {
        request.Status = ReviewRequestStatus.EnAttente;
        request.AgendaItemId = null;
        request.DecidedAt = null;
        request.DecidedById = null;
        request.Version++;
    }

    /// <summary>The planned sessions still to come, for the choice of a session.</summary>
    public static Task<List<CommissionSession>> UpcomingAsync(VigieDbContext db, DateTime now) =>
        db.CommissionSessions.AsNoTracking().Where(s => s.Status == SessionStatus.Planifiee && s.StartsAt > now).OrderBy(s => s.StartsAt).ToListAsync();

    /// <summary>Positions 1, 2, 3… in list order; changed items get a new version.</summary>
    public static void Renumber(IList<AgendaItem> items, DateTime now)
    {
        for (var i = 0; i < items.Count; i++)
        {
            if (items[i].Position != i + 1)
            {
                items[i].Position = i + 1;
                items[i].UpdatedAt = now;
            }
        }
    }

    /// <summary>
    /// The indicators suspected or proven at the situation's latest validated evaluation, as
    /// encrypted JSON (key, level, date), or null when there is no evaluation or no such indicator.
    /// </summary>
    public static async Task<string?> IndicatorsAsync(VigieDbContext db, FieldCipher cipher, Guid situationId)
    {
        var clear = await db.Evaluations.AsNoTracking().Where(e => e.SituationId == situationId)
            .OrderByDescending(e => e.Number).Select(e => e.ClearJson).FirstOrDefaultAsync();
        if (clear is null)
        {
            return null;
        }

        var sections = JsonSerializer.Deserialize<Dictionary<string, Dictionary<string, string>>>(clear) ?? [];
        if (!sections.TryGetValue(TrameSchema.Indicateurs, out var values) || TrameSchema.Find(TrameSchema.Indicateurs) is not { } section)
        {
            return null;
        }

        var marks = section.Fields.Where(f => f.Kind == FieldKind.Indicator)
            .Select(f => (Field: f, Level: values.GetValueOrDefault(f.Key)))
            .Where(x => x.Level is "suspecte" or "avere")
            .Select(x => new IndicatorMark(x.Field.Key, x.Level!, values.GetValueOrDefault(x.Field.Key + TrameSchema.DateSuffix)))
            .ToList();
        return marks.Count == 0 ? null : cipher.Encrypt(JsonSerializer.Serialize(marks), AgendaItem.IndicatorsPurpose);
    }

    public static IReadOnlyList<IndicatorMark> ReadIndicators(FieldCipher cipher, string? encrypted) =>
        encrypted is null ? [] : JsonSerializer.Deserialize<List<IndicatorMark>>(cipher.Decrypt(encrypted, AgendaItem.IndicatorsPurpose)) ?? [];

    /// <summary>
    /// Invites a Vigie user (their name and organisation are copied for the minutes), unless already
    /// invited. Returns the new invitation, or null. The caller saves and notifies.
    /// </summary>
    public static async Task<SessionInvitation?> InviteUserAsync(VigieDbContext db, Guid sessionId, string userId, InvitationRole role, DateTime now)
    {
        if (await db.SessionInvitations.AnyAsync(i => i.SessionId == sessionId && i.UserId == userId)
            || db.SessionInvitations.Local.Any(i => i.SessionId == sessionId && i.UserId == userId))
        {
            return null;
        }

        var person = await db.Users.Where(u => u.Id == userId && u.IsActive)
            .Select(u => new { u.DisplayName, Organisation = u.Organisation!.Name }).FirstOrDefaultAsync();
        if (person is null)
        {
            return null;
        }

        var invitation = new SessionInvitation
        {
            SessionId = sessionId,
            UserId = userId,
            Role = role,
            PersonName = Truncate(person.DisplayName, 200),
            Institution = Truncate(person.Organisation, 200),
            InvitedAt = now,
            NotifiedAt = now,
        };
        db.SessionInvitations.Add(invitation);
        return invitation;
    }

    /// <summary>The active users holding a role (for the invitation lists).</summary>
    public static IQueryable<VigieUser> ActiveWithRole(VigieDbContext db, string role) =>
        db.Users.Where(u => u.IsActive
            && db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == role)));

    /// <summary>The ids of the invited users with an account (for notifications).</summary>
    public static Task<List<string>> InvitedUserIdsAsync(VigieDbContext db, Guid sessionId) =>
        db.SessionInvitations.Where(i => i.SessionId == sessionId && i.UserId != null).Select(i => i.UserId!).ToListAsync();

    public static async Task NotifyInvitedAsync(VigieDbContext db, INotifier notifier, Guid sessionId, string kind)
    {
        var users = await InvitedUserIdsAsync(db, sessionId);
        if (users.Count > 0)
        {
            await notifier.NotifyAsync(users, kind, SessionLink(sessionId));
        }
    }

    /// <summary>Moves the situation to "suivie en commission" when its status allows it, as a recorded status change. The caller saves.</summary>
    public static void FollowInCommission(VigieDbContext db, Situation situation, string userId, DateTime now)
    {
        if (situation.Status != SituationStatus.SuivieEnCommission && SituationTransitions.CanMove(situation.Status, SituationStatus.SuivieEnCommission))
        {
            situation.MoveTo(SituationStatus.SuivieEnCommission, now);
            db.SituationEvents.Add(SituationEvent.Of(situation.Id, now, userId, SituationEventKind.StatusChanged, SituationStatus.SuivieEnCommission.ToString()));
        }
    }

    /// <summary>"Séance n° 20 du 12/03/2027".</summary>
    public static string Title(int number, DateTime startsAt) =>
        string.Create(CultureInfo.InvariantCulture, $"Séance n° {number} du {Platform.Web.ParisTime.FormatDate(startsAt)}");

    /// <summary>Whole years between the birth date and today (Paris).</summary>
    public static int Age(DateOnly birth, DateTime now) =>
        AgeBands.YearsOld(birth, DateOnly.FromDateTime(Platform.Web.ParisTime.ToLocal(now)));

    /// <summary>The minors of the given situations, decrypted (for the agenda's lines and the item page).</summary>
    public static async Task<Dictionary<Guid, ItemPerson>> PersonsAsync(VigieDbContext db, FieldCipher cipher, IEnumerable<Guid> situationIds)
    {
        var ids = situationIds.Distinct().ToList();
        var rows = await db.Situations.AsNoTracking().Where(s => ids.Contains(s.Id))
            .Select(s => new { s.Id, s.FirstNameEncrypted, s.LastNameEncrypted, s.BirthDateEncrypted, s.Territory }).ToListAsync();
        return rows.ToDictionary(r => r.Id, r => new ItemPerson(
            cipher.Decrypt(r.FirstNameEncrypted, Situation.FirstNamePurpose),
            cipher.Decrypt(r.LastNameEncrypted, Situation.LastNamePurpose),
            DateOnly.Parse(cipher.Decrypt(r.BirthDateEncrypted, Situation.BirthDatePurpose), CultureInfo.InvariantCulture),
            r.Territory));
    }

    public static async Task<Dictionary<string, string>> UserNamesAsync(VigieDbContext db, IEnumerable<string?> userIds)
    {
        var ids = userIds.OfType<string>().Distinct().ToList();
        return await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName);
    }

    private static string Truncate(string value, int max) => value.Length <= max ? value : value[..max];
}
