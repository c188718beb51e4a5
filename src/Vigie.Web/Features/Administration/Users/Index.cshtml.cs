using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Vigie.Web.Data;

namespace Vigie.Web.Features.Administration.Users;

public sealed class IndexModel(VigieDbContext db, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? Organisation { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Role { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Inactifs { get; set; }

    public IReadOnlyList<OrganisationOption> Organisations { get; private set; } = [];

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public async Task OnGetAsync()
    {
        Organisations = await db.Organisations.AsNoTracking().OrderBy(o => o.Name).Select(o => new OrganisationOption(o.Id, o.Name)).ToListAsync();
        var users = db.Users.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(Q))
        {
            var term = Q.Trim().ToLower();
            users = users.Where(u => u.DisplayName.ToLower().Contains(term) || u.Email!.ToLower().Contains(term));
        }

        if (Organisation is not null)
        {
            users = users.Where(u => u.OrganisationId == Organisation);
        }

        if (!string.IsNullOrEmpty(Role))
        {
            users = users.Where(u => db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == Role)));
        }

        if (!Inactifs)
        {
            users = users.Where(u => u.IsActive);
        }

        var rows = await users
            .OrderBy(u => u.DisplayName)
            .Select(u => new
            {
                u.Id,
                u.DisplayName,
                u.Email,
                Organisation = u.Organisation!.Name,
                u.TwoFactorEnabled,
                u.IsActive,
                u.LockoutEnd,
                Roles = db.UserRoles.Where(ur => ur.UserId == u.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => r.Name!).ToList(),
            })
            .Take(500)
            .ToListAsync();
        var now = clock.GetUtcNow();
        Rows = rows.Select(r => new Row(r.Id, r.DisplayName, r.Email ?? string.Empty, r.Organisation, r.Roles, r.TwoFactorEnabled, r.IsActive,
            r.LockoutEnd is { } end && end > now)).ToList();
    }

    public sealed record Row(string Id, string DisplayName, string Email, string Organisation, IReadOnlyList<string> Roles,
        bool MfaEnabled, bool IsActive, bool LockedOut);
}
