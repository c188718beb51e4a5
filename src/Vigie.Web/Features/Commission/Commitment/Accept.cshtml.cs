using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Vigie.Web.Data;
using Vigie.Web.Features.Compte;
using Vigie.Web.Features.Situations;
using Vigie.Web.Platform.Audit;

namespace Vigie.Web.Features.Commission.Commitment;

/// <summary>
/// An invited member reads the current commitment and accepts it for one session (recorded and
/// audited with the version). Others who see the session read the text. Not visible: 404.
/// </summary>
[Authorize(Policy = Policies.Commission)]
public sealed class AcceptModel(VigieDbContext db, IAuditLog audit, TimeProvider clock) : PageModel
{
    public CommissionSession Session { get; private set; } = null!;

    public ConfidentialityCommitment? Current { get; private set; }

    public bool IsInvitedMember { get; private set; }

    /// <summary>The version accepted for this session, if any.</summary>
    public int? AcceptedVersion { get; private set; }

    public DateTime? AcceptedAt { get; private set; }

    private string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier)!;

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        await audit.RecordAsync(AuditAction.Read, AuditRecordType.Commitment, id.ToString());
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        if (!IsInvitedMember)
        {
            await audit.RecordAsync(AuditAction.CommitmentAccepted, AuditRecordType.Commitment, id.ToString(), AuditOutcome.Denied);
            return Forbid();
        }

        if (AcceptedVersion is not null)
        {
            return Redirect(CommissionAgenda.SessionLink(id));
        }

        if (Session.Status == SessionStatus.Annulee || Current is null)
        {
            ModelState.AddModelError(string.Empty, Current is null
                ? "Aucun engagement n'est encore publié par la coordination : revenez plus tard."
                : "La séance est annulée.");
            return Page();
        }

        db.CommitmentAcceptances.Add(new CommitmentAcceptance
        {
            SessionId = id, UserId = UserId, CommitmentId = Current.Id, AcceptedAt = clock.GetUtcNow().UtcDateTime,
        });
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateException)
        {
            // Accepted a moment ago in another tab: the unique (session, user) index.
            return Redirect(CommissionAgenda.SessionLink(id));
        }

        await audit.RecordAsync(AuditAction.CommitmentAccepted, AuditRecordType.Commitment, $"{id}/v{Current.Version}");
        TempData["Status"] = $"Vous avez accepté l'engagement de confidentialité (version {Current.Version}) pour cette séance.";
        return Redirect(CommissionAgenda.SessionLink(id));
    }

    private async Task<bool> LoadAsync(Guid id)
    {
        var session = await db.CommissionSessions.AsNoTracking().SessionsVisibleTo(User).FirstOrDefaultAsync(s => s.Id == id);
        if (session is null)
        {
            return false;
        }

        Session = session;
        Current = await db.ConfidentialityCommitments.AsNoTracking().OrderByDescending(c => c.Version).FirstOrDefaultAsync();
        IsInvitedMember = User.IsInRole(Roles.MembreCommission)
            && await db.SessionInvitations.AnyAsync(i => i.SessionId == id && i.UserId == UserId && i.Role == InvitationRole.Membre);
        var accepted = await (from a in db.CommitmentAcceptances
                              where a.SessionId == id && a.UserId == UserId
                              join c in db.ConfidentialityCommitments on a.CommitmentId equals c.Id
                              select new { c.Version, a.AcceptedAt }).FirstOrDefaultAsync();
        AcceptedVersion = accepted?.Version;
        AcceptedAt = accepted?.AcceptedAt;
        return true;
    }
}
