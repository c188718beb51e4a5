namespace Vigie.Web.Platform.Statistics;

/// <summary>
/// Small-count protection of a published table: primary suppression of every count from 1 to
/// threshold − 1 (margins included), then secondary suppression of enough other cells that no hidden
/// cell can be recomputed from the published row and column totals. See docs/observatoire.md.
/// </summary>
public static class SmallCountProtection
{
    public static ProtectedTable Protect(CountTable table, int threshold) =>
        throw new NotImplementedException("Being written on the 'smallcounts' branch.");
}
