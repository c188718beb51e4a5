using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Vigie.Web.Data;
using Vigie.Web.Features.Compte;
using Vigie.Web.Platform.Audit;
using Vigie.Web.Platform.Web;

namespace Vigie.Web.Features.Enquetes;

/// <summary>
/// Coordination: every campaign with its answer count. Anyone else: the campaigns their own service is
/// asked to answer (open or closed, never a draft), each with their service's status. Filtered in the query.
/// </summary>
public sealed class IndexModel(VigieDbContext db, IAuditLog audit, TimeProvider clock) : PageModel
{
    [TempData]
    public string? Status { get; set; }

    public bool IsCoordination => User.IsInRole(Roles.Coordination);

    public IReadOnlyList<CampaignRow> Campaigns { get; private set; } = [];

    public IReadOnlyList<ServiceRow> ToAnswer { get; private set; } = [];

    public DateOnly Today { get; private set; }

    public async Task OnGetAsync()
    {
        Today = DateOnly.FromDateTime(ParisTime.ToLocal(clock.GetUtcNow().UtcDateTime));
        if (IsCoordination)
        {
            Campaigns = await db.SurveyCampaigns.AsNoTracking()
                .OrderByDescending(c => c.Year)
                .Select(c => new CampaignRow(c.Id, c.Year, c.Title, c.Status, c.OpensOn, c.ClosesOn, c.Recipients.Count,
                    db.SurveyResponses.Count(r => r.CampaignId == c.Id && r.Status == ResponseStatus.Envoyee)))
                .ToListAsync();
        }

        if (Guid.TryParse(User.FindFirst(VigieClaimTypes.OrganisationId)?.Value, out var organisation))
        {
            ToAnswer = await db.SurveyCampaigns.AsNoTracking()
                .Where(c => c.Status != CampaignStatus.Brouillon && c.Recipients.Any(r => r.OrganisationId == organisation))
                .OrderByDescending(c => c.Year)
                .Select(c => new ServiceRow(c.Id, c.Year, c.Title, c.Status, c.OpensOn, c.ClosesOn,
                    db.SurveyResponses.Where(r => r.CampaignId == c.Id && r.OrganisationId == organisation).Select(r => (ResponseStatus?)r.Status).FirstOrDefault(),
                    db.SurveyResponses.Where(r => r.CampaignId == c.Id && r.OrganisationId == organisation).Select(r => (DateTime?)r.UpdatedAt).FirstOrDefault()))
                .ToListAsync();
        }

        await audit.RecordAsync(AuditAction.Read, AuditRecordType.SurveyCampaigns, "liste");
    }

    public sealed record CampaignRow(Guid Id, int Year, string Title, CampaignStatus Status, DateOnly OpensOn, DateOnly ClosesOn, int Asked, int Answered);

    public sealed record ServiceRow(Guid Id, int Year, string Title, CampaignStatus Status, DateOnly OpensOn, DateOnly ClosesOn, ResponseStatus? Answer, DateTime? UpdatedAt)
    {
        public bool Open(DateOnly today) => Status == CampaignStatus.Ouverte && today >= OpensOn && today <= ClosesOn;
    }
}
