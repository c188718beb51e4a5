using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Vigie.Web.Data;
using Vigie.Web.Platform.Audit;
using Vigie.Web.Platform.Crypto;

namespace Vigie.Web.Features.Situations.Trame;

/// <summary>Two validated versions side by side: only the values that differ, grouped by section.</summary>
public sealed class CompareModel(VigieDbContext db, FieldCipher cipher, TrameStore store, IAuditLog audit, TimeProvider clock) : PageModel
{
    public TrameSituation Situation { get; private set; } = null!;

    public EvaluationRow? From { get; private set; }

    public EvaluationRow? To { get; private set; }

    public List<int> Numbers { get; private set; } = [];

    public List<(TrameSection Section, List<Difference> Differences)> Sections { get; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, int? de, int? a)
    {
        var situation = await TrameSituation.FindAsync(db, cipher, User, id, clock.GetUtcNow().UtcDateTime);
        if (situation is null)
        {
            return NotFound();
        }

        Situation = situation;
        Numbers = [.. (await store.ListEvaluationsAsync(id)).Select(r => r.Number)];
        if (de is null || a is null)
        {
            // No versions chosen yet: the page offers the choice.
            await audit.RecordAsync(AuditAction.Read, AuditRecordType.Situation, TrameAudit.Evaluations(id));
            return Page();
        }

        var from = await store.ReadEvaluationAsync(id, de.Value);
        var to = await store.ReadEvaluationAsync(id, a.Value);
        if (from is null || to is null)
        {
            return NotFound();
        }

        From = from.Row;
        To = to.Row;
        foreach (var section in TrameSchema.Sections)
        {
            var before = from.Section(section.Key);
            var after = to.Section(section.Key);
            var differences = section.Cells
                .Select(c => new Difference(c, before.GetValueOrDefault(c.Key, string.Empty), after.GetValueOrDefault(c.Key, string.Empty)))
                .Where(d => d.Before.Trim() != d.After.Trim())
                .ToList();
            if (differences.Count > 0)
            {
                Sections.Add((section, differences));
            }
        }

        await audit.RecordAsync(AuditAction.Read, AuditRecordType.Situation, TrameAudit.Comparison(id, de.Value, a.Value));
        return Page();
    }

    public sealed record Difference(TrameCell Cell, string Before, string After);
}
