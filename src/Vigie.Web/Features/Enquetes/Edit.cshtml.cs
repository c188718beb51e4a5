using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Vigie.Web.Data;
using Vigie.Web.Platform.Audit;

namespace Vigie.Web.Features.Enquetes;

/// <summary>
/// Changes a campaign: everything while it is a draft; once open, the title, dates and services only
/// (a service that has started answering stays). A closed campaign does not change.
/// </summary>
[Authorize(Policy = SurveyPolicies.Coordination)]
public sealed class EditModel(VigieDbContext db, IAuditLog audit, TimeProvider clock, SurveyNotices notices) : PageModel
{
    [BindProperty]
    public CampaignForm Input { get; set; } = new();

    public CampaignEditor Editor { get; private set; } = null!;

    public SurveyCampaign Campaign { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (await LoadAsync(id) is not { } campaign)
        {
            return NotFound();
        }

        if (campaign.Status == CampaignStatus.Close)
        {
            return Redirect(SurveyLinks.Campaign(id));
        }

        Input = CampaignForm.Of(campaign);
        await EditorAsync();
        await audit.RecordAsync(AuditAction.Read, AuditRecordType.SurveyCampaign, id.ToString());
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        if (await LoadAsync(id) is not { } campaign)
        {
            return NotFound();
        }

        if (campaign.Status == CampaignStatus.Close)
        {
            TempData["Status"] = "La campagne est close : elle ne se modifie plus.";
            return Redirect(SurveyLinks.Campaign(id));
        }

        var draft = campaign.Status == CampaignStatus.Brouillon;
        if (!draft)
        {
            Input.Year = campaign.Year.ToString(System.Globalization.CultureInfo.InvariantCulture);
            Input.Questions = CampaignForm.Of(campaign).Questions;
        }

        var parsed = Input.Validate(ModelState, questionsEditable: draft);
        var answering = await db.SurveyResponses.Where(r => r.CampaignId == id).Select(r => r.OrganisationId).ToListAsync();
        var known = await db.Organisations.Where(o => Input.Services.Contains(o.Id)).Select(o => o.Id).ToListAsync();
        if (known.Count != Input.Services.Count)
        {
            ModelState.AddModelError("Input.Services", "Un service choisi n'existe pas : rechargez la page.");
        }

        if (answering.Any(a => !Input.Services.Contains(a)))
        {
            ModelState.AddModelError("Input.Services", "Un service qui a commencé à répondre ne peut être retiré de la campagne : il a été coché de nouveau.");
            Input.Services = [.. Input.Services.Union(answering)];
        }

        if (parsed is not null && await db.SurveyCampaigns.AnyAsync(c => c.Year == parsed.Year && c.Id != id))
        {
            ModelState.AddModelError("Input.Year", $"Une campagne existe déjà pour {parsed.Year} : une seule campagne par année.");
        }

        if (!ModelState.IsValid || parsed is null)
        {
            await EditorAsync();
            return Page();
        }

        var now = clock.GetUtcNow().UtcDateTime;
        campaign.Update(parsed.Year, parsed.Title, parsed.OpensOn, parsed.ClosesOn, now);
        if (draft)
        {
            campaign.ReplaceQuestions(parsed.Questions, now);
        }

        var added = parsed.Services.Except(campaign.Recipients.Select(r => r.OrganisationId)).ToList();
        campaign.SetServices(parsed.Services, answering, now);
        await db.SaveChangesAsync();
        await audit.RecordAsync(AuditAction.Update, AuditRecordType.SurveyCampaign, id.ToString());
        if (!draft && added.Count > 0)
        {
            // Services added to an open campaign learn it as the first ones did.
            await notices.NotifyServicesAsync(id, added, Notifications.NotificationKind.SurveyOpened);
        }

        TempData["Status"] = "La campagne est enregistrée.";
        return Redirect(SurveyLinks.Campaign(id));
    }

    private async Task<SurveyCampaign?> LoadAsync(Guid id)
    {
        var campaign = await db.SurveyCampaigns.Include(c => c.Questions).Include(c => c.Recipients).AsSplitQuery().FirstOrDefaultAsync(c => c.Id == id);
        if (campaign is not null)
        {
            Campaign = campaign;
        }

        return campaign;
    }

    private async Task EditorAsync() =>
        Editor = new CampaignEditor(Input, await CampaignEditor.ServicesAsync(db, Campaign.Recipients.Select(r => r.OrganisationId).ToList()),
            QuestionsEditable: Campaign.Status == CampaignStatus.Brouillon, YearEditable: Campaign.Status == CampaignStatus.Brouillon);
}
