using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Vigie.Web.Data;

public static class DatabaseStartup
{
    /// <summary>Applies pending migrations (unless turned off) and sets SQLite's WAL journal.</summary>
    public static async Task PrepareDatabaseAsync(this IServiceProvider services, bool forceMigration = false, CancellationToken cancellationToken = default)
    {
        var settings = services.GetRequiredService<IOptions<DatabaseOptions>>().Value;
        var factory = services.GetRequiredService<IDbContextFactory<VigieDbContext>>();
        await using var db = await factory.CreateDbContextAsync(cancellationToken);

        if (settings.Provider == DatabaseProvider.Sqlite)
        {
            // WAL is a property of the database file: set once, it stays. Readers no longer block the writer.
            await db.Database.OpenConnectionAsync(cancellationToken);
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
            await db.Database.CloseConnectionAsync();
        }

        if (settings.MigrateAtStartup || forceMigration)
        {
            await db.Database.MigrateAsync(cancellationToken);
        }

        if (settings.Provider == DatabaseProvider.Sqlite)
        {
            // SQLite keeps no statistics unless asked: without them its planner guesses, and on large
            // tables guesses badly. "optimize" analyses the tables that need it (cheap when nothing
            // changed); PostgreSQL's autovacuum does the same on its side.
            await db.Database.ExecuteSqlRawAsync("PRAGMA optimize=0x10002;", cancellationToken);
        }
    }
}
