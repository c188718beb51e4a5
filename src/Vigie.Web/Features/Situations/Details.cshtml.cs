using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Vigie.Web.Data;
using Vigie.Web.Platform.Audit;
using Vigie.Web.Platform.Crypto;

namespace Vigie.Web.Features.Situations;

public sealed class DetailsModel(VigieDbContext db, FieldCipher cipher, IAuditLog audit) : PageModel
{
    [TempData]
    public string? Status { get; set; }

    public MinorIdentity Identity { get; private set; } = new(string.Empty, string.Empty, default);

    public Row Summary { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        var situation = await db.Situations.AsNoTracking().VisibleTo(User)
            .Where(s => s.Id == id)
            .Select(s => new { Entity = s, Organisation = s.ReferentOrganisation!.Name })
            .FirstOrDefaultAsync();
        if (situation is null)
        {
            // Out of scope or absent: the same answer, so existence does not leak.
            return NotFound();
        }

        Identity = situation.Entity.ReadIdentity(cipher);
        Summary = new Row(situation.Entity.Status, situation.Entity.Sex, situation.Entity.Territory, situation.Organisation, situation.Entity.CreatedAt);
        await audit.RecordAsync(AuditAction.Read, AuditRecordType.Situation, id.ToString());
        return Page();
    }

    public sealed record Row(SituationStatus Status, Sex Sex, string? Territory, string Organisation, DateTime CreatedAt);
}
