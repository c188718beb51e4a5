using Microsoft.EntityFrameworkCore;
using Vigie.Web.Data;

namespace Vigie.Web.Features.Observatoire;

/// <summary>
/// One count per minor: among the situations of one identity (same blind index), only the first
/// (smallest <c>CountedOn</c>, then id) has <c>CountsForMinor</c>. Set-based, the same SQL on SQLite and
/// PostgreSQL (quoted identifiers; ids compare as uuid or as text, either way a fixed order).
/// </summary>
public static class MinorCounting
{
    // The flag is right when it equals "no earlier situation of the same identity": flip the rows where
    // it equals the opposite. Only rows that change are written (a bulk refresh rewrites a handful).
    private const string Update = """
        UPDATE "Situations" SET "CountsForMinor" = NOT "CountsForMinor"
        WHERE "CountsForMinor" = EXISTS (
            SELECT 1 FROM "Situations" AS o
            WHERE o."IdentityIndex" = "Situations"."IdentityIndex"
              AND (o."CountedOn" < "Situations"."CountedOn" OR (o."CountedOn" = "Situations"."CountedOn" AND o."Id" < "Situations"."Id")))
        """;

    /// <summary>After a situation of these identities was opened, edited (give the old index and the new) or evaluated.</summary>
    public static async Task RefreshAsync(VigieDbContext db, params string[] identityIndexes)
    {
        foreach (var identityIndex in identityIndexes.Distinct())
        {
            await db.Database.ExecuteSqlRawAsync(Update + """ AND "IdentityIndex" = {0}""", identityIndex);
        }
    }

    /// <summary>After situations were written in bulk (import, generator, start-up backfill).</summary>
    public static Task<int> RefreshAllAsync(VigieDbContext db, CancellationToken cancellationToken = default) =>
        db.Database.ExecuteSqlRawAsync(Update, cancellationToken);
}
