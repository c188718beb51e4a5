using System.Runtime.Loader;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;
using Microsoft.Extensions.Options;

namespace Vigie.Web.Data;

public static class DataServiceCollectionExtensions
{
    public const string SqliteMigrationsAssembly = "Vigie.Migrations.Sqlite";
    public const string PostgresMigrationsAssembly = "Vigie.Migrations.Postgres";

    public static WebApplicationBuilder AddData(this WebApplicationBuilder builder)
    {
        LoadMigrationsAssembliesFromAppFolder();
        builder.Services.AddOptions<DatabaseOptions>()
            .Bind(builder.Configuration.GetSection(DatabaseOptions.Section))
            .ValidateDataAnnotations()
            .Validate(o => o.Provider != DatabaseProvider.Postgres || !string.IsNullOrWhiteSpace(o.ConnectionString),
                "Vigie:Database:ConnectionString est obligatoire avec le fournisseur Postgres.")
            .ValidateOnStart();

        builder.Services.AddDbContextFactory<VigieDbContext>((services, options) =>
        {
            var settings = services.GetRequiredService<IOptions<DatabaseOptions>>().Value;
            var environment = services.GetRequiredService<IHostEnvironment>();
            Configure(options, settings, environment.ContentRootPath);
        });

        builder.Services.AddHealthChecks().AddDbContextCheck<VigieDbContext>("database");
        return builder;
    }

    private static int _resolverInstalled;

    /// <summary>
    /// The migrations assemblies sit beside Vigie.Web.dll but are not in its dependency manifest
    /// (they reference it, not the other way round): resolve them from that folder by name.
    /// </summary>
    private static void LoadMigrationsAssembliesFromAppFolder()
    {
        // Once per process, whoever configures a context first (the host, a test, a tool).
        if (Interlocked.Exchange(ref _resolverInstalled, 1) == 1)
        {
            return;
        }

        var folder = Path.GetDirectoryName(typeof(VigieDbContext).Assembly.Location)!;
        AssemblyLoadContext.Default.Resolving += (context, name) =>
        {
            if (name.Name is not (SqliteMigrationsAssembly or PostgresMigrationsAssembly))
            {
                return null;
            }

            var file = Path.Combine(folder, name.Name + ".dll");
            return File.Exists(file) ? context.LoadFromAssemblyPath(file) : null;
        };
    }

    /// <summary>Applies the provider, its connection string and its migrations assembly.</summary>
    public static void Configure(DbContextOptionsBuilder options, DatabaseOptions settings, string contentRoot)
    {
        LoadMigrationsAssembliesFromAppFolder();
        switch (settings.Provider)
        {
            case DatabaseProvider.Postgres:
                options.UseNpgsql(settings.ConnectionString, o => o.MigrationsAssembly(PostgresMigrationsAssembly));
                break;
            default:
                options.UseSqlite(SqliteConnectionString(settings, contentRoot), o => o.MigrationsAssembly(SqliteMigrationsAssembly))
                    .ReplaceService<IQuerySqlGeneratorFactory, SqliteCountFilterSqlGeneratorFactory>();
                break;
        }
    }

    public static string SqliteConnectionString(DatabaseOptions settings, string contentRoot)
    {
        if (!string.IsNullOrWhiteSpace(settings.ConnectionString))
        {
            return settings.ConnectionString;
        }

        var folder = Path.GetFullPath(settings.DataFolder, contentRoot);
        Directory.CreateDirectory(folder);
        return new SqliteConnectionStringBuilder
        {
            DataSource = Path.Combine(folder, "vigie.db"),
            Cache = SqliteCacheMode.Private,
            Pooling = true,
        }.ToString();
    }
}
