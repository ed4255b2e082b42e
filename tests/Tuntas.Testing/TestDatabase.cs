using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;
using Npgsql;
using Tuntas.Data;
using Tuntas.Data.Database;

namespace Tuntas.Testing;

/// <summary>
/// A throw-away database with the schema and the Kemendagri regions, one per test. Each provider
/// initialises a template once per test run; every test gets a copy (a file copy on SQLite,
/// <c>CREATE DATABASE … TEMPLATE</c> on PostgreSQL), so tests never see each other's data.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    /// <summary>Administrative address of the PostgreSQL server that ./test.sh starts.</summary>
    public const string PostgresVariable = "TUNTAS_TEST_PG";

    private static readonly ConcurrentDictionary<TestProvider, Lazy<Task<string>>> Templates = new();
    // Unique per run: a process id is reused, and a folder left by an earlier run holds an older schema.
    private static readonly string WorkFolder = Path.Combine(Path.GetTempPath(), $"tuntas-tests-{Environment.ProcessId}-{Guid.NewGuid():N}");

    private TestDatabase(TestProvider provider, DatabaseUri uri, string name)
    {
        Provider = provider;
        Uri = uri;
        Name = name;
    }

    public TestProvider Provider { get; }

    public DatabaseUri Uri { get; }

    /// <summary>The file path (SQLite) or database name (PostgreSQL).</summary>
    public string Name { get; }

    public static IReadOnlyList<TestProvider> EnabledProviders =>
        Environment.GetEnvironmentVariable("TUNTAS_TEST_PROVIDERS") is { Length: > 0 } list
            ? list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(p => Enum.Parse<TestProvider>(p, ignoreCase: true)).ToList()
            : [TestProvider.Sqlite, TestProvider.Postgres];

    public TuntasDbContext CreateContext() => TuntasDatabase.CreateContext(Uri);

    public static async Task<TestDatabase> CreateAsync(TestProvider provider)
    {
        var template = await Templates.GetOrAdd(provider, p => new Lazy<Task<string>>(() => CreateTemplateAsync(p))).Value;
        var name = $"tuntas_t_{Guid.NewGuid():N}";
        if (provider == TestProvider.Sqlite)
        {
            var path = Path.Combine(WorkFolder, name + ".db");
            File.Copy(template, path);
            return new TestDatabase(provider, DatabaseUri.Parse("sqlite:" + path), path);
        }

        var admin = PostgresAdminUri();
        await using (var connection = new NpgsqlConnection(DatabaseUri.Parse(admin).ConnectionString))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\" TEMPLATE \"{template}\"", connection);
            await create.ExecuteNonQueryAsync();
        }

        return new TestDatabase(provider, DatabaseUri.Parse(WithDatabase(admin, name)), name);
    }

    private static async Task<string> CreateTemplateAsync(TestProvider provider)
    {
        if (provider == TestProvider.Sqlite)
        {
            Directory.CreateDirectory(WorkFolder);
            var path = Path.Combine(WorkFolder, "template.db");
            var uri = DatabaseUri.Parse("sqlite:" + path);
            await DatabaseInitializer.InitializeAsync(uri);

            // Fold the write-ahead log into the file so that a plain copy is a complete database.
            await using (var connection = new SqliteConnection(uri.ConnectionString))
            {
                await connection.OpenAsync();
                await using var checkpoint = new SqliteCommand("PRAGMA wal_checkpoint(TRUNCATE);", connection);
                await checkpoint.ExecuteNonQueryAsync();
            }

            SqliteConnection.ClearAllPools();
            return path;
        }

        var admin = PostgresAdminUri();
        var name = $"tuntas_template_{Environment.ProcessId}_{Guid.NewGuid().ToString("N")[..8]}";
        await using (var connection = new NpgsqlConnection(DatabaseUri.Parse(admin).ConnectionString))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await create.ExecuteNonQueryAsync();
        }

        await DatabaseInitializer.InitializeAsync(DatabaseUri.Parse(WithDatabase(admin, name)));

        // A template cannot be copied while anyone is connected to it.
        NpgsqlConnection.ClearAllPools();
        return name;
    }

    private static string PostgresAdminUri() =>
        Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } uri
            ? uri
            : throw new InvalidOperationException(
                $"PostgreSQL was not provided: run ./test.sh, which starts a throw-away server, or set {PostgresVariable}=postgresql://user@127.0.0.1:PORT/postgres. " +
                "Only TUNTAS_TEST_PROVIDERS=sqlite leaves the PostgreSQL runs out.");

    private static string WithDatabase(string uri, string database)
    {
        var builder = new UriBuilder(uri) { Path = "/" + database };
        return builder.Uri.ToString();
    }

    public async ValueTask DisposeAsync()
    {
        if (Provider == TestProvider.Sqlite)
        {
            SqliteConnection.ClearAllPools();
            foreach (var suffix in new[] { string.Empty, "-wal", "-shm" })
            {
                try
                {
                    File.Delete(Name + suffix);
                }
                catch (IOException)
                {
                    // A file still held open is left for the temp folder's clean-up; it is unique to this test.
                }
            }

            return;
        }

        await using var connection = new NpgsqlConnection(DatabaseUri.Parse(PostgresAdminUri()).ConnectionString);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }

    public override string ToString() => $"{Provider} ({Name})";
}
