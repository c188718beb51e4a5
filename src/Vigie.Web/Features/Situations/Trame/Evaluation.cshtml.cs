using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Vigie.Web.Data;
using Vigie.Web.Platform.Audit;
using Vigie.Web.Platform.Crypto;

namespace Vigie.Web.Features.Situations.Trame;

/// <summary>One validated version of the evaluation, read-only, every section.</summary>
public sealed class EvaluationModel(VigieDbContext db, FieldCipher cipher, TrameStore store, IAuditLog audit, TimeProvider clock) : PageModel
{
    [TempData]
    public string? Status { get; set; }

    public TrameSituation Situation { get; private set; } = null!;

    public ValidatedEvaluation Evaluation { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, int number)
    {
        var situation = await TrameSituation.FindAsync(db, cipher, User, id, clock.GetUtcNow().UtcDateTime);
        var evaluation = situation is null ? null : await store.ReadEvaluationAsync(id, number);
        if (evaluation is null)
        {
            return NotFound();
        }

        Situation = situation!;
        Evaluation = evaluation;
        await audit.RecordAsync(AuditAction.Read, AuditRecordType.Situation, TrameAudit.Evaluation(id, number));
        return Page();
    }
}
