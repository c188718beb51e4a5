using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Vigie.Web.Platform.Audit;

namespace Vigie.Web.Features.Formation.People;

/// <summary>The likely duplicates, and Coordination's answer for each pair: merge (keeping one) or "different people" (remembered).</summary>
[Authorize(Policy = FormationPolicies.Manage)]
public sealed class ReviewModel(DuplicateReview review, IAuditLog audit, TimeProvider clock) : PageModel
{
    public IReadOnlyList<DuplicatePair> Pairs { get; private set; } = [];

    [TempData]
    public string? Status { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Pairs = await review.CandidatesAsync(cancellationToken);
        await audit.RecordAsync(AuditAction.Read, FormationAudit.Duplicates, "paires=" + Pairs.Count, cancellationToken: cancellationToken);
    }

    public async Task<IActionResult> OnPostMergeAsync(Guid keep, Guid other, CancellationToken cancellationToken)
    {
        if (!await review.MergeAsync(keep, other, cancellationToken))
        {
            return await RefusedAsync(cancellationToken);
        }

        await audit.RecordAsync(AuditAction.Update, FormationAudit.Duplicates, $"fusion|{other}>{keep}", cancellationToken: cancellationToken);
        Status = "Les deux personnes n'en font plus qu'une : ses sessions sont réunies.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostDistinctAsync(Guid keep, Guid other, CancellationToken cancellationToken)
    {
        if (!await review.MarkDistinctAsync(keep, other, User.FindFirstValue(ClaimTypes.NameIdentifier)!, clock.GetUtcNow().UtcDateTime, cancellationToken))
        {
            return await RefusedAsync(cancellationToken);
        }

        await audit.RecordAsync(AuditAction.Create, FormationAudit.Duplicates, $"distinctes|{keep}|{other}", cancellationToken: cancellationToken);
        Status = "C'est noté : ces deux personnes ne seront plus proposées comme doublon.";
        return RedirectToPage();
    }

    private async Task<IActionResult> RefusedAsync(CancellationToken cancellationToken)
    {
        ModelState.AddModelError(string.Empty, "Cette paire n'est plus à examiner (une des deux personnes a déjà été fusionnée) : la liste est à jour.");
        await OnGetAsync(cancellationToken);
        return Page();
    }
}
