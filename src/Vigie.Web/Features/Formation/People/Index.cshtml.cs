using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Vigie.Web.Data;
using Vigie.Web.Platform.Audit;
using Vigie.Web.Platform.Web;

namespace Vigie.Web.Features.Formation.People;

/// <summary>The distinct people trained (aliases left by merges are not listed), searchable, 50 a page.</summary>
[Authorize(Policy = FormationPolicies.Manage)]
public sealed class IndexModel(VigieDbContext db, IAuditLog audit) : PageModel
{
    public const int PageSize = 50;

    [FromQuery(Name = "page")]
    public int Numero { get; set; } = 1;

    [FromQuery(Name = "q")]
    public string? Q { get; set; }

    public int Pages { get; private set; }

    public int Total { get; private set; }

    public IReadOnlyList<ReviewedPerson> People { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var query = db.TrainedPeople.AsNoTracking().Where(p => p.MergedIntoId == null);
        Total = await query.CountAsync(cancellationToken);
        Q = string.IsNullOrWhiteSpace(Q) ? null : Q.Trim()[..Math.Min(Q.Trim().Length, 100)];
        if (Q is not null)
        {
            var name = PersonKeys.Name(string.Empty, Q).TrimEnd('|');
            var email = PersonKeys.Email(Q);
            var employer = PersonKeys.Organisation(Q);
            query = query.Where(p => p.NormalisedName.StartsWith(name) || (p.NormalisedEmail != null && p.NormalisedEmail.StartsWith(email))
                || (employer.Length > 0 && p.NormalisedEmployer.Contains(employer)));
        }

        var found = await query.CountAsync(cancellationToken);
        Pages = Math.Max(1, (found + PageSize - 1) / PageSize);
        Numero = Math.Clamp(Numero, 1, Pages);
        People = await query.OrderBy(p => p.NormalisedName).ThenBy(p => p.Id)
            .Skip((Numero - 1) * PageSize).Take(PageSize)
            .Select(p => new ReviewedPerson(p.Id, p.FirstName, p.LastName, p.Email, p.Employer, p.Category,
                db.TrainingParticipations.Count(t => t.PersonId == p.Id)))
            .ToListAsync(cancellationToken);
        // The search words are not logged: they may be a name.
        await audit.RecordAsync(AuditAction.Read, FormationAudit.People, "page=" + Numero.ToString(CultureInfo.InvariantCulture) + (Q is null ? "" : "|recherche"),
            cancellationToken: cancellationToken);
    }

    public string PageLink(int page) => Paging.Link(Request, page);
}
