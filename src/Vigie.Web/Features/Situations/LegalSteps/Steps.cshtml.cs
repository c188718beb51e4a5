using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Vigie.Web.Data;
using Vigie.Web.Features.Compte;
using Vigie.Web.Platform.Audit;
using Vigie.Web.Platform.Crypto;
using Vigie.Web.Platform.Web;

namespace Vigie.Web.Features.Situations.LegalSteps;

/// <summary>
/// The legal steps of one situation with their due dates, a form to record one, and "Marquer comme
/// faite". Out of scope: 404. A closed situation is read-only.
/// </summary>
public sealed class StepsModel(VigieDbContext db, FieldCipher cipher, IAuditLog audit, TimeProvider clock, Notifications.INotifier notifier) : PageModel
{
    private static readonly string[] DateFormats =
        ["yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd HH:mm", "dd/MM/yyyy HH:mm", "dd/MM/yyyy HH'h'mm", "dd/MM/yyyy 'à' HH:mm"];

    [BindProperty]
    public StepInput Input { get; set; } = new();

    [TempData]
    public string? Status { get; set; }

    public Guid Id { get; private set; }

    public string MinorName { get; private set; } = string.Empty;

    public bool IsClosed { get; private set; }

    /// <summary>Reached by emergency access: the steps are shown, not changed.</summary>
    public bool ReadOnlyAccess { get; private set; }

    public DateTime Now { get; private set; }

    public IReadOnlyList<StepRow> Steps { get; private set; } = [];

    public IReadOnlyList<Person> Candidates { get; private set; } = [];

    private string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier) ?? string.Empty;

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        Input.ResponsibleUserId = UserId;
        return await ShowAsync(id) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var (situation, refusal) = await EditableAsync(id, now);
        if (refusal is not null || situation is null)
        {
            return refusal ?? NotFound();
        }

        LegalStepKind? kind = null;
        if (string.IsNullOrWhiteSpace(Input.Kind))
        {
            ModelState.AddModelError("Input.Kind", "Choisissez le type d'étape.");
        }
        else if (Enum.TryParse<LegalStepKind>(Input.Kind, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(Input.Kind, out _))
        {
            kind = parsed;
        }
        else
        {
            ModelState.AddModelError("Input.Kind", "Ce type d'étape n'existe pas : choisissez-en un dans la liste.");
        }

        DateTime? typed = null;
        if (string.IsNullOrWhiteSpace(Input.OccurredAt))
        {
            ModelState.AddModelError("Input.OccurredAt", kind == LegalStepKind.RevoyureCommission
                ? "Indiquez la date de revoyure fixée par la commission."
                : "Indiquez la date et l'heure de l'étape.");
        }
        else if (DateTime.TryParseExact(Input.OccurredAt.Trim(), DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            typed = ParisTime.ToUtc(local);
            if (kind is { } k && LegalDeadlines.DateError(k, typed.Value, now) is { } error)
            {
                ModelState.AddModelError("Input.OccurredAt", error);
            }
        }
        else
        {
            ModelState.AddModelError("Input.OccurredAt", $"La date « {Input.OccurredAt} » n'est pas valide : indiquez le jour et l'heure (jj/mm/aaaa hh:mm).");
        }

        if (string.IsNullOrEmpty(Input.ResponsibleUserId)
            || !await CandidatesQuery(situation.ReferentOrganisationId).AnyAsync(u => u.Id == Input.ResponsibleUserId))
        {
            ModelState.AddModelError("Input.ResponsibleUserId", "Choisissez la personne responsable dans la liste.");
        }

        if (!ModelState.IsValid || kind is null || typed is null)
        {
            return await ShowAsync(id) ? Page() : NotFound();
        }

        var (occurredAt, dueAt) = LegalDeadlines.Schedule(kind.Value, typed.Value, now);
        var step = new LegalStep
        {
            SituationId = id,
            Kind = kind.Value,
            OccurredAt = occurredAt,
            DueAt = dueAt,
            Recipient = string.IsNullOrWhiteSpace(Input.Recipient) ? null : Input.Recipient.Trim(),
            ExternalReferenceEncrypted = string.IsNullOrWhiteSpace(Input.Reference) ? null : cipher.Encrypt(Input.Reference.Trim(), LegalStep.ReferencePurpose),
            ResponsibleUserId = Input.ResponsibleUserId!,
            RecordedById = UserId,
            RecordedAt = now,
        };
        db.LegalSteps.Add(step);
        db.SituationEvents.Add(SituationEvent.Of(id, now, UserId, SituationEventKind.LegalStepRecorded, kind.Value.ToString()));
        await db.SaveChangesAsync();
        await LegalStepDue.RefreshAsync(db, id);
        await audit.RecordAsync(AuditAction.Create, AuditRecordType.LegalStep, step.Id.ToString());
        if (dueAt is not null && step.ResponsibleUserId != UserId)
        {
            // Someone else now answers for this deadline: tell them (fixed text, no case data).
            await notifier.NotifyAsync([step.ResponsibleUserId], Notifications.NotificationKind.StepResponsibility, "/echeances");
        }
        Status = dueAt is { } due
            ? $"L'étape est enregistrée. Échéance : {ParisTime.Format(due)}."
            : "L'étape est enregistrée (pas d'échéance légale).";
        return Redirect($"/situations/{id}/etapes");
    }

    public async Task<IActionResult> OnPostCompleteAsync(Guid id, Guid stepId)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var (_, refusal) = await EditableAsync(id, now);
        if (refusal is not null)
        {
            return refusal;
        }

        var step = await db.LegalSteps.FirstOrDefaultAsync(s => s.Id == stepId && s.SituationId == id);
        if (step is null)
        {
            return NotFound();
        }

        if (step.DueAt is null)
        {
            Status = "Cette étape n'a pas d'échéance : il n'y a rien à marquer comme fait.";
        }
        else if (step.CompletedAt is not null)
        {
            Status = "Cette étape était déjà marquée comme faite.";
        }
        else
        {
            step.CompletedAt = now;
            step.CompletedById = UserId;
            db.SituationEvents.Add(SituationEvent.Of(id, now, UserId, SituationEventKind.LegalStepCompleted, step.Kind.ToString()));
            await db.SaveChangesAsync();
            await LegalStepDue.RefreshAsync(db, id);
            await audit.RecordAsync(AuditAction.Update, AuditRecordType.LegalStep, step.Id.ToString());
            Status = "L'étape est marquée comme faite.";
        }

        return Redirect($"/situations/{id}/etapes");
    }

    /// <summary>The situation, when the user may change its steps; otherwise the answer to give (404 out of scope, the page with an error when closed).</summary>
    private async Task<(SituationHead? Situation, IActionResult? Refusal)> EditableAsync(Guid id, DateTime now)
    {
        var situation = await db.Situations.AsNoTracking().VisibleTo(User, now).Where(s => s.Id == id)
            .Select(s => new SituationHead(s.Status, s.ReferentOrganisationId))
            .FirstOrDefaultAsync();
        if (situation is null)
        {
            return (null, NotFound());
        }

        if (situation.Status == SituationStatus.Cloturee)
        {
            ModelState.Clear();
            ModelState.AddModelError(string.Empty, "La situation est clôturée : ses étapes ne peuvent plus être modifiées. Rouvrez-la d'abord.");
            return (situation, await ShowAsync(id) ? Page() : NotFound());
        }

        if (!(await SituationReach.OfAsync(db, User, id, situation.ReferentOrganisationId, now)).MayContribute)
        {
            return (situation, Forbid());
        }

        return (situation, null);
    }

    /// <summary>
    /// Who may be made responsible: the active Professionnel and Coordination users of the referent
    /// organisation, and the current user (who can see the situation, or they would not be here).
    /// </summary>
    private IQueryable<VigieUser> CandidatesQuery(Guid organisation)
    {
        var me = UserId;
        var roleIds = db.Roles.Where(r => r.Name == Roles.Professionnel || r.Name == Roles.Coordination).Select(r => r.Id);
        return db.Users.AsNoTracking()
            .Where(u => u.Id == me
                || (u.IsActive && u.OrganisationId == organisation && db.UserRoles.Any(ur => ur.UserId == u.Id && roleIds.Contains(ur.RoleId))));
    }

    /// <summary>Loads what the page shows; false when the situation is out of scope or absent (the same 404).</summary>
    private async Task<bool> ShowAsync(Guid id)
    {
        Now = clock.GetUtcNow().UtcDateTime;
        var situation = await db.Situations.AsNoTracking().VisibleTo(User, Now)
            .Where(s => s.Id == id)
            .Select(s => new { s.FirstNameEncrypted, s.LastNameEncrypted, s.Status, s.ReferentOrganisationId })
            .FirstOrDefaultAsync();
        if (situation is null)
        {
            return false;
        }

        Id = id;
        MinorName = Situation.DisplayName(cipher, situation.FirstNameEncrypted, situation.LastNameEncrypted);
        IsClosed = situation.Status == SituationStatus.Cloturee;
        ReadOnlyAccess = !(await SituationReach.OfAsync(db, User, id, situation.ReferentOrganisationId, Now)).MayContribute;
        var steps = await db.LegalSteps.AsNoTracking()
            .Where(s => s.SituationId == id)
            .OrderBy(s => s.OccurredAt).ThenBy(s => s.RecordedAt)
            .ToListAsync();
        Candidates = await CandidatesQuery(situation.ReferentOrganisationId).OrderBy(u => u.DisplayName)
            .Select(u => new Person(u.Id, u.DisplayName)).ToListAsync();
        var known = Candidates.Select(c => c.Id).ToHashSet();
        var others = steps.SelectMany(s => new[] { s.ResponsibleUserId, s.CompletedById }).OfType<string>()
            .Where(u => !known.Contains(u)).Distinct().ToList();
        var names = Candidates.ToDictionary(c => c.Id, c => c.DisplayName);
        if (others.Count > 0)
        {
            foreach (var person in await db.Users.AsNoTracking().Where(u => others.Contains(u.Id)).Select(u => new Person(u.Id, u.DisplayName)).ToListAsync())
            {
                names[person.Id] = person.DisplayName;
            }
        }

        string Name(string? userId) => userId is null ? string.Empty : names.GetValueOrDefault(userId, "compte inconnu");
        Steps = steps.Select(s => new StepRow(s.Id, s.Kind, s.OccurredAt, s.Recipient,
                s.ExternalReferenceEncrypted is null ? null : cipher.Decrypt(s.ExternalReferenceEncrypted, LegalStep.ReferencePurpose),
                s.DueAt, Name(s.ResponsibleUserId), LegalStepStates.Of(s.DueAt, s.CompletedAt, Now), s.CompletedAt, Name(s.CompletedById)))
            .ToList();
        await audit.RecordAsync(AuditAction.Read, AuditRecordType.SituationSteps, id.ToString());
        return true;
    }

    private sealed record SituationHead(SituationStatus Status, Guid ReferentOrganisationId);

    public sealed record Person(string Id, string DisplayName);

    public sealed record StepRow(Guid Id, LegalStepKind Kind, DateTime OccurredAt, string? Recipient, string? Reference,
        DateTime? DueAt, string Responsible, LegalStepState State, DateTime? CompletedAt, string CompletedBy);

    /// <summary>Strings, so that whatever was typed is shown again when something does not validate.</summary>
    public sealed class StepInput
    {
        public string? Kind { get; set; }

        public string? OccurredAt { get; set; }

        [StringLength(200, ErrorMessage = "Le destinataire fait 200 caractères au plus.")]
        public string? Recipient { get; set; }

        [StringLength(200, ErrorMessage = "La référence fait 200 caractères au plus.")]
        public string? Reference { get; set; }

        public string? ResponsibleUserId { get; set; }
    }
}
