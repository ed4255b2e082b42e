using Microsoft.Data.Sqlite;
using Npgsql;

namespace Tuntas.Data.Database;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>
/// Where the register lives: <c>sqlite:PATH</c> (the embedded default) or
/// <c>postgresql://user:password@host:port/database</c>.
/// </summary>
public sealed record DatabaseUri(DatabaseProvider Provider, string ConnectionString, string Display)
{
    public const string DefaultUri = "sqlite:./data/tuntas.db";

    /// <summary>
    /// How long an SQLite connection waits for another writer to finish before giving up. SQLite has
    /// one writer at a time; a visit saved while another is being written waits instead of failing.
    /// </summary>
    public const int SqliteBusyTimeoutSeconds = 30;

    /// <summary>Name of the environment variable that overrides the default when <c>--db</c> is not given.</summary>
    public const string EnvironmentVariable = "TUNTAS_DB";

    public static DatabaseUri FromOptionOrEnvironment(string? option) =>
        Parse(string.IsNullOrWhiteSpace(option) ? Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } env ? env : DefaultUri : option);

    /// <summary>Parses a database URI; throws <see cref="ArgumentException"/> with a plain reason.</summary>
    public static DatabaseUri Parse(string text)
    {
        var uri = text.Trim();
        if (uri.StartsWith("sqlite:", StringComparison.OrdinalIgnoreCase))
        {
            var path = uri["sqlite:".Length..];
            if (path.StartsWith("//", StringComparison.Ordinal))
            {
                path = path[2..];
            }

            if (path.Length == 0)
            {
                throw new ArgumentException("sqlite: needs a file path, for example sqlite:./data/tuntas.db.");
            }

            var full = Path.GetFullPath(path);
            var builder = new SqliteConnectionStringBuilder
            {
                DataSource = full,
                Mode = SqliteOpenMode.ReadWriteCreate,
                Cache = SqliteCacheMode.Default,
                DefaultTimeout = SqliteBusyTimeoutSeconds,
                ForeignKeys = true,
                Pooling = true,
            };
            return new DatabaseUri(DatabaseProvider.Sqlite, builder.ToString(), $"sqlite:{full}");
        }

        if (uri.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase) || uri.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase))
        {
            if (!Uri.TryCreate(uri, UriKind.Absolute, out var parsed) || string.IsNullOrEmpty(parsed.Host))
            {
                throw new ArgumentException($"'{Redact(uri)}' is not a valid PostgreSQL address; use postgresql://user:password@host:port/database.");
            }

            var database = Uri.UnescapeDataString(parsed.AbsolutePath.Trim('/'));
            if (database.Length == 0)
            {
                throw new ArgumentException("The PostgreSQL address names no database; use postgresql://user:password@host:port/database.");
            }

            var userInfo = parsed.UserInfo.Split(':', 2);
            var builder = new NpgsqlConnectionStringBuilder
            {
                Host = parsed.Host,
                Port = parsed.IsDefaultPort || parsed.Port <= 0 ? 5432 : parsed.Port,
                Database = database,
                Username = userInfo.Length > 0 && userInfo[0].Length > 0 ? Uri.UnescapeDataString(userInfo[0]) : null,
                Password = userInfo.Length > 1 ? Uri.UnescapeDataString(userInfo[1]) : null,
            };
            return new DatabaseUri(DatabaseProvider.Postgres, builder.ToString(), Redact(uri));
        }

        throw new ArgumentException($"Unknown database '{Redact(uri)}'; use sqlite:PATH or postgresql://user:password@host:port/database.");
    }

    /// <summary>The address with the password hidden, for logs and messages.</summary>
    public static string Redact(string uri)
    {
        var at = uri.IndexOf('@', StringComparison.Ordinal);
        var scheme = uri.IndexOf("://", StringComparison.Ordinal);
        if (at < 0 || scheme < 0)
        {
            return uri;
        }

        var colon = uri.IndexOf(':', scheme + 3);
        return colon > 0 && colon < at ? string.Concat(uri.AsSpan(0, colon + 1), "***", uri.AsSpan(at)) : uri;
    }

    public override string ToString() => Display;
}
