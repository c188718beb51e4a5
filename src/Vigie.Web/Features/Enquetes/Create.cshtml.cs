using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Vigie.Web.Data;
using Vigie.Web.Features.Administration;
using Vigie.Web.Platform.Audit;
using Vigie.Web.Platform.Web;

namespace Vigie.Web.Features.Enquetes;

/// <summary>A new campaign, prefilled with the Lyon questions and every active ASE service; saved as a draft.</summary>
[Authorize(Policy = SurveyPolicies.Coordination)]
public sealed class CreateModel(VigieDbContext db, IAuditLog audit, TimeProvider clock) : PageModel
{
    [BindProperty]
    public CampaignForm Input { get; set; } = new();

    public CampaignEditor Editor { get; private set; } = null!;

    public async Task OnGetAsync()
    {
        var today = DateOnly.FromDateTime(ParisTime.ToLocal(clock.GetUtcNow().UtcDateTime));
        // The survey of year N is usually run early in year N + 1, on the year just ended.
        var taken = await db.SurveyCampaigns.Select(c => c.Year).ToListAsync();
        var year = today.Year - 1;
        while (taken.Contains(year))
        {
            year++;
        }

        var ase = await db.Organisations.Where(o => o.IsActive && o.Kind == OrganisationKind.Ase).Select(o => o.Id).ToListAsync();
        Input = CampaignForm.New(year, today, ase);
        Editor = new CampaignEditor(Input, await CampaignEditor.ServicesAsync(db, []), QuestionsEditable: true, YearEditable: true);
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var parsed = Input.Validate(ModelState, questionsEditable: true);
        var known = await db.Organisations.Where(o => Input.Services.Contains(o.Id)).Select(o => o.Id).ToListAsync();
        if (known.Count != Input.Services.Count)
        {
            ModelState.AddModelError("Input.Services", "Un service choisi n'existe pas : rechargez la page.");
        }

        if (parsed is not null && await db.SurveyCampaigns.AnyAsync(c => c.Year == parsed.Year))
        {
            ModelState.AddModelError("Input.Year", $"Une campagne existe déjà pour {parsed.Year} : une seule campagne par année.");
        }

        if (!ModelState.IsValid || parsed is null)
        {
            Editor = new CampaignEditor(Input, await CampaignEditor.ServicesAsync(db, []), QuestionsEditable: true, YearEditable: true);
            return Page();
        }

        var campaign = SurveyCampaign.Create(parsed.Year, parsed.Title, parsed.OpensOn, parsed.ClosesOn, parsed.Questions, parsed.Services,
            now, User.FindFirstValue(ClaimTypes.NameIdentifier)!);
        db.SurveyCampaigns.Add(campaign);
        await db.SaveChangesAsync();
        await audit.RecordAsync(AuditAction.Create, AuditRecordType.SurveyCampaign, campaign.Id.ToString());
        TempData["Status"] = $"La campagne {campaign.Year} est créée en brouillon : vérifiez-la, puis ouvrez-la aux services.";
        return Redirect(SurveyLinks.Campaign(campaign.Id));
    }
}
