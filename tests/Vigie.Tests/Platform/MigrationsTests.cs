using Microsoft.EntityFrameworkCore;
using Vigie.Web.Data;

namespace Vigie.Tests.Platform;

/// <summary>A model change without its migration fails here, for each provider.</summary>
public sealed class MigrationsTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public void Model_has_no_changes_missing_from_the_provider_migrations(DatabaseProvider provider)
    {
        var settings = new DatabaseOptions
        {
            Provider = provider,
            // No connection is opened: the model is compared with the committed snapshot.
            ConnectionString = provider == DatabaseProvider.Postgres ? "Host=127.0.0.1;Database=unused" : "Data Source=:memory:",
        };
        var options = new DbContextOptionsBuilder<VigieDbContext>();
        DataServiceCollectionExtensions.Configure(options, settings, Path.GetTempPath());
        using var db = new VigieDbContext(options.Options);

        Assert.NotEmpty(db.Database.GetMigrations());
        Assert.False(db.Database.HasPendingModelChanges(),
            $"Le modèle a changé sans migration {provider} : dotnet ef migrations add … (voir docs/operations.md).");
    }
}
