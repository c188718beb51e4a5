using Microsoft.Extensions.Caching.Memory;

namespace Vigie.Web.Features.Situations;

/// <summary>
/// Remembers for a minute that a user's filter matched more situations than the list can browse, so
/// the next pages of that list skip the capped count (up to 10,001 index entries read per page on a
/// large table). Only "more than the cap" is remembered: a count under the cap is always exact, and a
/// remembered "more than 10,000" can at worst outlive, for a minute, a fall below the cap.
/// </summary>
public sealed class CappedCounts(TimeProvider clock) : IDisposable
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(1);

    private readonly MemoryCache remembered = new(new MemoryCacheOptions { SizeLimit = 10_000, Clock = new ClockAdapter(clock) });

    /// <summary>
    /// The key of one user's list (scope follows the user) and filter, the page number and sort left
    /// out; hashed, so a name typed in the search is not kept in memory.
    /// </summary>
    public static string Key(string userId, string filter) =>
        Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(userId + "\u001f" + filter)));

    public bool IsCapped(string key) => remembered.TryGetValue(key, out _);

    public void RememberCapped(string key) =>
        remembered.Set(key, true, new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = Lifetime });

    public void Dispose() => remembered.Dispose();

#pragma warning disable CS0618 // ISystemClock is the cache's own clock abstraction; it follows the injected TimeProvider.
    private sealed class ClockAdapter(TimeProvider clock) : Microsoft.Extensions.Internal.ISystemClock
    {
        public DateTimeOffset UtcNow => clock.GetUtcNow();
    }
#pragma warning restore CS0618
}
