using Microsoft.EntityFrameworkCore;
using Vigie.Web.Data;

namespace Vigie.Web.Features.Administration.Users;

public sealed record OrganisationOption(Guid Id, string Name);

public sealed record UserFormView(UserInput Input, IReadOnlyList<OrganisationOption> Organisations)
{
    /// <summary>Active organisations, plus the user's current one even if it was deactivated since.</summary>
    public static Task<List<OrganisationOption>> OrganisationsAsync(VigieDbContext db, Guid? current = null) =>
        db.Organisations.AsNoTracking()
            .Where(o => o.IsActive || o.Id == current)
            .OrderBy(o => o.Name)
            .Select(o => new OrganisationOption(o.Id, o.Name))
            .ToListAsync();
}
