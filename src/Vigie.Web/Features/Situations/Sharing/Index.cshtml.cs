using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Vigie.Web.Data;
using Vigie.Web.Features.Compte;
using Vigie.Web.Features.Notifications;
using Vigie.Web.Platform.Audit;
using Vigie.Web.Platform.Crypto;

namespace Vigie.Web.Features.Situations.Sharing;

/// <summary>
/// Who the situation is shared with (assignments, current and past), and — for Coordination and
/// the referent organisation's professionnels only — sharing it with a named professionnel of
/// another organisation or ending a share. Out of scope: 404. In scope but not allowed to share
/// (an assignee, an emergency access): the form is not shown and a POST answers 403, since the
/// situation's existence is no secret to that user.
/// </summary>
public sealed class IndexModel(VigieDbContext db, FieldCipher cipher, IAuditLog audit, INotifier notifier, TimeProvider clock) : PageModel
{
    public const int ReasonMaxLength = 1000;
    public const int SearchMinLength = 2;
    public const int CandidatesShown = 25;

    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Search { get; set; }

    [BindProperty]
    public ShareInput Input { get; set; } = new();

    [TempData]
    public string? Status { get; set; }

    public Guid Id { get; private set; }

    public string Name { get; private set; } = string.Empty;

    public bool CanManage { get; private set; }

    public SituationReach Reach { get; private set; } = SituationReach.Ordinary;

    public IReadOnlyList<AssignmentRow> Assignments { get; private set; } = [];

    public IReadOnlyList<Candidate> Candidates { get; private set; } = [];

    public bool Searched => Search?.Trim().Length >= SearchMinLength;

    private string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier)!;

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (Search is { } search && !string.IsNullOrWhiteSpace(search) && search.Trim().Length < SearchMinLength)
        {
            ModelState.AddModelError("q", $"Tapez au moins {SearchMinLength} caractères du nom, de l'adresse e-mail ou de l'organisation.");
        }

        return await LoadAsync(id) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostShareAsync(Guid id)
    {
        var (situation, refusal) = await ManagedAsync(id, AuditAction.SituationShared);
        if (situation is null)
        {
            return refusal!;
        }

        var reason = Input.Reason?.Trim();
        if (string.IsNullOrEmpty(reason))
        {
            ModelState.AddModelError("Input.Reason", "Indiquez le motif du partage.");
        }
        else if (reason.Length > ReasonMaxLength)
        {
            ModelState.AddModelError("Input.Reason", $"Le motif fait {ReasonMaxLength:N0} caractères au plus.");
        }

        Guid? organisationOfAssignee = null;
        if (string.IsNullOrEmpty(Input.UserId))
        {
            ModelState.AddModelError("Input.UserId", "Choisissez le professionnel avec qui partager la situation.");
        }
        else if (await db.SituationAssignments.AnyAsync(a => a.SituationId == id && a.UserId == Input.UserId && a.EndedAt == null))
        {
            ModelState.AddModelError("Input.UserId", "La situation est déjà partagée avec ce professionnel.");
        }
        else
        {
            organisationOfAssignee = await Eligible(situation.ReferentOrganisationId).Where(u => u.Id == Input.UserId)
                .Select(u => (Guid?)u.OrganisationId).FirstOrDefaultAsync();
            if (organisationOfAssignee is null)
            {
                ModelState.AddModelError("Input.UserId", "Ce compte ne peut pas recevoir de partage : choisissez un professionnel actif d'une autre organisation.");
            }
        }

        if (!ModelState.IsValid)
        {
            return await LoadAsync(id) ? Page() : NotFound();
        }

        var now = Now;
        var assignment = new SituationAssignment
        {
            SituationId = id,
            UserId = Input.UserId!,
            ReasonEncrypted = cipher.Encrypt(reason!, SituationAssignment.ReasonPurpose),
            AssignedById = UserId,
            AssignedAt = now,
        };
        db.SituationAssignments.Add(assignment);
        // The timeline names no one: the assignee's organisation id is enough to say where the file went.
        db.SituationEvents.Add(SituationEvent.Of(id, now, UserId, SituationEventKind.Assigned, organisationOfAssignee.ToString()));
        await db.SaveChangesAsync();
        await audit.RecordAsync(AuditAction.SituationShared, AuditRecordType.Situation, id.ToString());
        await notifier.NotifyAsync([assignment.UserId], NotificationKind.SituationShared, $"/situations/{id}");
        Status = "La situation est partagée ; le professionnel en est averti.";
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostEndAsync(Guid id, Guid assignment)
    {
        var (situation, refusal) = await ManagedAsync(id, AuditAction.SituationShareEnded);
        if (situation is null)
        {
            return refusal!;
        }

        var found = await db.SituationAssignments.FirstOrDefaultAsync(a => a.Id == assignment && a.SituationId == id);
        if (found is null)
        {
            return NotFound();
        }

        if (found.EndedAt is not null)
        {
            Status = "Ce partage était déjà terminé.";
            return RedirectToPage(new { id });
        }

        var now = Now;
        found.EndedAt = now;
        found.EndedById = UserId;
        var organisation = await db.Users.Where(u => u.Id == found.UserId).Select(u => (Guid?)u.OrganisationId).FirstOrDefaultAsync();
        db.SituationEvents.Add(SituationEvent.Of(id, now, UserId, SituationEventKind.AssignmentEnded, organisation?.ToString()));
        await db.SaveChangesAsync();
        await audit.RecordAsync(AuditAction.SituationShareEnded, AuditRecordType.Situation, id.ToString());
        Status = "Le partage est terminé : ce professionnel n'a plus accès à la situation.";
        return RedirectToPage(new { id });
    }

    /// <summary>
    /// The situation when the user may share it or end a share; otherwise the answer: 404 out of
    /// scope, 403 (audited) in scope without the right.
    /// </summary>
    private async Task<(Situation? Situation, IActionResult? Refusal)> ManagedAsync(Guid id, string action)
    {
        var situation = await FindAsync(id);
        if (situation is null)
        {
            return (null, NotFound());
        }

        if (!MayManage(situation))
        {
            await audit.RecordAsync(action, AuditRecordType.Situation, id.ToString(), AuditOutcome.Denied);
            return (null, Forbid());
        }

        return (situation, null);
    }

    private Task<Situation?> FindAsync(Guid id) =>
        db.Situations.AsNoTracking().VisibleTo(User, Now).FirstOrDefaultAsync(s => s.Id == id);

    private bool MayManage(Situation situation) => SituationScope.MayManage(User, situation);

    /// <summary>Who may receive a share: active professionnels of an organisation other than the referent one.</summary>
    private IQueryable<VigieUser> Eligible(Guid referentOrganisationId) =>
        db.Users.Where(u => u.IsActive && u.OrganisationId != referentOrganisationId
            && db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == Roles.Professionnel)));

    /// <summary>Loads what the page shows; false when out of scope or absent (the same 404).</summary>
    private async Task<bool> LoadAsync(Guid id)
    {
        var situation = await FindAsync(id);
        if (situation is null)
        {
            return false;
        }

        Id = id;
        var identity = situation.ReadIdentity(cipher);
        Name = $"{identity.FirstName} {identity.LastName}";
        CanManage = MayManage(situation);
        Reach = await SituationReach.OfAsync(db, User, id, situation.ReferentOrganisationId, Now);
        var rows = await (
                from a in db.SituationAssignments.AsNoTracking()
                where a.SituationId == id
                join u in db.Users on a.UserId equals u.Id
                select new
                {
                    a.Id,
                    u.DisplayName,
                    Organisation = u.Organisation!.Name,
                    a.ReasonEncrypted,
                    AssignedBy = db.Users.Where(b => b.Id == a.AssignedById).Select(b => b.DisplayName).FirstOrDefault(),
                    a.AssignedAt,
                    a.EndedAt,
                    EndedBy = db.Users.Where(b => b.Id == a.EndedById).Select(b => b.DisplayName).FirstOrDefault(),
                })
            .ToListAsync();
        Assignments = rows.OrderBy(r => r.EndedAt is not null).ThenByDescending(r => r.AssignedAt).Select(r => new AssignmentRow(r.Id, r.DisplayName, r.Organisation,
            cipher.Decrypt(r.ReasonEncrypted, SituationAssignment.ReasonPurpose), r.AssignedBy, r.AssignedAt, r.EndedAt, r.EndedBy)).ToList();

        if (CanManage)
        {
            Candidates = await SearchCandidatesAsync(id, situation.ReferentOrganisationId);
        }

        await audit.RecordAsync(AuditAction.Read, AuditRecordType.SituationSharing, id.ToString());
        return true;
    }

    private async Task<IReadOnlyList<Candidate>> SearchCandidatesAsync(Guid id, Guid referentOrganisationId)
    {
        var eligible = Eligible(referentOrganisationId)
            .Where(u => !db.SituationAssignments.Any(a => a.SituationId == id && a.UserId == u.Id && a.EndedAt == null));
        var found = new List<Candidate>();
        if (Searched)
        {
            // Lower-cased on both sides: PostgreSQL compares strings case-sensitively.
            var term = Search!.Trim().ToLowerInvariant();
            found = await eligible
                .Where(u => u.DisplayName.ToLower().Contains(term) || u.Email!.ToLower().Contains(term) || u.Organisation!.Name.ToLower().Contains(term))
                .OrderBy(u => u.Organisation!.Name).ThenBy(u => u.DisplayName)
                .Take(CandidatesShown)
                .Select(u => new Candidate(u.Id, u.DisplayName, u.Email ?? string.Empty, u.Organisation!.Name))
                .ToListAsync();
        }

        // The person chosen before a validation error stays on the form, whatever the search shows.
        if (!string.IsNullOrEmpty(Input.UserId) && found.All(c => c.Id != Input.UserId))
        {
            found.InsertRange(0, await eligible.Where(u => u.Id == Input.UserId)
                .Select(u => new Candidate(u.Id, u.DisplayName, u.Email ?? string.Empty, u.Organisation!.Name)).ToListAsync());
        }

        return found;
    }

    public sealed record AssignmentRow(Guid Id, string Person, string Organisation, string Reason, string? AssignedBy, DateTime AssignedAt,
        DateTime? EndedAt, string? EndedBy);

    public sealed record Candidate(string Id, string Name, string Email, string Organisation);

    public sealed class ShareInput
    {
        public string? UserId { get; set; }

        public string? Reason { get; set; }
    }
}
