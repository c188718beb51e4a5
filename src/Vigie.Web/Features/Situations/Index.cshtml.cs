using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Vigie.Web.Data;

namespace Vigie.Web.Features.Situations;

/// <summary>The situations the user may see; names stay encrypted in lists (no decryption per row).</summary>
public sealed class IndexModel(VigieDbContext db) : PageModel
{
    [TempData]
    public string? Status { get; set; }

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public async Task OnGetAsync()
    {
        Rows = await db.Situations.AsNoTracking()
            .VisibleTo(User)
            .OrderByDescending(s => s.CreatedAt)
            .Take(200)
            .Select(s => new Row(s.Id, s.CreatedAt, s.Status, s.BirthYear, s.Territory, s.ReferentOrganisation!.Name))
            .ToListAsync();
    }

    public sealed record Row(Guid Id, DateTime CreatedAt, SituationStatus Status, int BirthYear, string? Territory, string Organisation);
}
