using Microsoft.EntityFrameworkCore;
using Vigie.Web.Data;

namespace Vigie.Web.Features.Lexique;

/// <summary>
/// Writes the starting terms whose key is not in the database yet, at every start: the first start
/// fills the lexique, later starts change nothing (a term is never deleted, only retired, so a
/// retired starting term stays retired and Coordination's edits stay). A starting term whose title
/// another term already took is left out rather than failing the start.
/// </summary>
public static class LexiqueSeed
{
    public static async Task<int> SeedLexiqueAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        var factory = services.GetRequiredService<IDbContextFactory<VigieDbContext>>();
        var clock = services.GetRequiredService<TimeProvider>();
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var existing = await db.LexiqueTerms.Select(t => new { t.Key, t.TitleKey }).ToListAsync(cancellationToken);
        var keys = existing.Select(t => t.Key).ToHashSet(StringComparer.Ordinal);
        var titles = existing.Select(t => t.TitleKey).ToHashSet(StringComparer.Ordinal);
        var now = clock.GetUtcNow().UtcDateTime;
        var added = 0;
        foreach (var start in StartingTerms.All)
        {
            if (keys.Contains(start.Key))
            {
                continue;
            }

            var term = LexiqueTerm.Create(start.Key, start.Title, start.Definition, start.Synonyms, start.Sources.Select(s => (s.Text, s.Url)), now, null);
            if (!titles.Add(term.TitleKey))
            {
                continue;
            }

            db.LexiqueTerms.Add(term);
            added++;
        }

        if (added > 0)
        {
            await db.SaveChangesAsync(cancellationToken);
            services.GetRequiredService<LexiqueLinks>().Invalidate();
        }

        return added;
    }
}
