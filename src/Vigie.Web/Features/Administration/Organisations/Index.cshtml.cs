using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Vigie.Web.Data;

namespace Vigie.Web.Features.Administration.Organisations;

public sealed class IndexModel(VigieDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true)]
    public OrganisationKind? Type { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Inactives { get; set; }

    [TempData]
    public string? Status { get; set; }

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var query = db.Organisations.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(Q))
        {
            var term = Q.Trim().ToLower();
            query = query.Where(o => o.Name.ToLower().Contains(term));
        }

        if (Type is not null)
        {
            query = query.Where(o => o.Kind == Type);
        }

        if (!Inactives)
        {
            query = query.Where(o => o.IsActive);
        }

        Rows = await query
            .OrderBy(o => o.Name)
            .Select(o => new Row(o.Id, o.Name, o.Kind, o.Territory, o.IsActive, db.Users.Count(u => u.OrganisationId == o.Id && u.IsActive)))
            .ToListAsync();
    }

    public sealed record Row(Guid Id, string Name, OrganisationKind Kind, string? Territory, bool IsActive, int ActiveUsers);
}
