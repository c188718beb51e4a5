using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Vigie.Web.Data;
using Vigie.Web.Platform.Web;

namespace Vigie.Web.Features.Situations;

/// <summary>
/// The situations the user may see, filtered and paged by the database; names stay encrypted in
/// lists (no decryption per row).
/// </summary>
public sealed class IndexModel(VigieDbContext db, TimeProvider clock) : PageModel
{
    public const int PageSize = 50;

    [FromQuery(Name = "statut")]
    public SituationStatus? Statut { get; set; }

    [FromQuery(Name = "territoire")]
    public string? Territoire { get; set; }

    [FromQuery(Name = "page")]
    public int Numero { get; set; } = 1;

    [TempData]
    public string? Status { get; set; }

    public int Total { get; private set; }

    public int Pages { get; private set; }

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var query = db.Situations.AsNoTracking().VisibleTo(User, clock.GetUtcNow().UtcDateTime);
        if (Statut is { } status && Enum.IsDefined(status))
        {
            query = query.Where(s => s.Status == status);
        }

        if (!string.IsNullOrWhiteSpace(Territoire))
        {
            var territory = Territoire.Trim().ToLower();
            query = query.Where(s => s.Territory != null && s.Territory.ToLower().Contains(territory));
        }

        Total = await query.CountAsync();
        Pages = Math.Max(1, (Total + PageSize - 1) / PageSize);
        Numero = Math.Clamp(Numero, 1, Pages);
        Rows = await query
            .OrderByDescending(s => s.CreatedAt).ThenBy(s => s.Id)
            .Skip((Numero - 1) * PageSize)
            .Take(PageSize)
            .Select(s => new Row(s.Id, s.CreatedAt, s.Status, s.BirthYear, s.Territory, s.ReferentOrganisation!.Name))
            .ToListAsync();
    }

    public string PageLink(int page) => Paging.Link(Request, page);

    public sealed record Row(Guid Id, DateTime CreatedAt, SituationStatus Status, int BirthYear, string? Territory, string Organisation);
}
