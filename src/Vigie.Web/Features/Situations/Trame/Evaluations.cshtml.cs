using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Vigie.Web.Data;
using Vigie.Web.Platform.Audit;
using Vigie.Web.Platform.Crypto;

namespace Vigie.Web.Features.Situations.Trame;

/// <summary>The validated versions of the evaluation, newest first.</summary>
public sealed class EvaluationsModel(VigieDbContext db, FieldCipher cipher, TrameStore store, IAuditLog audit, TimeProvider clock) : PageModel
{
    public TrameSituation Situation { get; private set; } = null!;

    public List<EvaluationRow> Rows { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        var situation = await TrameSituation.FindAsync(db, cipher, User, id, clock.GetUtcNow().UtcDateTime);
        if (situation is null)
        {
            return NotFound();
        }

        Situation = situation;
        Rows = await store.ListEvaluationsAsync(id);
        await audit.RecordAsync(AuditAction.Read, AuditRecordType.Situation, TrameAudit.Evaluations(id));
        return Page();
    }
}
