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
/// The pending review requests, urgent first: accept one into a planned session (the agenda item,
/// the situation followed in commission, the requester invited as presenter) or decline it with a
/// reason. The requester is notified either way.
/// </summary>
[Authorize(Policy = Policies.CommissionCoordination)]
public sealed class IndexModel(VigieDbContext db, FieldCipher cipher, IAuditLog audit, INotifier notifier, TimeProvider clock) : PageModel
{
    public const int DeclineMaxLength = 2000;

    [BindProperty]
    public Guid? SessionId { get; set; }

    [BindProperty]
    public string? DeclineReason { get; set; }

    /// <summary>The request the last failed form was about (its errors show on its line).</summary>
    public Guid? Failed { get; private set; }

    [TempData]
    public string? Status { get; set; }

    public IReadOnlyList<Row> Pending { get; private set; } = [];

    public IReadOnlyList<CommissionSession> Sessions { get; private set; } = [];

    private string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier)!;

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public async Task OnGetAsync()
    {
        await LoadAsync();
        await audit.RecordAsync(AuditAction.Read, AuditRecordType.ReviewRequest, "en-attente");
    }

    public async Task<IActionResult> OnPostAcceptAsync(Guid request)
    {
        var found = await db.ReviewRequests.FirstOrDefaultAsync(r => r.Id == request);
        if (found is null)
        {
            return NotFound();
        }

        Failed = request;
        var session = SessionId is { } sid ? await db.CommissionSessions.FirstOrDefaultAsync(s => s.Id == sid) : null;
        var situation = await db.Situations.FirstAsync(s => s.Id == found.SituationId);
        if (found.Status != ReviewRequestStatus.EnAttente)
        {
            ModelState.AddModelError(string.Empty, "Cette demande n'est plus en attente (retirée ou déjà traitée).");
        }
        else if (situation.Status == SituationStatus.Cloturee)
        {
            ModelState.AddModelError($"session-{request}", "La situation est clôturée : elle ne peut pas être inscrite.");
        }
        else if (await CommissionAgenda.RefusalAsync(db, session, found.SituationId, found.Urgent, Now) is { } refusal)
        {
            ModelState.AddModelError($"session-{request}", refusal);
        }

        if (!ModelState.IsValid)
        {
            await LoadAsync();
            return Page();
        }

        var (item, invitation) = await CommissionAgenda.EnrolAsync(db, cipher, session!, situation, found.Urgent, found.RequestedById, found.Id, UserId, Now);
        found.AgendaItemId = item.Id;
        if (!await DecideAsync(found, ReviewRequestStatus.Acceptee))
        {
            await LoadAsync();
            return Page();
        }

        await audit.RecordAsync(AuditAction.Update, AuditRecordType.ReviewRequest, found.Id.ToString());
        await audit.RecordAsync(AuditAction.Create, AuditRecordType.AgendaItem, item.Id.ToString());
        await notifier.NotifyAsync([found.RequestedById], NotificationKind.ReviewRequestAnswered, $"/situations/{found.SituationId}/commission");
        if (invitation is not null)
        {
            await notifier.NotifyAsync([found.RequestedById], NotificationKind.CommissionInvitation, CommissionAgenda.SessionLink(session!.Id));
        }

        Status = $"La demande est acceptée : la situation est inscrite à la séance n° {session!.Number}.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostDeclineAsync(Guid request)
    {
        var found = await db.ReviewRequests.FirstOrDefaultAsync(r => r.Id == request);
        if (found is null)
        {
            return NotFound();
        }

        Failed = request;
        var reason = DeclineReason?.Trim();
        if (found.Status != ReviewRequestStatus.EnAttente)
        {
            ModelState.AddModelError(string.Empty, "Cette demande n'est plus en attente (retirée ou déjà traitée).");
        }
        else if (string.IsNullOrEmpty(reason))
        {
            ModelState.AddModelError($"decline-{request}", "Indiquez le motif du refus.");
        }
        else if (reason.Length > DeclineMaxLength)
        {
            ModelState.AddModelError($"decline-{request}", $"Le motif du refus fait {DeclineMaxLength:N0} caractères au plus.");
        }

        if (!ModelState.IsValid)
        {
            await LoadAsync();
            return Page();
        }

        found.DeclineReasonEncrypted = cipher.Encrypt(reason!, ReviewRequest.DeclinePurpose);
        if (!await DecideAsync(found, ReviewRequestStatus.Refusee))
        {
            await LoadAsync();
            return Page();
        }

        await audit.RecordAsync(AuditAction.Update, AuditRecordType.ReviewRequest, found.Id.ToString());
        await notifier.NotifyAsync([found.RequestedById], NotificationKind.ReviewRequestAnswered, $"/situations/{found.SituationId}/commission");
        Status = "La demande est refusée ; son auteur en est averti.";
        return RedirectToPage();
    }

    /// <summary>Records the answer (with a new version); false, with a French error, when the request changed meanwhile.</summary>
    private async Task<bool> DecideAsync(ReviewRequest request, ReviewRequestStatus status)
    {
        request.Status = status;
        request.DecidedAt = Now;
        request.DecidedById = UserId;
        request.Version++;
        try
        {
            await db.SaveChangesAsync();
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            ModelState.AddModelError(string.Empty, "La demande a été modifiée entre-temps (retirée par son auteur ou traitée par un autre membre de la coordination).");
            return false;
        }
    }

    private async Task LoadAsync()
    {
        var rows = await (
                from r in db.ReviewRequests.AsNoTracking()
                where r.Status == ReviewRequestStatus.EnAttente
                join s in db.Situations on r.SituationId equals s.Id
                orderby r.Urgent descending, r.RequestedAt
                select new
                {
                    r.Id, r.SituationId, r.RequestedAt, r.RequestedById, r.Urgent, r.ReasonEncrypted, r.AskEncrypted,
                    s.FirstNameEncrypted, s.LastNameEncrypted, s.Territory,
                    Organisation = s.ReferentOrganisation!.Name,
                })
            .ToListAsync();
        var names = await CommissionAgenda.UserNamesAsync(db, rows.Select(r => r.RequestedById));
        Pending = rows.Select(r => new Row(r.Id, r.SituationId, Situation.DisplayName(cipher, r.FirstNameEncrypted, r.LastNameEncrypted), r.Territory,
                r.Organisation, r.RequestedAt, names.GetValueOrDefault(r.RequestedById, "un utilisateur"), r.Urgent,
                cipher.Decrypt(r.ReasonEncrypted, ReviewRequest.ReasonPurpose), cipher.Decrypt(r.AskEncrypted, ReviewRequest.AskPurpose)))
            .ToList();
        Sessions = await CommissionAgenda.UpcomingAsync(db, Now);
    }

    public sealed record Row(Guid Id, Guid SituationId, string Name, string? Territory, string Organisation, DateTime RequestedAt, string RequestedBy,
        bool Urgent, string Reason, string Ask);
}
