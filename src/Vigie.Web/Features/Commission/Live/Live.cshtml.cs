using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Vigie.Web.Data;
using Vigie.Web.Features.Compte;
using Vigie.Web.Features.Notifications;
using Vigie.Web.Platform.Audit;
using Vigie.Web.Platform.Crypto;
using Vigie.Web.Platform.Web;

namespace Vigie.Web.Features.Commission.Live;

/// <summary>
/// "En séance": what Coordination records during the meeting, on a laptop. Attendance by
/// institution; per agenda item the information shared, the advice, the review date (optimistic
/// concurrency on the item's version), decisions (through <see cref="CommissionDecisions.Add"/>) and
/// actions. Each block has its own submit button; commission-live.js posts a changed block by
/// itself (header <c>X-Vigie-Autosave</c>) and gets JSON back. Read-only once the session is
/// cancelled or its minutes locked.
/// </summary>
[Authorize(Policy = Policies.CommissionCoordination)]
public sealed class LiveModel(VigieDbContext db, FieldCipher cipher, IAuditLog audit, TimeProvider clock, INotifier notifier) : PageModel
{
    public const int TextMaxLength = 8000;
    public const int ActionMaxLength = 2000;
    public const string AutosaveHeader = "X-Vigie-Autosave";

    private static readonly string[] DateFormats = ["yyyy-MM-dd", "dd/MM/yyyy", "d/M/yyyy"];

    [TempData]
    public string? Status { get; set; }

    public SessionRecord Record { get; private set; } = null!;

    public CommissionSession Session => Record.Session;

    public bool Editable { get; private set; }

    /// <summary>Who may own an action: the session's invited users who have an account.</summary>
    public IReadOnlyList<(string Id, string Name)> Owners { get; private set; } = [];

    public IReadOnlyList<(Guid Id, string Name)> Organisations { get; private set; } = [];

    /// <summary>
    /// The item (by its position) whose "add a decision" and "add an action" forms are shown. Each
    /// item shows a link to them instead: with 25 items, rendering every item's forms (their lists of
    /// people and organisations) was half of the page and most of its cost. After an addition or a
    /// refused one, the same item's forms stay open.
    /// </summary>
    public int? AddingTo { get; set; }

    /// <summary>The query's <c>ajout</c> as typed; anything but a number is ignored (no error shown).</summary>
    [FromQuery(Name = "ajout")]
    public string? AddingToQuery
    {
        get => AddingTo?.ToString(CultureInfo.InvariantCulture);
        set => AddingTo = int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var position) ? position : null;
    }

    /// <summary>What was typed in a refused form, by field id, shown again instead of the stored value.</summary>
    public Dictionary<string, string?> Typed { get; } = new(StringComparer.Ordinal);

    /// <summary>A field's value as typed (after a refused post) or <paramref name="stored"/>.</summary>
    public string? Value(string fieldId, string? stored) => Typed.TryGetValue(fieldId, out var typed) ? typed : stored;

    private string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier) ?? string.Empty;

    private bool Autosave => Request.Headers[AutosaveHeader] == "1";

    private DateOnly SessionDay => DateOnly.FromDateTime(ParisTime.ToLocal(Session.StartsAt));

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        await audit.RecordAsync(AuditAction.Read, AuditRecordType.CommissionLive, id.ToString());
        return Page();
    }

    /// <summary>Information shared, advice and review date of one item.</summary>
    public async Task<IActionResult> OnPostItemAsync(Guid id, Guid itemId, int version, string? shared, string? advice, string? reviewOn)
    {
        if (await RefuseAsync(id) is { } refusal)
        {
            return refusal;
        }

        var item = await db.AgendaItems.FirstOrDefaultAsync(i => i.Id == itemId && i.SessionId == id);
        if (item is null)
        {
            return NotFound();
        }

        var sharedText = Normalise(shared);
        var adviceText = Normalise(advice);
        Keep($"shared-{itemId}", shared);
        Keep($"advice-{itemId}", advice);
        Keep($"review-{itemId}", reviewOn);
        CheckLength($"shared-{itemId}", sharedText, "Les informations partagées");
        CheckLength($"advice-{itemId}", adviceText, "L'avis de la commission");
        var review = ParseDate($"review-{itemId}", reviewOn, required: false, "la date de revoyure");
        if (review is { } day && day < SessionDay)
        {
            ModelState.AddModelError($"review-{itemId}", "La date de revoyure ne peut pas précéder la séance.");
        }

        if (ModelState.IsValid && version != item.Version)
        {
            ModelState.AddModelError($"item-{itemId}", await ConflictAsync(item));
        }

        if (!ModelState.IsValid)
        {
            return await RefusedAsync(id, item.Version);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        item.SharedInformationEncrypted = sharedText.Length == 0 ? null : cipher.Encrypt(sharedText, AgendaItem.SharedPurpose);
        item.AdviceEncrypted = adviceText.Length == 0 ? null : cipher.Encrypt(adviceText, AgendaItem.AdvicePurpose);
        item.ReviewOn = review;
        db.Entry(item).Property(i => i.Version).OriginalValue = version;
        item.Version = version + 1;
        item.UpdatedAt = now;
        item.UpdatedById = UserId;
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            var current = await db.AgendaItems.AsNoTracking().SingleAsync(i => i.Id == itemId);
            ModelState.AddModelError($"item-{itemId}", await ConflictAsync(current));
            return await RefusedAsync(id, current.Version);
        }

        await audit.RecordAsync(AuditAction.Update, AuditRecordType.AgendaItem, itemId.ToString());
        return Saved(id, item.Position, $"Point {item.Position} enregistré.", item.Version, now);
    }

    /// <summary>The attendance of the invitations posted (<c>attendance[invitationId]=Present</c>).</summary>
    public async Task<IActionResult> OnPostAttendanceAsync(Guid id, Dictionary<string, string> attendance)
    {
        if (await RefuseAsync(id) is { } refusal)
        {
            return refusal;
        }

        var invitations = await db.SessionInvitations.Where(i => i.SessionId == id).ToListAsync();
        foreach (var (key, value) in attendance)
        {
            var invitation = invitations.FirstOrDefault(i => i.Id.ToString() == key);
            if (invitation is null)
            {
                continue;
            }

            if (Enum.TryParse<Attendance>(value, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(value, out _))
            {
                invitation.Attendance = parsed;
            }
            else
            {
                Keep($"attendance-{key}", value);
                ModelState.AddModelError($"attendance-{key}", $"Choisissez la présence de {invitation.PersonName} dans la liste.");
            }
        }

        if (!ModelState.IsValid)
        {
            return await RefusedAsync(id, null);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync();
        await audit.RecordAsync(AuditAction.Update, AuditRecordType.CommissionSession, id.ToString());
        return Saved(id, null, "Les présences sont enregistrées.", null, now, "presences");
    }

    public async Task<IActionResult> OnPostDecisionAsync(Guid id, Guid itemId, string? kind, string? detail, string? representOn)
    {
        if (await RefuseAsync(id) is { } refusal)
        {
            return refusal;
        }

        var item = await db.AgendaItems.AsNoTracking().FirstOrDefaultAsync(i => i.Id == itemId && i.SessionId == id);
        if (item is null)
        {
            return NotFound();
        }

        Keep($"kind-{itemId}", kind);
        Keep($"detail-{itemId}", detail);
        Keep($"represent-{itemId}", representOn);
        DecisionKind? parsed = null;
        if (string.IsNullOrWhiteSpace(kind))
        {
            ModelState.AddModelError($"kind-{itemId}", "Choisissez la décision.");
        }
        else if (Enum.TryParse<DecisionKind>(kind, out var value) && Enum.IsDefined(value) && !int.TryParse(kind, out _))
        {
            parsed = value;
        }
        else
        {
            ModelState.AddModelError($"kind-{itemId}", "Cette décision n'existe pas : choisissez-en une dans la liste.");
        }

        var text = Normalise(detail);
        if (text.Length > CommissionDecisions.DetailMaxLength)
        {
            ModelState.AddModelError($"detail-{itemId}", $"Le détail fait {text.Length:N0} caractères : {CommissionDecisions.DetailMaxLength:N0} au plus.");
        }

        DateOnly? represent = null;
        if (parsed == DecisionKind.RepresentationLe)
        {
            represent = ParseDate($"represent-{itemId}", representOn, required: true, "la date à laquelle représenter la situation");
            if (represent is { } day && day <= SessionDay)
            {
                ModelState.AddModelError($"represent-{itemId}", "La date à laquelle représenter la situation doit suivre la séance.");
            }
        }

        if (!ModelState.IsValid || parsed is null)
        {
            AddingTo = item.Position;
            return await RefusedAsync(id, null);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var decision = CommissionDecisions.Add(db, cipher, item, parsed.Value, text, represent, UserId, now);
        await db.SaveChangesAsync();
        await audit.RecordAsync(AuditAction.Create, AuditRecordType.AgendaItem, itemId.ToString());
        if (parsed == DecisionKind.CoAccompagnementPropose)
        {
            // The mobile team learns there is a proposal (fixed text, no case data).
            await notifier.NotifyRolesAsync([Roles.EquipeMobile], NotificationKind.AccompanimentProposed, "/accompagnements");
        }

        return Saved(id, item.Position, $"Décision enregistrée : {CommissionLabels.Decision(decision.Kind)}.", null, now, adding: true);
    }

    /// <summary>Removes a decision recorded by mistake (and the co-accompaniment it proposed, while nobody has answered it).</summary>
    public async Task<IActionResult> OnPostRemoveDecisionAsync(Guid id, Guid decisionId)
    {
        if (await RefuseAsync(id) is { } refusal)
        {
            return refusal;
        }

        var found = await db.CommissionDecisions
            .Join(db.AgendaItems, d => d.AgendaItemId, i => i.Id, (d, i) => new { Decision = d, i.SessionId, i.Position })
            .FirstOrDefaultAsync(x => x.Decision.Id == decisionId && x.SessionId == id);
        if (found is null)
        {
            return NotFound();
        }

        var accompaniments = await db.Accompaniments.Where(a => a.DecisionId == decisionId).ToListAsync();
        if (accompaniments.Any(a => a.Status != AccompanimentStatus.Proposee))
        {
            ModelState.AddModelError(string.Empty,
                "Le jeune a déjà répondu à ce co-accompagnement : la décision ne peut plus être retirée. Enregistrez une nouvelle décision si besoin.");
            return await RefusedAsync(id, null);
        }

        db.Accompaniments.RemoveRange(accompaniments);
        db.CommissionDecisions.Remove(found.Decision);
        await db.SaveChangesAsync();
        await audit.RecordAsync(AuditAction.Delete, AuditRecordType.AgendaItem, found.Decision.AgendaItemId.ToString());
        return Saved(id, found.Position, $"Décision retirée : {CommissionLabels.Decision(found.Decision.Kind)}.", null, clock.GetUtcNow().UtcDateTime);
    }

    public async Task<IActionResult> OnPostActionAsync(Guid id, Guid itemId, string? description, string? ownerId, string? organisationId, string? dueOn)
    {
        if (await RefuseAsync(id) is { } refusal)
        {
            return refusal;
        }

        var item = await db.AgendaItems.AsNoTracking().FirstOrDefaultAsync(i => i.Id == itemId && i.SessionId == id);
        if (item is null)
        {
            return NotFound();
        }

        Keep($"description-{itemId}", description);
        Keep($"owner-{itemId}", ownerId);
        Keep($"organisation-{itemId}", organisationId);
        Keep($"due-{itemId}", dueOn);
        var text = Normalise(description);
        if (text.Length == 0)
        {
            ModelState.AddModelError($"description-{itemId}", "Décrivez l'action.");
        }
        else if (text.Length > ActionMaxLength)
        {
            ModelState.AddModelError($"description-{itemId}", $"L'action fait {text.Length:N0} caractères : {ActionMaxLength:N0} au plus.");
        }

        string? owner = null;
        Guid? ownerOrganisation = null;
        if (!string.IsNullOrEmpty(ownerId))
        {
            var candidate = await OwnersQuery(id).Where(u => u.Id == ownerId).Select(u => new { u.Id, u.OrganisationId }).FirstOrDefaultAsync();
            if (candidate is null)
            {
                ModelState.AddModelError($"owner-{itemId}", "Choisissez le responsable parmi les personnes invitées, ou laissez « aucun ».");
            }
            else
            {
                (owner, ownerOrganisation) = (candidate.Id, candidate.OrganisationId);
            }
        }

        Guid? organisation = null;
        if (Guid.TryParse(organisationId, out var org) && await db.Organisations.AnyAsync(o => o.Id == org && o.IsActive))
        {
            organisation = org;
        }
        else if (string.IsNullOrEmpty(organisationId) && ownerOrganisation is not null)
        {
            // The owner's organisation when none was chosen.
            organisation = ownerOrganisation;
        }
        else
        {
            ModelState.AddModelError($"organisation-{itemId}", string.IsNullOrEmpty(organisationId)
                ? "Choisissez l'organisation responsable de l'action."
                : "Cette organisation n'existe pas ou n'est plus active : choisissez-en une dans la liste.");
        }

        var due = ParseDate($"due-{itemId}", dueOn, required: true, "l'échéance de l'action");
        if (due is { } day && day < SessionDay)
        {
            ModelState.AddModelError($"due-{itemId}", "L'échéance ne peut pas précéder la séance.");
        }

        if (!ModelState.IsValid || organisation is null || due is null)
        {
            AddingTo = item.Position;
            return await RefusedAsync(id, null);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var action = new CommissionAction
        {
            AgendaItemId = itemId,
            SessionId = id,
            SituationId = item.SituationId,
            DescriptionEncrypted = cipher.Encrypt(text, CommissionAction.DescriptionPurpose),
            OwnerId = owner,
            OwnerOrganisationId = organisation.Value,
            DueOn = due.Value,
            CreatedAt = now,
            CreatedById = UserId,
        };
        db.CommissionActions.Add(action);
        await db.SaveChangesAsync();
        await audit.RecordAsync(AuditAction.Create, AuditRecordType.CommissionAction, action.Id.ToString());
        if (owner is not null && owner != UserId)
        {
            await notifier.NotifyAsync([owner], NotificationKind.ActionAssigned, "/actions");
        }

        return Saved(id, item.Position, "L'action est enregistrée.", null, now, adding: true);
    }

    /// <summary>"Marquer la séance comme tenue".</summary>
    public async Task<IActionResult> OnPostHeldAsync(Guid id, int version)
    {
        if (await RefuseAsync(id) is { } refusal)
        {
            return refusal;
        }

        var session = await db.CommissionSessions.SingleAsync(s => s.Id == id);
        if (session.Status == SessionStatus.Tenue)
        {
            Status = "La séance était déjà marquée comme tenue.";
            return Redirect($"/commission/seances/{id}/en-seance");
        }

        db.Entry(session).Property(s => s.Version).OriginalValue = version;
        session.Status = SessionStatus.Tenue;
        session.Version = version + 1;
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            ModelState.AddModelError(string.Empty, "La séance a été modifiée entre-temps : rechargez la page puis marquez-la à nouveau comme tenue.");
            return await RefusedAsync(id, null);
        }

        await audit.RecordAsync(AuditAction.Update, AuditRecordType.CommissionSession, id.ToString());
        Status = "La séance est marquée comme tenue. Le compte rendu peut être préparé.";
        return Redirect($"/commission/seances/{id}/en-seance");
    }

    /// <summary>404 for an unknown session; the page (or a JSON error) when it can no longer change.</summary>
    private async Task<IActionResult?> RefuseAsync(Guid id)
    {
        var session = await db.CommissionSessions.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id);
        if (session is null)
        {
            return NotFound();
        }

        // What follows needs the session's date (validation of dates).
        Record = new SessionRecord(session, [], []);
        if (session.Status == SessionStatus.Annulee || session.MinutesClosedAt is not null)
        {
            ModelState.AddModelError(string.Empty, session.Status == SessionStatus.Annulee
                ? "La séance est annulée : rien ne peut y être enregistré."
                : "Le compte rendu de la séance est verrouillé : ce qui a été enregistré en séance ne change plus (corrigez par un rectificatif au compte rendu).");
            return await RefusedAsync(id, null);
        }

        return null;
    }

    /// <summary>A refused post: the JSON errors for the autosave, or the page with the messages and what was typed.</summary>
    private async Task<IActionResult> RefusedAsync(Guid id, int? currentVersion)
    {
        if (Autosave)
        {
            var errors = ModelState.Where(e => e.Value is { Errors.Count: > 0 })
                .ToDictionary(e => e.Key.Length == 0 ? "page" : e.Key, e => e.Value!.Errors[0].ErrorMessage);
            return new JsonResult(new { ok = false, errors, version = currentVersion }) { StatusCode = StatusCodes.Status422UnprocessableEntity };
        }

        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        return Page();
    }

    private IActionResult Saved(Guid id, int? position, string message, int? version, DateTime now, string? anchor = null, bool adding = false)
    {
        if (Autosave)
        {
            return new JsonResult(new { ok = true, version, savedAt = ParisTime.ToLocal(now).ToString("HH:mm", CultureInfo.InvariantCulture) });
        }

        Status = message;
        return adding
            ? Redirect(string.Create(CultureInfo.InvariantCulture, $"/commission/seances/{id}/en-seance?ajout={position}#ajout-{position}"))
            : Redirect($"/commission/seances/{id}/en-seance#{anchor ?? $"point-{position}"}");
    }

    private async Task<string> ConflictAsync(AgendaItem current)
    {
        var by = await db.Users.AsNoTracking().Where(u => u.Id == current.UpdatedById).Select(u => u.DisplayName).FirstOrDefaultAsync() ?? "un autre utilisateur";
        return $"Ce point a été modifié par {by} entre-temps (le {ParisTime.Format(current.UpdatedAt)}) : votre saisie n'est pas enregistrée. "
            + "Elle est conservée ici ; relisez la version actuelle (rechargez la page dans un autre onglet) puis enregistrez à nouveau pour la remplacer.";
    }

    private void Keep(string fieldId, string? value) => Typed[fieldId] = value;

    private void CheckLength(string key, string text, string what)
    {
        if (text.Length > TextMaxLength)
        {
            ModelState.AddModelError(key, $"{what} font {text.Length:N0} caractères : {TextMaxLength:N0} au plus. Raccourcissez le texte (il est conservé).");
        }
    }

    private DateOnly? ParseDate(string key, string? typed, bool required, string what)
    {
        if (string.IsNullOrWhiteSpace(typed))
        {
            if (required)
            {
                ModelState.AddModelError(key, $"Indiquez {what}.");
            }

            return null;
        }

        if (DateOnly.TryParseExact(typed.Trim(), DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return day;
        }

        ModelState.AddModelError(key, $"La date « {typed.Trim()} » n'est pas valide : indiquez le jour (jj/mm/aaaa).");
        return null;
    }

    private static string Normalise(string? text) => (text ?? string.Empty).Replace("\r\n", "\n", StringComparison.Ordinal).Trim();

    private IQueryable<VigieUser> OwnersQuery(Guid sessionId) =>
        db.Users.AsNoTracking().Where(u => u.IsActive && db.SessionInvitations.Any(i => i.SessionId == sessionId && i.UserId == u.Id));

    private async Task<bool> LoadAsync(Guid id)
    {
        var today = DateOnly.FromDateTime(ParisTime.ToLocal(clock.GetUtcNow().UtcDateTime));
        var record = await SessionRecord.LoadAsync(db, cipher, id, today, HttpContext.RequestAborted);
        if (record is null)
        {
            return false;
        }

        Record = record;
        Editable = record.Session.Status != SessionStatus.Annulee && record.Session.MinutesClosedAt is null;
        // The lists of the "add" forms, which only the item opened for additions shows (AddingTo).
        if (Editable && record.Items.Any(i => i.Position == AddingTo))
        {
            Owners = [.. (await OwnersQuery(id).OrderBy(u => u.DisplayName).Select(u => new { u.Id, u.DisplayName }).ToListAsync())
                .Select(u => (u.Id, u.DisplayName))];
            Organisations = [.. (await db.Organisations.AsNoTracking().Where(o => o.IsActive).OrderBy(o => o.Name).Select(o => new { o.Id, o.Name }).ToListAsync())
                .Select(o => (o.Id, o.Name))];
        }

        return true;
    }
}
