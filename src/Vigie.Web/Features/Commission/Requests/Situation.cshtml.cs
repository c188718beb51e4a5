using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Vigie.Web.Data;
using Vigie.Web.Features.Compte;
using Vigie.Web.Features.Notifications;
using Vigie.Web.Features.Situations;
using Vigie.Web.Platform.Audit;
using Vigie.Web.Platform.Crypto;

namespace Vigie.Web.Features.Commission.Requests;

/// <summary>
/// A situation's commission page: ask for a review (reason, urgency, what is asked; encrypted),
/// withdraw a pending request, the requests and their answers, and the presentation history
/// (every session where it was on the agenda, with its decisions). Coordination may also put the
/// situation directly on a session's agenda. Out of scope: 404; emergency access: read only.
/// </summary>
[Authorize(Policy = Policies.Situations)]
public sealed class SituationModel(VigieDbContext db, FieldCipher cipher, IAuditLog audit, INotifier notifier, TimeProvider clock) : PageModel
{
    public const int ReasonMaxLength = 4000;
    public const int AskMaxLength = 2000;

    [BindProperty]
    public RequestInput Input { get; set; } = new();

    [BindProperty]
    public Guid? SessionId { get; set; }

    [BindProperty]
    public bool DirectUrgent { get; set; }

    [TempData]
    public string? Status { get; set; }

    public Guid Id { get; private set; }

    public string Name { get; private set; } = string.Empty;

    public SituationReach Reach { get; private set; } = SituationReach.Ordinary;

    public bool IsClosed { get; private set; }

    public bool MayRequest => Reach.MayContribute && !IsClosed;

    public bool HasPending => Requests.Any(r => r.Status == ReviewRequestStatus.EnAttente);

    public bool IsCoordination => User.IsInRole(Roles.Coordination);

    public IReadOnlyList<RequestRow> Requests { get; private set; } = [];

    public IReadOnlyList<Presentation> History { get; private set; } = [];

    public IReadOnlyList<CommissionSession> Sessions { get; private set; } = [];

    private string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier)!;

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        await audit.RecordAsync(AuditAction.Read, AuditRecordType.ReviewRequest, id.ToString());
        return Page();
    }

    public async Task<IActionResult> OnPostRequestAsync(Guid id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        if (!MayRequest)
        {
            await audit.RecordAsync(AuditAction.Create, AuditRecordType.ReviewRequest, id.ToString(), AuditOutcome.Denied);
            return Forbid();
        }

        var reason = Input.Reason?.Trim();
        var ask = Input.Ask?.Trim();
        if (HasPending)
        {
            ModelState.AddModelError(string.Empty, "Une demande est déjà en attente pour cette situation : retirez-la ou attendez la réponse de la coordination.");
        }

        if (string.IsNullOrEmpty(reason))
        {
            ModelState.AddModelError("Input.Reason", "Indiquez le motif de la demande.");
        }
        else if (reason.Length > ReasonMaxLength)
        {
            ModelState.AddModelError("Input.Reason", $"Le motif fait {ReasonMaxLength:N0} caractères au plus.");
        }

        if (string.IsNullOrEmpty(ask))
        {
            ModelState.AddModelError("Input.Ask", "Indiquez ce que vous attendez de la commission.");
        }
        else if (ask.Length > AskMaxLength)
        {
            ModelState.AddModelError("Input.Ask", $"Ce que vous attendez de la commission fait {AskMaxLength:N0} caractères au plus.");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var request = new ReviewRequest
        {
            SituationId = id,
            RequestedById = UserId,
            RequestedAt = Now,
            Urgent = Input.Urgent,
            ReasonEncrypted = cipher.Encrypt(reason!, ReviewRequest.ReasonPurpose),
            AskEncrypted = cipher.Encrypt(ask!, ReviewRequest.AskPurpose),
        };
        db.ReviewRequests.Add(request);
        await db.SaveChangesAsync();
        await audit.RecordAsync(AuditAction.Create, AuditRecordType.ReviewRequest, request.Id.ToString());
        await notifier.NotifyRolesAsync([Roles.Coordination], NotificationKind.ReviewRequested, "/commission/demandes");
        Status = "La demande de passage en commission est envoyée à la coordination.";
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostWithdrawAsync(Guid id, Guid request)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        var found = await db.ReviewRequests.FirstOrDefaultAsync(r => r.Id == request && r.SituationId == id);
        if (found is null)
        {
            return NotFound();
        }

        if (!Reach.MayContribute || (found.RequestedById != UserId && !IsCoordination))
        {
            await audit.RecordAsync(AuditAction.Update, AuditRecordType.ReviewRequest, request.ToString(), AuditOutcome.Denied);
            return Forbid();
        }

        if (found.Status != ReviewRequestStatus.EnAttente)
        {
            Status = "Cette demande n'est plus en attente : elle ne peut plus être retirée.";
            return RedirectToPage(new { id });
        }

        found.Status = ReviewRequestStatus.Retiree;
        found.DecidedAt = Now;
        found.DecidedById = UserId;
        found.Version++;
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateConcurrencyException)
        {
            Status = "La demande a été traitée par la coordination entre-temps : voyez sa réponse ci-dessous.";
            return RedirectToPage(new { id });
        }

        await audit.RecordAsync(AuditAction.Update, AuditRecordType.ReviewRequest, request.ToString());
        Status = "La demande est retirée.";
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostEnrolAsync(Guid id)
    {
        if (!IsCoordination)
        {
            await audit.RecordAsync(AuditAction.Create, AuditRecordType.AgendaItem, id.ToString(), AuditOutcome.Denied);
            return Forbid();
        }

        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        var session = SessionId is { } sid ? await db.CommissionSessions.FirstOrDefaultAsync(s => s.Id == sid) : null;
        if (IsClosed)
        {
            ModelState.AddModelError(nameof(SessionId), "La situation est clôturée : rouvrez-la avant de l'inscrire à une séance.");
        }
        else if (await CommissionAgenda.RefusalAsync(db, session, id, DirectUrgent, Now) is { } refusal)
        {
            ModelState.AddModelError(nameof(SessionId), refusal);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var situation = await db.Situations.FirstAsync(s => s.Id == id);
        var (item, _) = await CommissionAgenda.EnrolAsync(db, cipher, session!, situation, DirectUrgent, null, null, UserId, Now);
        await db.SaveChangesAsync();
        await audit.RecordAsync(AuditAction.Create, AuditRecordType.AgendaItem, item.Id.ToString());
        Status = $"La situation est inscrite à l'ordre du jour de la séance n° {session!.Number}.";
        return RedirectToPage(new { id });
    }

    private async Task<bool> LoadAsync(Guid id)
    {
        var now = Now;
        var situation = await db.Situations.AsNoTracking().VisibleTo(User, now).FirstOrDefaultAsync(s => s.Id == id);
        if (situation is null)
        {
            return false;
        }

        Id = id;
        Name = Situation.DisplayName(cipher, situation.FirstNameEncrypted, situation.LastNameEncrypted);
        IsClosed = situation.Status == SituationStatus.Cloturee;
        Reach = await SituationReach.OfAsync(db, User, id, situation.ReferentOrganisationId, now);

        var requests = await db.ReviewRequests.AsNoTracking().Where(r => r.SituationId == id).OrderByDescending(r => r.RequestedAt).ToListAsync();
        var items = await db.AgendaItems.AsNoTracking().Where(i => i.SituationId == id)
            .Select(i => new { i.Id, i.SessionId, i.Session!.Number, i.Session.StartsAt, i.Session.Status, i.Urgent, i.Representation, i.Decisions })
            .OrderBy(i => i.StartsAt).ToListAsync();
        var names = await CommissionAgenda.UserNamesAsync(db, requests.SelectMany(r => new[] { r.RequestedById, r.DecidedById }));
        var sessionOfItem = items.ToDictionary(i => i.Id, i => (i.SessionId, i.Number));
        Requests = requests.Select(r => new RequestRow(r.Id, r.RequestedAt, names.GetValueOrDefault(r.RequestedById, "un utilisateur"), r.RequestedById == UserId,
                r.Urgent, cipher.Decrypt(r.ReasonEncrypted, ReviewRequest.ReasonPurpose), cipher.Decrypt(r.AskEncrypted, ReviewRequest.AskPurpose),
                r.Status, r.DecidedAt, r.DecidedById is null ? null : names.GetValueOrDefault(r.DecidedById),
                r.DeclineReasonEncrypted is null ? null : cipher.Decrypt(r.DeclineReasonEncrypted, ReviewRequest.DeclinePurpose),
                r.AgendaItemId is { } itemId && sessionOfItem.TryGetValue(itemId, out var at) ? ((Guid, int)?)at : null))
            .ToList();
        History = items.Select(i => new Presentation(i.Id, i.SessionId, i.Number, i.StartsAt, i.Status, i.Urgent, i.Representation,
                i.Decisions.OrderBy(d => d.CreatedAt).Select(d => (CommissionLabels.Decision(d.Kind),
                    d.DetailEncrypted is null ? null : cipher.Decrypt(d.DetailEncrypted, CommissionDecision.DetailPurpose), d.RepresentOn)).ToList()))
            .ToList();
        if (IsCoordination)
        {
            Sessions = await CommissionAgenda.UpcomingAsync(db, now);
        }

        return true;
    }

    public sealed record RequestRow(Guid Id, DateTime RequestedAt, string RequestedBy, bool Mine, bool Urgent, string Reason, string Ask,
        ReviewRequestStatus Status, DateTime? DecidedAt, string? DecidedBy, string? DeclineReason, (Guid SessionId, int Number)? Session);

    public sealed record Presentation(Guid ItemId, Guid SessionId, int Number, DateTime StartsAt, SessionStatus Status, bool Urgent, bool Representation,
        IReadOnlyList<(string Label, string? Detail, DateOnly? RepresentOn)> Decisions);

    public sealed class RequestInput
    {
        public string? Reason { get; set; }

        public string? Ask { get; set; }

        public bool Urgent { get; set; }
    }
}
