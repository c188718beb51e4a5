using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Vigie.Web.Data;
using Vigie.Web.Features.Administration;
using Vigie.Web.Features.Notifications;
using Vigie.Web.Platform.Audit;
using Vigie.Web.Platform.Web;

namespace Vigie.Web.Features.Enquetes;

/// <summary>A campaign for Coordination: its questions, each service's status, the aggregated result; open, close, remind.</summary>
[Authorize(Policy = SurveyPolicies.Coordination)]
public sealed class DetailsModel(VigieDbContext db, IAuditLog audit, TimeProvider clock, SurveyNotices notices) : PageModel
{
    [TempData]
    public string? Status { get; set; }

    public Summary Campaign { get; private set; } = null!;

    public IReadOnlyList<ServiceStatus> Services { get; private set; } = [];

    public CampaignResult Result { get; private set; } = null!;

    public DateOnly Today { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        await audit.RecordAsync(AuditAction.Read, AuditRecordType.SurveyCampaign, id.ToString());
        return Page();
    }

    public async Task<IActionResult> OnPostOpenAsync(Guid id)
    {
        var campaign = await db.SurveyCampaigns.Include(c => c.Questions).Include(c => c.Recipients).AsSplitQuery().FirstOrDefaultAsync(c => c.Id == id);
        if (campaign is null)
        {
            return NotFound();
        }

        if (campaign.Status != CampaignStatus.Brouillon)
        {
            Status = "La campagne est déjà ouverte ou close.";
            return Redirect(SurveyLinks.Campaign(id));
        }

        if (campaign.Questions.Count == 0 || campaign.Recipients.Count == 0)
        {
            return await ErrorAsync(id, "Pour ouvrir la campagne, posez au moins une question et choisissez au moins un service.");
        }

        var today = ParisToday();
        if (campaign.ClosesOn < today)
        {
            return await ErrorAsync(id, $"La date de clôture ({SurveyLabels.Date(campaign.ClosesOn)}) est passée : modifiez-la avant d'ouvrir la campagne.");
        }

        campaign.Open(clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync();
        await audit.RecordAsync(AuditAction.SurveyOpened, AuditRecordType.SurveyCampaign, id.ToString());
        var users = await notices.NotifyServicesAsync(id, campaign.Recipients.Select(r => r.OrganisationId).ToList(), NotificationKind.SurveyOpened);
        Status = $"La campagne est ouverte : {campaign.Recipients.Count} service(s) interrogé(s), {users} utilisateur(s) prévenu(s).";
        return Redirect(SurveyLinks.Campaign(id));
    }

    public async Task<IActionResult> OnPostCloseAsync(Guid id)
    {
        var campaign = await db.SurveyCampaigns.FirstOrDefaultAsync(c => c.Id == id);
        if (campaign is null)
        {
            return NotFound();
        }

        if (campaign.Status != CampaignStatus.Ouverte)
        {
            Status = "Seule une campagne ouverte peut être close.";
            return Redirect(SurveyLinks.Campaign(id));
        }

        campaign.Close(clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync();
        await audit.RecordAsync(AuditAction.SurveyClosed, AuditRecordType.SurveyCampaign, id.ToString());
        Status = "La campagne est close : les services ne peuvent plus répondre ni modifier leur réponse.";
        return Redirect(SurveyLinks.Campaign(id));
    }

    /// <summary>"Relancer": a reminder to every asked service that has not submitted its answer.</summary>
    public async Task<IActionResult> OnPostRemindAsync(Guid id)
    {
        var campaign = await db.SurveyCampaigns.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id);
        if (campaign is null)
        {
            return NotFound();
        }

        if (!campaign.AcceptsAnswers(ParisToday()))
        {
            return await ErrorAsync(id, "Seule une campagne ouverte, entre sa date d'ouverture et sa date de clôture, peut être relancée.");
        }

        var late = await notices.NotAnsweredAsync(id);
        if (late.Count == 0)
        {
            Status = "Tous les services ont répondu : personne à relancer.";
            return Redirect(SurveyLinks.Campaign(id));
        }

        var now = clock.GetUtcNow().UtcDateTime;
        await db.SurveyRecipients.Where(r => r.CampaignId == id && late.Contains(r.OrganisationId))
            .ExecuteUpdateAsync(u => u.SetProperty(r => r.RemindedAt, now));
        var users = await notices.NotifyServicesAsync(id, late, NotificationKind.SurveyReminder);
        await audit.RecordAsync(AuditAction.SurveyReminded, AuditRecordType.SurveyCampaign, id.ToString());
        Status = $"{late.Count} service(s) relancé(s) ({users} utilisateur(s) prévenu(s)).";
        return Redirect(SurveyLinks.Campaign(id));
    }

    private async Task<IActionResult> ErrorAsync(Guid id, string message)
    {
        ModelState.AddModelError(string.Empty, message);
        await LoadAsync(id);
        return Page();
    }

    private DateOnly ParisToday() => DateOnly.FromDateTime(ParisTime.ToLocal(clock.GetUtcNow().UtcDateTime));

    private async Task<bool> LoadAsync(Guid id)
    {
        Today = ParisToday();
        var campaign = await db.SurveyCampaigns.AsNoTracking().Where(c => c.Id == id)
            .Select(c => new Summary(c.Id, c.Year, c.Title, c.Status, c.OpensOn, c.ClosesOn, c.OpenedAt, c.ClosedAt))
            .FirstOrDefaultAsync();
        if (campaign is null)
        {
            return false;
        }

        Campaign = campaign;
        Services = await (from r in db.SurveyRecipients.AsNoTracking()
                          join o in db.Organisations on r.OrganisationId equals o.Id
                          where r.CampaignId == id
                          orderby o.Name
                          select new ServiceStatus(o.Id, o.Name, o.Kind, o.Territory,
                              db.SurveyResponses.Where(s => s.CampaignId == id && s.OrganisationId == o.Id).Select(s => (ResponseStatus?)s.Status).FirstOrDefault(),
                              db.SurveyResponses.Where(s => s.CampaignId == id && s.OrganisationId == o.Id).Select(s => s.SubmittedAt).FirstOrDefault(),
                              db.SurveyResponses.Where(s => s.CampaignId == id && s.OrganisationId == o.Id).Select(s => (DateTime?)s.UpdatedAt).FirstOrDefault(),
                              r.RemindedAt, r.AutoRemindedAt))
            .ToListAsync();
        Result = await SurveyResults.ForCampaignAsync(db, id);
        return true;
    }

    public sealed record Summary(Guid Id, int Year, string Title, CampaignStatus Status, DateOnly OpensOn, DateOnly ClosesOn, DateTime? OpenedAt, DateTime? ClosedAt)
    {
        public bool AcceptsAnswers(DateOnly today) => Status == CampaignStatus.Ouverte && today >= OpensOn && today <= ClosesOn;
    }

    public sealed record ServiceStatus(Guid Id, string Name, OrganisationKind Kind, string? Territory, ResponseStatus? Answer, DateTime? SubmittedAt,
        DateTime? UpdatedAt, DateTime? RemindedAt, DateTime? AutoRemindedAt);
}
