using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Vigie.Web.Data;
using Vigie.Web.Platform.Audit;
using Vigie.Web.Platform.Crypto;
using Vigie.Web.Platform.Web;

namespace Vigie.Web.Features.Situations.LegalSteps;

/// <summary>
/// "Mes échéances": the open steps the user is responsible for, across the situations they can
/// still see, soonest due first (so overdue ones lead), paged by the database. Only the rows of the
/// page shown are decrypted, to a first name and an initial.
/// </summary>
public sealed class MyDeadlinesModel(VigieDbContext db, FieldCipher cipher, IAuditLog audit, TimeProvider clock) : PageModel
{
    public const int PageSize = 50;

    [FromQuery(Name = "page")]
    public int Numero { get; set; } = 1;

    public int Total { get; private set; }

    public int OverdueCount { get; private set; }

    public int Pages { get; private set; }

    public DateTime Now { get; private set; }

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public async Task OnGetAsync()
    {
        Now = clock.GetUtcNow().UtcDateTime;
        var open = OpenSteps.Of(db, User, Now);
        Total = await open.CountAsync();
        OverdueCount = Total == 0 ? 0 : await open.Overdue(Now).CountAsync();
        Pages = Math.Max(1, (Total + PageSize - 1) / PageSize);
        Numero = Math.Clamp(Numero, 1, Pages);
        var page = await open
            .OrderBy(s => s.DueAt).ThenBy(s => s.Id)
            .Skip((Numero - 1) * PageSize)
            .Take(PageSize)
            .ToListAsync();
        Rows = page.Select(s => new Row(s.SituationId, s.Kind, s.OccurredAt, s.DueAt, s.DueAt < Now, ShortName(s))).ToList();
        await audit.RecordAsync(AuditAction.Read, AuditRecordType.MyDeadlines);
    }

    public string PageLink(int page) => Paging.Link(Request, page);

    /// <summary>First name and the initial of the last name: enough to recognise one's own case.</summary>
    private string ShortName(OpenStep step)
    {
        var last = cipher.Decrypt(step.LastNameEncrypted, Situation.LastNamePurpose).Trim();
        var first = cipher.Decrypt(step.FirstNameEncrypted, Situation.FirstNamePurpose).Trim();
        return last.Length == 0 ? first : $"{first} {char.ToUpperInvariant(last[0])}.";
    }

    public sealed record Row(Guid SituationId, LegalStepKind Kind, DateTime OccurredAt, DateTime DueAt, bool Overdue, string Minor);
}
