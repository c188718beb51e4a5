using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Vigie.Web.Data;
using Vigie.Web.Platform.Audit;
using Vigie.Web.Platform.Crypto;

namespace Vigie.Web.Features.Situations.Timeline;

/// <summary>
/// "Vision panoptique": everything that happened on one situation, from every registered
/// <see cref="ITimelineSource"/>, in order, on one printable page.
/// </summary>
public sealed class TimelineModel(VigieDbContext db, IEnumerable<ITimelineSource> sources, FieldCipher cipher,
    IAuditLog audit, TimeProvider clock) : PageModel
{
    /// <summary>The rubrics to show; all when empty.</summary>
    [FromQuery(Name = "rubrique")]
    public List<string> Rubriques { get; set; } = [];

    public Guid Id { get; private set; }

    public string MinorName { get; private set; } = string.Empty;

    public DateTime PrintedAt { get; private set; }

    public string Reader { get; private set; } = string.Empty;

    /// <summary>Every rubric that has at least one entry, in the order the sources gave them.</summary>
    public IReadOnlyList<string> Categories { get; private set; } = [];

    public IReadOnlyList<Line> Lines { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        PrintedAt = clock.GetUtcNow().UtcDateTime;
        var situation = await db.Situations.AsNoTracking().VisibleTo(User, PrintedAt)
            .Where(s => s.Id == id)
            .Select(s => new { s.FirstNameEncrypted, s.LastNameEncrypted })
            .FirstOrDefaultAsync(cancellationToken);
        if (situation is null)
        {
            return NotFound();
        }

        Id = id;
        MinorName = Situation.DisplayName(cipher, situation.FirstNameEncrypted, situation.LastNameEncrypted);
        Reader = User.FindFirstValue(Compte.VigieClaimTypes.DisplayName) ?? string.Empty;

        // One source after the other: they share this request's DbContext.
        var entries = new List<TimelineEntry>();
        foreach (var source in sources)
        {
            entries.AddRange(await source.ReadAsync(id, cancellationToken));
        }

        Categories = entries.Select(e => e.Category).Distinct().ToList();
        var shown = entries
            .Where(e => Rubriques.Count == 0 || Rubriques.Contains(e.Category))
            .OrderBy(e => e.At) // stable: entries of the same instant keep the sources' order
            .ToList();
        var actorIds = shown.Select(e => e.ActorId).OfType<string>().Distinct().ToList();
        var names = actorIds.Count == 0
            ? []
            : await db.Users.AsNoTracking().Where(u => actorIds.Contains(u.Id))
                .ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);
        Lines = shown.Select(e => new Line(e, e.ActorId is null ? null : names.GetValueOrDefault(e.ActorId, "compte inconnu"))).ToList();
        await audit.RecordAsync(AuditAction.Read, AuditRecordType.SituationTimeline, id.ToString(), cancellationToken: CancellationToken.None);
        return Page();
    }

    public sealed record Line(TimelineEntry Entry, string? Actor);
}
