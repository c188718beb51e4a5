using Npgsql;

namespace Vigie.Tests.Infrastructure;

/// <summary>
/// Where a test server keeps its data. SQLite by default; PostgreSQL when test.sh sets
/// VIGIE_TEST_PROVIDER=Postgres and VIGIE_TEST_POSTGRES (a connection string to a server where the
/// role may create databases). Each factory gets a database of its own.
/// </summary>
public sealed class TestDatabase : IDisposable
{
    private readonly string _folder;

    public TestDatabase()
    {
        _folder = Path.Combine(Path.GetTempPath(), "vigie-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_folder);
        if (IsPostgres)
        {
            var admin = new NpgsqlConnectionStringBuilder(PostgresAdminConnectionString);
            var name = "vigie_" + Guid.NewGuid().ToString("N")[..16];
            using (var connection = new NpgsqlConnection(admin.ConnectionString))
            {
                connection.Open();
                using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
                command.ExecuteNonQuery();
            }

            DatabaseName = name;
            admin.Database = name;
            ConnectionString = admin.ConnectionString;
        }
        else
        {
            ConnectionString = $"Data Source={Path.Combine(_folder, "vigie.db")};Pooling=False";
        }
    }

    public static string Provider => Environment.GetEnvironmentVariable("VIGIE_TEST_PROVIDER") is { Length: > 0 } p ? p : "Sqlite";

    public static bool IsPostgres => Provider.Equals("Postgres", StringComparison.OrdinalIgnoreCase);

    private static string PostgresAdminConnectionString =>
        Environment.GetEnvironmentVariable("VIGIE_TEST_POSTGRES")
        ?? throw new InvalidOperationException("VIGIE_TEST_POSTGRES doit donner la chaîne de connexion du serveur PostgreSQL de test.");

    public string ConnectionString { get; }

    public string? DatabaseName { get; }

    public string KeysFolder => Path.Combine(_folder, "keys");

    public string DataFolder => _folder;

    public void Dispose()
    {
        if (IsPostgres && DatabaseName is not null)
        {
            NpgsqlConnection.ClearAllPools();
            using var connection = new NpgsqlConnection(PostgresAdminConnectionString);
            connection.Open();
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    Execute(connection, $"DROP DATABASE IF EXISTS {DatabaseName} WITH (FORCE)");
                    break;
                }
                catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.InsufficientPrivilege && attempt < 5)
                {
                    // An autovacuum worker is on the database: FORCE may not end it without superuser
                    // rights, a plain DROP does (it stops autovacuum workers and waits for them).
                    try
                    {
                        Execute(connection, $"DROP DATABASE IF EXISTS {DatabaseName}");
                        break;
                    }
                    catch (PostgresException)
                    {
                        Thread.Sleep(200 * attempt);
                    }
                }
            }
        }

        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still open on a slow shutdown: the temp folder is cleaned by the OS.
        }
    }

    private static void Execute(NpgsqlConnection connection, string sql)
    {
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }
}
