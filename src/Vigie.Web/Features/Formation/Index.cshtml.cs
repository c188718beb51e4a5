using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Vigie.Web.Data;
using Vigie.Web.Platform.Audit;
using Vigie.Web.Platform.Web;

namespace Vigie.Web.Features.Formation;

/// <summary>The training sessions, the most recent first, and the distinct count since the first one.</summary>
[Authorize(Policy = FormationPolicies.Manage)]
public sealed class IndexModel(VigieDbContext db, IAuditLog audit) : PageModel
{
    public const int PageSize = 50;

    [FromQuery(Name = "page")]
    public int Numero { get; set; } = 1;

    public int Pages { get; private set; }

    public IReadOnlyList<SessionRow> Sessions { get; private set; } = [];

    public string Headline { get; private set; } = string.Empty;

    [TempData]
    public string? Status { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var total = await db.TrainingSessions.CountAsync(cancellationToken);
        Pages = Math.Max(1, (total + PageSize - 1) / PageSize);
        Numero = Math.Clamp(Numero, 1, Pages);
        Sessions = await db.TrainingSessions.AsNoTracking()
            .OrderByDescending(s => s.Date).ThenByDescending(s => s.CreatedAt)
            .Skip((Numero - 1) * PageSize).Take(PageSize)
            .Select(s => new SessionRow(s.Id, s.Date, s.Kind, s.Audience, s.Place, db.TrainingParticipations.Count(p => p.SessionId == s.Id)))
            .ToListAsync(cancellationToken);
        var people = await db.TrainingParticipations.Select(p => p.PersonId).Distinct().CountAsync(cancellationToken);
        var first = await db.TrainingSessions.Select(s => (DateOnly?)s.Date).MinAsync(cancellationToken);
        Headline = first is { } since
            ? $"{people.ToString("N0", CultureInfo.GetCultureInfo("fr-FR"))} {(people > 1 ? "personnes différentes formées" : "personne formée")} depuis {TrainingFigureSet.Since(since)}."
            : "Aucune personne formée pour l'instant.";
        await audit.RecordAsync(AuditAction.Read, FormationAudit.SessionList, Numero.ToString(CultureInfo.InvariantCulture), cancellationToken: cancellationToken);
    }

    public string PageLink(int page) => Paging.Link(Request, page);

    public sealed record SessionRow(Guid Id, DateOnly Date, TrainingKind Kind, string Audience, string Place, int Participants);
}
