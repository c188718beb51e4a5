using System.ComponentModel.DataAnnotations;

namespace Vigie.Web.Data;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

public sealed class DatabaseOptions
{
    public const string Section = "Vigie:Database";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>Required for PostgreSQL; for SQLite, defaults to a file in <see cref="DataFolder"/>.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>Folder of the SQLite file, relative to the content root unless absolute.</summary>
    [Required]
    public string DataFolder { get; set; } = "data";

    public bool MigrateAtStartup { get; set; } = true;
}
