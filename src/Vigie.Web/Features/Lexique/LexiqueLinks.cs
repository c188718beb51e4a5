using Microsoft.EntityFrameworkCore;
using Vigie.Web.Data;

namespace Vigie.Web.Features.Lexique;

/// <summary>
/// The active terms' titles by key, for the forms' labels that link to their definitions: read once
/// from the database and kept, dropped by every change to the lexique (<see cref="Invalidate"/>) and
/// at most <see cref="MaxAge"/> old, so a second server sees another's edit within that time.
/// </summary>
public sealed class LexiqueLinks(IDbContextFactory<VigieDbContext> factory, TimeProvider clock)
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(5);

    private Snapshot? _snapshot;
    private long _version;

    /// <summary>Key → title of every active term.</summary>
    public async ValueTask<IReadOnlyDictionary<string, string>> TitlesAsync(CancellationToken cancellationToken = default)
    {
        var snapshot = Volatile.Read(ref _snapshot);
        var now = clock.GetUtcNow();
        if (snapshot is not null && now - snapshot.LoadedAt < MaxAge)
        {
            return snapshot.Titles;
        }

        var version = Interlocked.Read(ref _version);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var titles = await db.LexiqueTerms.AsNoTracking().Where(t => t.IsActive)
            .ToDictionaryAsync(t => t.Key, t => t.Title, StringComparer.Ordinal, cancellationToken);
        // A change saved while this was loading may be missing from it: keep it only if none happened.
        if (Interlocked.Read(ref _version) == version)
        {
            Interlocked.CompareExchange(ref _snapshot, new Snapshot(titles, now), snapshot);
        }

        return titles;
    }

    /// <summary>The terms <paramref name="keys"/> names that are active, in that order, with their link.</summary>
    public async ValueTask<IReadOnlyList<TermLink>> LinksAsync(IEnumerable<string> keys, CancellationToken cancellationToken = default)
    {
        var titles = await TitlesAsync(cancellationToken);
        return [.. keys.Where(titles.ContainsKey).Select(k => new TermLink(k, titles[k], LexiqueTerm.HrefOf(k)))];
    }

    /// <summary>Called after every saved change to a term.</summary>
    public void Invalidate()
    {
        Interlocked.Increment(ref _version);
        Volatile.Write(ref _snapshot, null);
    }

    private sealed record Snapshot(IReadOnlyDictionary<string, string> Titles, DateTimeOffset LoadedAt);
}

public sealed record TermLink(string Key, string Title, string Href);
