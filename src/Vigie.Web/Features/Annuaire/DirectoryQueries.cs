using Microsoft.EntityFrameworkCore;
using Vigie.Web.Data;
using Vigie.Web.Platform.Web;

namespace Vigie.Web.Features.Annuaire;

public sealed record EntryRow(Guid Id, string Name, DirectoryKind Kind, string? Territory, CommissionMembership Membership, string? Phone, string? Email, string? Website, string? Description, bool IsActive);

public sealed record ContactView(string Name, string? Function, string? Phone, string? Email);

public sealed record EntryView(
    Guid Id, string Name, DirectoryKind Kind, Guid? OrganisationId, string? OrganisationName, string? Description, string? Address, string? Phone, string? Email,
    string? Website, string? Territory, string? Access, CommissionMembership Membership, bool IsActive, DateTime UpdatedAt, string? UpdatedById,
    IReadOnlyList<ContactView> Contacts);

public sealed record OrganisationOption(Guid Id, string Name, bool IsActive);

/// <summary>The directory's reads, as projections.</summary>
public static class DirectoryQueries
{
    /// <summary>How many entries a list shows at most; the page says when there are more.</summary>
    public const int ListLimit = 200;

    /// <summary>
    /// Entries (active, or retired ones) by name, of one kind and one territory when given, and
    /// containing every word of the query in their name, kind, territory, description, address or
    /// contacts' names and functions, accents and case aside.
    /// </summary>
    public static IQueryable<DirectoryEntry> Filter(VigieDbContext db, string? query, DirectoryKind? kind, string? territory, CommissionMembership? membership, bool retired)
    {
        var entries = db.DirectoryEntries.AsNoTracking().Where(e => e.IsActive != retired);
        foreach (var word in SearchText.Words(query))
        {
            entries = entries.Where(e => e.SearchKey.Contains(word));
        }

        if (kind is not null)
        {
            entries = entries.Where(e => e.Kind == kind);
        }

        if (!string.IsNullOrWhiteSpace(territory))
        {
            var t = territory.Trim();
            entries = entries.Where(e => e.Territory == t);
        }

        if (membership is not null)
        {
            entries = entries.Where(e => e.Membership == membership);
        }

        return entries;
    }

    public static Task<List<EntryRow>> RowsAsync(IQueryable<DirectoryEntry> entries, CancellationToken cancellationToken) =>
        entries.OrderBy(e => e.Name).Take(ListLimit)
            .Select(e => new EntryRow(e.Id, e.Name, e.Kind, e.Territory, e.Membership, e.Phone, e.Email, e.Website, e.Description, e.IsActive))
            .ToListAsync(cancellationToken);

    /// <summary>The territories active entries name, for the filter.</summary>
    public static Task<List<string>> TerritoriesAsync(VigieDbContext db, CancellationToken cancellationToken) =>
        db.DirectoryEntries.AsNoTracking().Where(e => e.IsActive && e.Territory != null).Select(e => e.Territory!).Distinct().OrderBy(t => t).ToListAsync(cancellationToken);

    public static Task<EntryView?> FindAsync(VigieDbContext db, Guid id, CancellationToken cancellationToken) =>
        db.DirectoryEntries.AsNoTracking().Where(e => e.Id == id)
            .Select(e => new EntryView(e.Id, e.Name, e.Kind, e.OrganisationId,
                db.Organisations.Where(o => o.Id == e.OrganisationId).Select(o => o.Name).FirstOrDefault(),
                e.Description, e.Address, e.Phone, e.Email, e.Website, e.Territory, e.Access, e.Membership, e.IsActive, e.UpdatedAt, e.UpdatedById,
                e.Contacts.OrderBy(c => c.Position).Select(c => new ContactView(c.Name, c.Function, c.Phone, c.Email)).ToList()))
            .FirstOrDefaultAsync(cancellationToken);

    /// <summary>The organisations an entry may describe: the active ones, and the one it already describes.</summary>
    public static Task<List<OrganisationOption>> OrganisationsAsync(VigieDbContext db, Guid? current, CancellationToken cancellationToken) =>
        db.Organisations.AsNoTracking().Where(o => o.IsActive || o.Id == current).OrderBy(o => o.Name)
            .Select(o => new OrganisationOption(o.Id, o.Name, o.IsActive)).ToListAsync(cancellationToken);

    public static Task<string?> OrganisationNameAsync(VigieDbContext db, Guid? id, CancellationToken cancellationToken) =>
        id is null ? Task.FromResult<string?>(null)
            : db.Organisations.AsNoTracking().Where(o => o.Id == id).Select(o => o.Name).FirstOrDefaultAsync(cancellationToken);
}
