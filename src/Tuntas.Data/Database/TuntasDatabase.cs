using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace Tuntas.Data.Database;

/// <summary>Opens the register on the database a <see cref="DatabaseUri"/> names.</summary>
public static class TuntasDatabase
{
    /// <summary>Registers <see cref="TuntasDbContext"/> (as its provider's subclass) in a service collection.</summary>
    public static IServiceCollection AddTuntasDatabase(this IServiceCollection services, DatabaseUri database)
    {
        services.AddSingleton(database);
        return database.Provider switch
        {
            DatabaseProvider.Sqlite => services.AddDbContext<TuntasDbContext, SqliteTuntasDbContext>(o => Configure(o, database)),
            _ => services.AddDbContext<TuntasDbContext, PostgresTuntasDbContext>(o => Configure(o, database)),
        };
    }

    /// <summary>A context outside dependency injection, for the command line and tests.</summary>
    public static TuntasDbContext CreateContext(DatabaseUri database)
    {
        if (database.Provider == DatabaseProvider.Sqlite)
        {
            var options = new DbContextOptionsBuilder<SqliteTuntasDbContext>();
            Configure(options, database);
            return new SqliteTuntasDbContext(options.Options);
        }

        var pgOptions = new DbContextOptionsBuilder<PostgresTuntasDbContext>();
        Configure(pgOptions, database);
        return new PostgresTuntasDbContext(pgOptions.Options);
    }

    /// <summary>
    /// A second context on <paramref name="db"/>'s connection, with a change tracker of its own: for
    /// work inside the first context's transaction (join it with <c>UseTransactionAsync</c>) that
    /// should not scan everything the first one tracks. The connection stays the first context's.
    /// </summary>
    public static TuntasDbContext OnSameConnection(TuntasDbContext db)
    {
        var connection = db.Database.GetDbConnection();
        if (db is SqliteTuntasDbContext)
        {
            var options = new DbContextOptionsBuilder<SqliteTuntasDbContext>();
            options.UseSqlite(connection, o => o.CommandTimeout(120));
            return new SqliteTuntasDbContext(options.Options);
        }

        var pgOptions = new DbContextOptionsBuilder<PostgresTuntasDbContext>();
        pgOptions.UseNpgsql(connection, o => o.CommandTimeout(120));
        return new PostgresTuntasDbContext(pgOptions.Options);
    }

    public static void Configure(DbContextOptionsBuilder options, DatabaseUri database)
    {
        if (database.Provider == DatabaseProvider.Sqlite)
        {
            EnsureSqliteFolder(database);
            options.UseSqlite(database.ConnectionString, o => o.CommandTimeout(120));
            options.AddInterceptors(SqliteBusyTimeout.Instance);
        }
        else
        {
            options.UseNpgsql(database.ConnectionString, o => o.CommandTimeout(120));
        }
    }

    private static void EnsureSqliteFolder(DatabaseUri database)
    {
        var path = new SqliteConnectionStringBuilder(database.ConnectionString).DataSource;
        var folder = Path.GetDirectoryName(path);
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }
    }
}

/// <summary>
/// Sets SQLite's own busy timeout on every connection the register opens. Microsoft.Data.Sqlite
/// also retries a busy statement until the command timeout, but only in steps of 150 ms and not
/// inside SQLite's own lock waits (a COMMIT waiting for readers, a checkpoint); the native handler
/// covers those and wakes as soon as the lock is free.
/// </summary>
internal sealed class SqliteBusyTimeout : DbConnectionInterceptor
{
    public static readonly SqliteBusyTimeout Instance = new();

    private static readonly string Pragma = FormattableString.Invariant($"PRAGMA busy_timeout = {DatabaseUri.SqliteBusyTimeoutSeconds * 1000};");

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragma;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragma;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}

/// <summary>Design-time factory for <c>dotnet ef</c>: SQLite migrations (see scripts/add-migration.sh).</summary>
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteTuntasDbContext>
{
    public SqliteTuntasDbContext CreateDbContext(string[] args) =>
        (SqliteTuntasDbContext)TuntasDatabase.CreateContext(DatabaseUri.Parse("sqlite:" + Path.Combine(Path.GetTempPath(), "tuntas-design.db")));
}

/// <summary>Design-time factory for <c>dotnet ef</c>: PostgreSQL migrations. No server is contacted.</summary>
internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresTuntasDbContext>
{
    public PostgresTuntasDbContext CreateDbContext(string[] args) =>
        (PostgresTuntasDbContext)TuntasDatabase.CreateContext(DatabaseUri.Parse("postgresql://tuntas@localhost:5432/tuntas_design"));
}
