using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Vigie.Web.Data;
using Vigie.Web.Features.Compte;
using Vigie.Web.Platform.Audit;
using Vigie.Web.Platform.Export;

namespace Vigie.Web.Features.Protection;

/// <summary>CSV export of the filtered log. An export: it needs a fresh step-up code and is itself logged.</summary>
[Authorize(Policy = Policies.RecentStepUp)]
public sealed class AuditLogExportModel(VigieDbContext db, IAuditLog audit, TimeProvider clock) : PageModel
{
    public async Task<IActionResult> OnGetAsync([FromQuery] AuditLogFilter filter)
    {
        filter.Validate(ModelState);
        if (!ModelState.IsValid)
        {
            return BadRequest();
        }

        var rows = await filter.Apply(db).OrderBy(r => r.Sequence).Take(100_000).ToListAsync();
        var csv = new StringBuilder();
        csv.AppendLine("numero;date_utc;utilisateur;email;action;objet;identifiant;resultat;ip");
        foreach (var r in rows)
        {
            csv.AppendJoin(';', new[]
            {
                r.Sequence.ToString(CultureInfo.InvariantCulture), r.At.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
                r.ActorName, r.ActorEmail, r.ActionLabel, r.RecordType, r.RecordId, r.OutcomeLabel, r.Ip,
            }.Select(Csv.Cell));
            csv.AppendLine();
        }

        await audit.RecordAsync(AuditAction.Export, AuditRecordType.AuditLog, null);
        var name = $"journal-audit-{clock.GetUtcNow():yyyyMMdd-HHmm}.csv";
        return File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv.ToString())).ToArray(), "text/csv; charset=utf-8", name);
    }
}
