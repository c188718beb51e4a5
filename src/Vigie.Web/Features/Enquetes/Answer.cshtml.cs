using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Vigie.Web.Data;
using Vigie.Web.Features.Compte;
using Vigie.Web.Platform.Audit;
using Vigie.Web.Platform.Web;

namespace Vigie.Web.Features.Enquetes;

/// <summary>
/// The answer of the signed-in user's service to a campaign: the "link for the service's account". Only
/// users of an asked organisation see it (anyone else gets 404, so a campaign's services do not leak),
/// and only once the campaign is open. Saved as a draft, then submitted; changes until the closing day.
/// </summary>
public sealed class AnswerModel(VigieDbContext db, IAuditLog audit, TimeProvider clock) : PageModel
{
    [TempData]
    public string? Status { get; set; }

    [BindProperty]
    public AnswerForm Input { get; set; } = new();

    public SurveyCampaign Campaign { get; private set; } = null!;

    public IReadOnlyList<SurveyQuestion> Questions { get; private set; } = [];

    public SurveyResponse? Current { get; private set; }

    public string ServiceName { get; private set; } = string.Empty;

    public DateOnly Today { get; private set; }

    public bool CanAnswer => Campaign.AcceptsAnswers(Today);

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        Input = AnswerForm.Of(Questions, Current?.Answers ?? []);
        await audit.RecordAsync(AuditAction.Read, AuditRecordType.SurveyResponse, Current?.Id.ToString() ?? id.ToString());
        return Page();
    }

    public Task<IActionResult> OnPostSaveAsync(Guid id) => SaveAsync(id, submitting: false);

    public Task<IActionResult> OnPostSubmitAsync(Guid id) => SaveAsync(id, submitting: true);

    private async Task<IActionResult> SaveAsync(Guid id, bool submitting)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        if (!CanAnswer)
        {
            ModelState.AddModelError(string.Empty, Campaign.Status == CampaignStatus.Ouverte && Today < Campaign.OpensOn
                ? $"L'enquête ouvre le {SurveyLabels.Date(Campaign.OpensOn)} : votre saisie n'a pas été enregistrée."
                : $"L'enquête est close depuis le {SurveyLabels.Date(Campaign.ClosesOn)} : votre réponse ne peut plus être modifiée.");
            Input = AnswerForm.Of(Questions, Current?.Answers ?? []);
            return Page();
        }

        // A submitted answer stays complete: its corrections are checked as a submission.
        var values = Input.Validate(ModelState, Questions, submitting || Current?.Status == ResponseStatus.Envoyee);
        if (values is null)
        {
            return Page(); // what was typed stays in the form
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var userId = User.FindFirstValue(ClaimTypes.NameIdentifier)!;
        var created = Current is null;
        var response = Current ?? SurveyResponse.Start(Campaign, OrganisationId, now, userId);
        if (created)
        {
            db.SurveyResponses.Add(response);
        }

        var wasSubmitted = response.Status == ResponseStatus.Envoyee;
        if (submitting || wasSubmitted)
        {
            // Once submitted, saving keeps it submitted: a change after submission is a dated correction.
            response.Submit(Campaign, values, Today, now, userId);
        }
        else
        {
            response.Save(Campaign, values, Today, now, userId);
        }

        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateException) when (created)
        {
            // Another user of the same service started the answer at the same moment: theirs stays.
            ModelState.AddModelError(string.Empty, "Un collègue de votre service vient d'enregistrer une réponse : rechargez la page pour la voir, puis complétez-la.");
            return Page();
        }

        await audit.RecordAsync(submitting && !wasSubmitted ? AuditAction.SurveySubmitted : created ? AuditAction.Create : AuditAction.Update,
            AuditRecordType.SurveyResponse, response.Id.ToString());
        Status = wasSubmitted
            ? $"La réponse envoyée est modifiée (le {ParisTime.Format(now)}). Vous pouvez encore la modifier jusqu'au {SurveyLabels.Date(Campaign.ClosesOn)} inclus."
            : submitting
                ? $"La réponse de votre service est envoyée. Vous pouvez encore la modifier jusqu'au {SurveyLabels.Date(Campaign.ClosesOn)} inclus."
                : "Le brouillon est enregistré : il n'est pas encore envoyé à la coordination.";
        return Redirect(SurveyLinks.Answer(id));
    }

    private Guid OrganisationId { get; set; }

    /// <summary>The campaign, if the user's organisation is asked and it is open or closed (a draft is not shown to services).</summary>
    private async Task<bool> LoadAsync(Guid id)
    {
        Today = DateOnly.FromDateTime(ParisTime.ToLocal(clock.GetUtcNow().UtcDateTime));
        if (!Guid.TryParse(User.FindFirst(VigieClaimTypes.OrganisationId)?.Value, out var organisation))
        {
            return false;
        }

        OrganisationId = organisation;
        var campaign = await db.SurveyCampaigns
            .Include(c => c.Questions).Include(c => c.Recipients).AsSplitQuery()
            .FirstOrDefaultAsync(c => c.Id == id && c.Status != CampaignStatus.Brouillon && c.Recipients.Any(r => r.OrganisationId == organisation));
        if (campaign is null)
        {
            return false;
        }

        Campaign = campaign;
        Questions = campaign.Questions.OrderBy(q => q.Position).ToList();
        Current = await db.SurveyResponses.Include(r => r.Answers).FirstOrDefaultAsync(r => r.CampaignId == id && r.OrganisationId == organisation);
        ServiceName = await db.Organisations.Where(o => o.Id == organisation).Select(o => o.Name).FirstAsync();
        return true;
    }
}
