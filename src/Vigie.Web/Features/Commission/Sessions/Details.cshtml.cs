using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Vigie.Web.Data;
using Vigie.Web.Features.Compte;
using Vigie.Web.Features.Notifications;
using Vigie.Web.Features.Situations;
using Vigie.Web.Platform.Audit;
using Vigie.Web.Platform.Crypto;

namespace Vigie.Web.Features.Commission.Sessions;

/// <summary>
/// One session. Everyone who sees it (Coordination, the invited) reads its date, place, link, who is
/// invited, and the agenda items their scope allows (<see cref="SituationScope.ItemsVisibleTo"/>);
/// an invited member who has not accepted the commitment sees a link to it instead. Coordination
/// edits, marks held, cancels, invites, orders the agenda, sees the open actions carried over and
/// publishes. Not visible: 404.
/// </summary>
[Authorize(Policy = Policies.Commission)]
public sealed class DetailsModel(VigieDbContext db, FieldCipher cipher, IAuditLog audit, INotifier notifier, TimeProvider clock,
    IOptions<CommissionOptions> options) : PageModel
{
    public const int CancelReasonMaxLength = 1000;

    [BindProperty]
    public SessionForm Input { get; set; } = new();

    [BindProperty]
    public string? CancelReason { get; set; }

    [BindProperty]
    public string? GuestName { get; set; }

    [BindProperty]
    public string? GuestInstitution { get; set; }

    [TempData]
    public string? Status { get; set; }

    public CommissionSession Session { get; private set; } = null!;

    public bool IsCoordination => User.IsInRole(Roles.Coordination);

    public bool IsInvitedMember { get; private set; }

    public bool HasAccepted { get; private set; }

    public int ItemCount { get; private set; }

    public IReadOnlyList<SessionInvitation> Invitations { get; private set; } = [];

    public IReadOnlyList<ItemRow> Items { get; private set; } = [];

    public IReadOnlyList<(string Id, string Name, string Organisation)> MemberCandidates { get; private set; } = [];

    public IReadOnlyList<(string Id, string Name, string Organisation)> PresenterCandidates { get; private set; } = [];

    public IReadOnlyList<ActionRow> CarriedActions { get; private set; } = [];

    public IReadOnlyList<ActionRow> EarlierOpenActions { get; private set; } = [];

    public bool CommitmentExists { get; private set; }

    public bool ShowEditForm { get; private set; }

    private string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier)!;

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        Input = SessionForm.Of(Session);
        await audit.RecordAsync(AuditAction.Read, AuditRecordType.CommissionSession, id.ToString());
        return Page();
    }

    public async Task<IActionResult> OnPostEditAsync(Guid id)
    {
        var (session, refusal) = await CoordinationAsync(id);
        if (session is null)
        {
            return refusal!;
        }

        var start = Input.Validate(ModelState, nameof(Input), Now);
        if (session.Status != SessionStatus.Planifiee)
        {
            ModelState.AddModelError(string.Empty, "Seule une séance planifiée peut être modifiée.");
        }
        else if (session.Version != Input.Version)
        {
            ModelState.AddModelError(string.Empty, "La séance a été modifiée par un autre membre de la coordination entre-temps : vérifiez ses informations puis enregistrez à nouveau.");
        }

        if (start is { } s && session.Kind == SessionKind.Ordinaire
            && await SessionCalendar.DayTakenAsync(db, DateOnly.FromDateTime(Platform.Web.ParisTime.ToLocal(s)), session.Id))
        {
            ModelState.AddModelError("Input.Date", "Une autre séance est déjà prévue ce jour-là.");
        }

        if (!ModelState.IsValid || start is null)
        {
            ShowEditForm = true;
            return await PageAsync(id);
        }

        var changed = session.StartsAt != start.Value || session.Place != Input.Place || session.VideoLink != Input.VideoLink;
        session.StartsAt = start.Value;
        session.DurationMinutes = Input.DurationMinutes;
        session.Place = Input.Place;
        session.VideoLink = Input.VideoLink;
        session.Note = Input.Note;
        if (!await SaveAsync(session))
        {
            ShowEditForm = true;
            return await PageAsync(id);
        }

        await audit.RecordAsync(AuditAction.Update, AuditRecordType.CommissionSession, id.ToString());
        if (changed)
        {
            await CommissionAgenda.NotifyInvitedAsync(db, notifier, id, NotificationKind.CommissionSessionChanged);
        }

        Status = changed ? "La séance est modifiée ; les personnes invitées en sont averties." : "La séance est enregistrée.";
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostHeldAsync(Guid id)
    {
        var (session, refusal) = await CoordinationAsync(id);
        if (session is null)
        {
            return refusal!;
        }

        if (session.Status != SessionStatus.Planifiee || session.StartsAt > Now)
        {
            ModelState.AddModelError(string.Empty, session.Status != SessionStatus.Planifiee
                ? "Seule une séance planifiée peut être marquée tenue."
                : "La séance n'a pas encore commencé : elle ne peut pas être marquée tenue.");
            return await PageAsync(id);
        }

        session.Status = SessionStatus.Tenue;
        if (!await SaveAsync(session))
        {
            return await PageAsync(id);
        }

        await audit.RecordAsync(AuditAction.Update, AuditRecordType.CommissionSession, id.ToString());
        Status = "La séance est marquée tenue.";
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostCancelAsync(Guid id)
    {
        var (session, refusal) = await CoordinationAsync(id);
        if (session is null)
        {
            return refusal!;
        }

        var reason = CancelReason?.Trim();
        if (session.Status != SessionStatus.Planifiee)
        {
            ModelState.AddModelError(string.Empty, "Seule une séance planifiée peut être annulée.");
        }
        else if (string.IsNullOrEmpty(reason))
        {
            ModelState.AddModelError(nameof(CancelReason), "Indiquez le motif de l'annulation.");
        }
        else if (reason.Length > CancelReasonMaxLength)
        {
            ModelState.AddModelError(nameof(CancelReason), $"Le motif fait {CancelReasonMaxLength} caractères au plus.");
        }

        if (!ModelState.IsValid)
        {
            return await PageAsync(id);
        }

        session.Status = SessionStatus.Annulee;
        session.Note = reason;
        // The requests placed on this session wait again for another one.
        var placed = await db.ReviewRequests
            .Where(r => r.Status == ReviewRequestStatus.Acceptee && db.AgendaItems.Any(i => i.Id == r.AgendaItemId && i.SessionId == id))
            .ToListAsync();
        placed.ForEach(CommissionAgenda.BackToPending);

        if (!await SaveAsync(session))
        {
            return await PageAsync(id);
        }

        await audit.RecordAsync(AuditAction.Update, AuditRecordType.CommissionSession, id.ToString());
        await CommissionAgenda.NotifyInvitedAsync(db, notifier, id, NotificationKind.CommissionSessionChanged);
        Status = "La séance est annulée ; les personnes invitées en sont averties.";
        return RedirectToPage(new { id });
    }

    public Task<IActionResult> OnPostInviteMemberAsync(Guid id, string? user) => InviteAsync(id, user, InvitationRole.Membre, Roles.MembreCommission);

    public Task<IActionResult> OnPostInvitePresenterAsync(Guid id, string? user) => InviteAsync(id, user, InvitationRole.Presentateur, Roles.Professionnel);

    public async Task<IActionResult> OnPostInviteGuestAsync(Guid id)
    {
        var (session, refusal) = await CoordinationAsync(id);
        if (session is null)
        {
            return refusal!;
        }

        var name = GuestName?.Trim();
        var institution = GuestInstitution?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > 200)
        {
            ModelState.AddModelError(nameof(GuestName), "Indiquez le nom de la personne invitée (200 caractères au plus).");
        }

        if (string.IsNullOrEmpty(institution) || institution.Length > 200)
        {
            ModelState.AddModelError(nameof(GuestInstitution), "Indiquez son institution (200 caractères au plus).");
        }

        if (!ModelState.IsValid)
        {
            return await PageAsync(id);
        }

        db.SessionInvitations.Add(new SessionInvitation
        {
            SessionId = id, Role = InvitationRole.Membre, PersonName = name!, Institution = institution!, InvitedAt = Now,
        });
        await db.SaveChangesAsync();
        await audit.RecordAsync(AuditAction.Update, AuditRecordType.CommissionSession, id.ToString());
        Status = "La personne est inscrite parmi les invités (sans compte Vigie : elle n'est pas avertie par Vigie).";
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostRemoveInvitationAsync(Guid id, Guid invitation)
    {
        var (session, refusal) = await CoordinationAsync(id);
        if (session is null)
        {
            return refusal!;
        }

        var found = await db.SessionInvitations.FirstOrDefaultAsync(i => i.Id == invitation && i.SessionId == id);
        if (found is null)
        {
            return NotFound();
        }

        db.SessionInvitations.Remove(found);
        await db.SaveChangesAsync();
        await audit.RecordAsync(AuditAction.Update, AuditRecordType.CommissionSession, id.ToString());
        Status = $"{found.PersonName} n'est plus invité(e) à la séance.";
        return RedirectToPage(new { id });
    }

    public Task<IActionResult> OnPostMoveUpAsync(Guid id, Guid item) => MoveAsync(id, item, -1);

    public Task<IActionResult> OnPostMoveDownAsync(Guid id, Guid item) => MoveAsync(id, item, +1);

    public async Task<IActionResult> OnPostRemoveItemAsync(Guid id, Guid item)
    {
        var (session, refusal) = await CoordinationAsync(id);
        if (session is null)
        {
            return refusal!;
        }

        var items = await db.AgendaItems.Where(i => i.SessionId == id).OrderBy(i => i.Position).ToListAsync();
        var found = items.FirstOrDefault(i => i.Id == item);
        if (found is null)
        {
            return NotFound();
        }

        if (session.AgendaPublishedAt is not null || session.Status != SessionStatus.Planifiee)
        {
            ModelState.AddModelError(string.Empty, "L'ordre du jour est publié : un point ne peut plus en être retiré.");
            return await PageAsync(id);
        }

        if (found.ReviewRequestId is { } requestId && await db.ReviewRequests.FirstOrDefaultAsync(r => r.Id == requestId) is { } request)
        {
            // The request waits again for a session.
            CommissionAgenda.BackToPending(request);
        }

        items.Remove(found);
        db.AgendaItems.Remove(found);
        CommissionAgenda.Renumber(items, Now);
        await db.SaveChangesAsync();
        await audit.RecordAsync(AuditAction.Delete, AuditRecordType.AgendaItem, item.ToString());
        Status = "Le point est retiré de l'ordre du jour.";
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostPublishAsync(Guid id)
    {
        var (session, refusal) = await CoordinationAsync(id);
        if (session is null)
        {
            return refusal!;
        }

        if (session.Status != SessionStatus.Planifiee)
        {
            ModelState.AddModelError(string.Empty, "Seul l'ordre du jour d'une séance planifiée peut être publié.");
        }
        else if (session.AgendaPublishedAt is not null)
        {
            ModelState.AddModelError(string.Empty, "L'ordre du jour est déjà publié.");
        }
        else if (!await db.ConfidentialityCommitments.AnyAsync())
        {
            ModelState.AddModelError(string.Empty, "Aucune version de l'engagement de confidentialité n'est publiée : publiez-en une (Commission › Engagement de confidentialité) avant l'ordre du jour, car les membres doivent l'accepter pour lire les points.");
        }
        else if (!await db.AgendaItems.AnyAsync(i => i.SessionId == id))
        {
            ModelState.AddModelError(string.Empty, "L'ordre du jour est vide : inscrivez au moins une situation avant de le publier.");
        }

        if (!ModelState.IsValid)
        {
            return await PageAsync(id);
        }

        session.AgendaPublishedAt = Now;
        session.AgendaPublishedById = UserId;
        if (!await SaveAsync(session))
        {
            return await PageAsync(id);
        }

        await audit.RecordAsync(AuditAction.AgendaPublished, AuditRecordType.CommissionSession, id.ToString());
        await CommissionAgenda.NotifyInvitedAsync(db, notifier, id, NotificationKind.CommissionAgendaPublished);
        Status = "L'ordre du jour est publié ; les personnes invitées en sont averties.";
        return RedirectToPage(new { id });
    }

    private async Task<IActionResult> InviteAsync(Guid id, string? user, InvitationRole role, string requiredRole)
    {
        var (session, refusal) = await CoordinationAsync(id);
        if (session is null)
        {
            return refusal!;
        }

        var field = role == InvitationRole.Membre ? "member" : "presenter";
        if (string.IsNullOrEmpty(user) || !await CommissionAgenda.ActiveWithRole(db, requiredRole).AnyAsync(u => u.Id == user))
        {
            ModelState.AddModelError(field, role == InvitationRole.Membre
                ? "Choisissez un membre de la commission (compte actif)."
                : "Choisissez un professionnel (compte actif).");
            return await PageAsync(id);
        }

        var invitation = await CommissionAgenda.InviteUserAsync(db, id, user, role, Now);
        if (invitation is null)
        {
            ModelState.AddModelError(field, "Cette personne est déjà invitée à la séance.");
            return await PageAsync(id);
        }

        await db.SaveChangesAsync();
        await audit.RecordAsync(AuditAction.Update, AuditRecordType.CommissionSession, id.ToString());
        await notifier.NotifyAsync([user], NotificationKind.CommissionInvitation, CommissionAgenda.SessionLink(id));
        Status = $"{invitation.PersonName} est invité(e) ; la personne en est avertie.";
        return RedirectToPage(new { id });
    }

    private async Task<IActionResult> MoveAsync(Guid id, Guid item, int by)
    {
        var (session, refusal) = await CoordinationAsync(id);
        if (session is null)
        {
            return refusal!;
        }

        var items = await db.AgendaItems.Where(i => i.SessionId == id).OrderBy(i => i.Position).ToListAsync();
        var index = items.FindIndex(i => i.Id == item);
        if (index < 0)
        {
            return NotFound();
        }

        var target = index + by;
        if (target >= 0 && target < items.Count)
        {
            (items[index], items[target]) = (items[target], items[index]);
            CommissionAgenda.Renumber(items, Now);
            foreach (var changed in items.Where(i => db.Entry(i).State == EntityState.Modified))
            {
                changed.UpdatedById = UserId;
                changed.Version++;
            }

            await db.SaveChangesAsync();
            await audit.RecordAsync(AuditAction.Update, AuditRecordType.CommissionSession, id.ToString());
        }

        return Redirect($"{CommissionAgenda.SessionLink(id)}#ordre-du-jour");
    }

    /// <summary>The session, tracked, for Coordination; otherwise 404 (not visible) or 403 (audited).</summary>
    private async Task<(CommissionSession? Session, IActionResult? Refusal)> CoordinationAsync(Guid id)
    {
        var session = await db.CommissionSessions.SessionsVisibleTo(User).FirstOrDefaultAsync(s => s.Id == id);
        if (session is null)
        {
            return (null, NotFound());
        }

        if (!IsCoordination)
        {
            await audit.RecordAsync(AuditAction.Update, AuditRecordType.CommissionSession, id.ToString(), AuditOutcome.Denied);
            return (null, Forbid());
        }

        return (session, null);
    }

    /// <summary>Saves the session with a new version; false (and a French error) when someone changed it meanwhile.</summary>
    private async Task<bool> SaveAsync(CommissionSession session)
    {
        session.Version++;
        try
        {
            await db.SaveChangesAsync();
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            ModelState.AddModelError(string.Empty, "La séance a été modifiée par un autre membre de la coordination entre-temps : vérifiez puis recommencez.");
            db.ChangeTracker.Clear();
            return false;
        }
    }

    private async Task<IActionResult> PageAsync(Guid id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        if (!ShowEditForm)
        {
            Input = SessionForm.Of(Session);
        }

        return Page();
    }

    private async Task<bool> LoadAsync(Guid id)
    {
        var now = Now;
        var session = await db.CommissionSessions.AsNoTracking().SessionsVisibleTo(User).FirstOrDefaultAsync(s => s.Id == id);
        if (session is null)
        {
            return false;
        }

        Session = session;
        Invitations = await db.SessionInvitations.AsNoTracking().Where(i => i.SessionId == id)
            .OrderBy(i => i.Role).ThenBy(i => i.PersonName).ToListAsync();
        IsInvitedMember = Invitations.Any(i => i.UserId == UserId && i.Role == InvitationRole.Membre);
        HasAccepted = await db.CommitmentAcceptances.AnyAsync(a => a.SessionId == id && a.UserId == UserId);
        ItemCount = await db.AgendaItems.CountAsync(i => i.SessionId == id);
        var items = await db.AgendaItems.AsNoTracking().Where(i => i.SessionId == id)
            .ItemsVisibleTo(db, User, now, options.Value.MemberAccessAfterClosure)
            .OrderBy(i => i.Position)
            .Select(i => new { i.Id, i.SituationId, i.Position, i.Urgent, i.Representation, i.PresenterId, i.Widened })
            .ToListAsync();
        var persons = await CommissionAgenda.PersonsAsync(db, cipher, items.Select(i => i.SituationId));
        var names = await CommissionAgenda.UserNamesAsync(db, items.Select(i => i.PresenterId));
        Items = items.Select(i =>
            {
                var person = persons[i.SituationId];
                return new ItemRow(i.Id, i.SituationId, i.Position, IsCoordination || i.Widened ? $"{person.FirstName} {person.LastName}" : person.FirstName,
                    CommissionAgenda.Age(person.BirthDate, now), person.Territory, i.Urgent, i.Representation,
                    i.PresenterId is null ? null : names.GetValueOrDefault(i.PresenterId));
            })
            .ToList();

        if (IsCoordination)
        {
            var invited = Invitations.Where(i => i.UserId != null).Select(i => i.UserId!).ToList();
            MemberCandidates = await CandidatesAsync(Roles.MembreCommission, invited);
            PresenterCandidates = await CandidatesAsync(Roles.Professionnel, invited);
            CommitmentExists = await db.ConfidentialityCommitments.AnyAsync();
            await LoadActionsAsync(session, items.Select(i => i.SituationId).ToHashSet());
        }

        return true;
    }

    private async Task<IReadOnlyList<(string, string, string)>> CandidatesAsync(string role, List<string> invited) =>
        (await CommissionAgenda.ActiveWithRole(db, role).Where(u => !invited.Contains(u.Id))
            .OrderBy(u => u.DisplayName).Select(u => new { u.Id, u.DisplayName, Organisation = u.Organisation!.Name }).ToListAsync())
        .Select(u => (u.Id, u.DisplayName, u.Organisation)).ToList();

    /// <summary>Open actions of earlier sessions: those of the situations on this agenda (carried over), and all of them.</summary>
    private async Task LoadActionsAsync(CommissionSession session, HashSet<Guid> situations)
    {
        var open = await (
                from a in db.CommissionActions.AsNoTracking()
                where a.Status == ActionStatus.Ouverte
                join s in db.CommissionSessions on a.SessionId equals s.Id
                where s.StartsAt < session.StartsAt
                orderby a.DueOn
                select new { a.Id, a.SituationId, a.DescriptionEncrypted, a.OwnerId, a.OwnerOrganisationId, a.DueOn, s.Number })
            .ToListAsync();
        var owners = await CommissionAgenda.UserNamesAsync(db, open.Select(a => a.OwnerId));
        var organisationIds = open.Select(a => a.OwnerOrganisationId).Distinct().ToList();
        var organisations = await db.Organisations.AsNoTracking().Where(o => organisationIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name);
        var today = DateOnly.FromDateTime(Platform.Web.ParisTime.ToLocal(Now));
        var rows = open.Select(a => new ActionRow(a.Id, a.SituationId, cipher.Decrypt(a.DescriptionEncrypted, CommissionAction.DescriptionPurpose),
            a.OwnerId is null ? null : owners.GetValueOrDefault(a.OwnerId), organisations.GetValueOrDefault(a.OwnerOrganisationId, "?"),
            a.DueOn, a.DueOn < today, a.Number)).ToList();
        CarriedActions = rows.Where(r => situations.Contains(r.SituationId)).ToList();
        EarlierOpenActions = rows;
    }

    public sealed record ItemRow(Guid Id, Guid SituationId, int Position, string Name, int Age, string? Territory, bool Urgent, bool Representation,
        string? Presenter);

    public sealed record ActionRow(Guid Id, Guid SituationId, string Description, string? Owner, string Organisation, DateOnly DueOn, bool Overdue,
        int SessionNumber);
}
