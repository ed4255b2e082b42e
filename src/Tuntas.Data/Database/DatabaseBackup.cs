using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Tuntas.Data.Database;

/// <summary>What a backup or a restore did.</summary>
public sealed record BackupResult(string Source, string Target, long Bytes, int Migrations, string LastMigration, TimeSpan Elapsed);

/// <summary>Why a backup or a restore was refused; nothing was written.</summary>
public sealed class BackupRefusedException(string message) : Exception(message);

/// <summary>
/// Copies of the embedded SQLite register, taken and put back with SQLite's online backup API:
/// the copy is one consistent snapshot even while the web app writes, and a restore goes through
/// SQLite's own locking instead of replacing files under open connections. A PostgreSQL register
/// is copied with the server's own tools (<c>pg_dump</c>, <c>pg_restore</c>).
/// </summary>
public static class DatabaseBackup
{
    /// <summary>The table EF Core keeps the applied migrations in: what makes a file a Tuntas database.</summary>
    public const string MigrationsTable = "__EFMigrationsHistory";

    /// <summary>Writes a snapshot of the SQLite register to <paramref name="outFile"/> (a new file unless <paramref name="force"/>).</summary>
    public static async Task<BackupResult> BackupSqliteAsync(DatabaseUri database, string outFile, bool force, CancellationToken ct = default)
    {
        Require(database);
        var clock = Stopwatch.StartNew();
        var source = new SqliteConnectionStringBuilder(database.ConnectionString).DataSource;
        var target = Path.GetFullPath(outFile);
        if (!File.Exists(source))
        {
            throw new BackupRefusedException($"there is no database at {source}.");
        }

        if (SamePath(source, target))
        {
            throw new BackupRefusedException("the backup file cannot be the database itself.");
        }

        if (File.Exists(target) && !force)
        {
            throw new BackupRefusedException($"{target} already exists; choose another name or add --force to replace it.");
        }

        var folder = Path.GetDirectoryName(target);
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }

        // Written beside the target and renamed at the end, so a failed backup never leaves a
        // half-written file under the name the officer asked for.
        var partial = target + ".partial";
        File.Delete(partial);
        try
        {
            await using (var from = Open(source, SqliteOpenMode.ReadWrite))
            await using (var to = Open(partial, SqliteOpenMode.ReadWriteCreate))
            {
                await from.OpenAsync(ct);
                await RequireTuntasAsync(from, source, ct);
                await to.OpenAsync(ct);

                // One step (all pages) inside one read transaction: the copy is the database as it
                // stood at one moment; writers on other connections carry on meanwhile (WAL).
                from.BackupDatabase(to);

                // The copy is a single self-contained file: no write-ahead log beside it.
                await ExecuteAsync(to, "PRAGMA journal_mode=DELETE;", ct);
                await CheckIntegrityAsync(to, target, ct);
            }

            File.Move(partial, target, overwrite: true);
        }
        finally
        {
            File.Delete(partial);
        }

        var (count, last) = await MigrationsAsync(target, ct);
        return new BackupResult(database.Display, target, new FileInfo(target).Length, count, last, clock.Elapsed);
    }

    /// <summary>
    /// Puts a backup file back as the SQLite register. Refuses a file that is not a Tuntas database,
    /// one made by a newer Tuntas, and a target that already holds a database unless <paramref name="force"/>.
    /// </summary>
    public static async Task<BackupResult> RestoreSqliteAsync(string backupFile, DatabaseUri database, bool force, IEnumerable<string> knownMigrations, CancellationToken ct = default)
    {
        Require(database);
        var clock = Stopwatch.StartNew();
        var source = Path.GetFullPath(backupFile);
        var target = new SqliteConnectionStringBuilder(database.ConnectionString).DataSource;
        if (!File.Exists(source))
        {
            throw new BackupRefusedException($"there is no file {source}.");
        }

        if (SamePath(source, target))
        {
            throw new BackupRefusedException("the backup file is the database itself.");
        }

        var (count, last, applied) = await ReadBackupAsync(source, ct);
        var unknown = applied.Except(knownMigrations, StringComparer.Ordinal).ToList();
        var first = knownMigrations.Min(StringComparer.Ordinal);
        if (unknown.Count > 0 && unknown.All(u => string.CompareOrdinal(u, first) < 0))
        {
            // Migration ids begin with their time: these come from before the schema history was folded.
            throw new BackupRefusedException($"{source} was made by a development build of Tuntas before its first release (migration {unknown[0]}); it cannot be restored into this version.");
        }

        if (unknown.Count > 0)
        {
            throw new BackupRefusedException($"{source} was made by a newer Tuntas (migration {unknown[^1]} is unknown to this version); restore it with that version.");
        }

        if (!force && await HoldsDatabaseAsync(target, ct))
        {
            throw new BackupRefusedException($"{target} already holds a database; stop 'tuntas serve', then add --force to replace it with the backup.");
        }

        var folder = Path.GetDirectoryName(target);
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }

        // Connections kept in the pool would otherwise go on reading the replaced pages' old schema.
        SqliteConnection.ClearAllPools();
        await using (var from = Open(source, SqliteOpenMode.ReadOnly))
        await using (var to = Open(target, SqliteOpenMode.ReadWriteCreate))
        {
            await from.OpenAsync(ct);
            await to.OpenAsync(ct);
            from.BackupDatabase(to);
            await ExecuteAsync(to, "PRAGMA journal_mode=WAL;", ct);
            await CheckIntegrityAsync(to, target, ct);
        }

        SqliteConnection.ClearAllPools();
        return new BackupResult(source, database.Display, new FileInfo(target).Length, count, last, clock.Elapsed);
    }

    /// <summary>The <c>pg_dump</c> command that copies this PostgreSQL register to a file.</summary>
    public static string PgDumpCommand(DatabaseUri database, string outFile) =>
        $"pg_dump --format=custom --file {Quote(outFile)} {Quote(PgUri(database))}";

    /// <summary>The <c>pg_restore</c> command that loads such a file into this (empty) PostgreSQL database.</summary>
    public static string PgRestoreCommand(DatabaseUri database, string backupFile) =>
        $"pg_restore --no-owner --exit-on-error --dbname {Quote(PgUri(database))} {Quote(backupFile)}";

    private static string PgUri(DatabaseUri database)
    {
        var b = new NpgsqlConnectionStringBuilder(database.ConnectionString);
        var user = string.IsNullOrEmpty(b.Username) ? string.Empty : Uri.EscapeDataString(b.Username) + "@";
        // The password is not repeated on screen: pg_dump asks for it, or reads PGPASSWORD / ~/.pgpass.
        return $"postgresql://{user}{b.Host}:{b.Port}/{Uri.EscapeDataString(b.Database ?? string.Empty)}";
    }

    private static string Quote(string text) =>
        text.All(c => char.IsLetterOrDigit(c) || "/._-:@".Contains(c)) ? text : "'" + text.Replace("'", "'\\''", StringComparison.Ordinal) + "'";

    private static void Require(DatabaseUri database)
    {
        if (database.Provider != DatabaseProvider.Sqlite)
        {
            throw new InvalidOperationException("Only the embedded SQLite register is copied by Tuntas itself.");
        }
    }

    private static SqliteConnection Open(string path, SqliteOpenMode mode) =>
        new(new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = mode,
            Pooling = false,
            DefaultTimeout = DatabaseUri.SqliteBusyTimeoutSeconds,
        }.ToString());

    private static bool SamePath(string a, string b) =>
        string.Equals(Path.GetFullPath(a), Path.GetFullPath(b), StringComparison.Ordinal);

    private static async Task ExecuteAsync(SqliteConnection connection, string sql, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(ct);
    }

    private static async Task RequireTuntasAsync(SqliteConnection connection, string path, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = $name";
        command.Parameters.AddWithValue("$name", MigrationsTable);
        if (Convert.ToInt64(await command.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture) == 0)
        {
            throw new BackupRefusedException($"{path} is not a Tuntas database (it has no {MigrationsTable} table).");
        }
    }

    private static async Task CheckIntegrityAsync(SqliteConnection connection, string path, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA quick_check;";
        var answer = (string?)await command.ExecuteScalarAsync(ct);
        if (answer != "ok")
        {
            throw new BackupRefusedException($"the copy at {path} failed SQLite's integrity check: {answer}.");
        }
    }

    private static async Task<(int Count, string Last)> MigrationsAsync(string path, CancellationToken ct)
    {
        var (count, last, _) = await ReadBackupAsync(path, ct);
        return (count, last);
    }

    /// <summary>Opens a file read-only and reads its migrations; refuses anything that is not a Tuntas database.</summary>
    private static async Task<(int Count, string Last, IReadOnlyList<string> Applied)> ReadBackupAsync(string path, CancellationToken ct)
    {
        try
        {
            await using var connection = Open(path, SqliteOpenMode.ReadOnly);
            await connection.OpenAsync(ct);
            await RequireTuntasAsync(connection, path, ct);
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT MigrationId FROM \"{MigrationsTable}\" ORDER BY MigrationId";
            var applied = new List<string>();
            await using (var reader = await command.ExecuteReaderAsync(ct))
            {
                while (await reader.ReadAsync(ct))
                {
                    applied.Add(reader.GetString(0));
                }
            }

            if (applied.Count == 0)
            {
                throw new BackupRefusedException($"{path} is not a Tuntas database (no migration was ever applied to it).");
            }

            return (applied.Count, applied[^1], applied);
        }
        catch (SqliteException e) when (e.SqliteErrorCode is 26 or 11)
        {
            // SQLITE_NOTADB (26) or SQLITE_CORRUPT (11): some other kind of file.
            throw new BackupRefusedException($"{path} is not a Tuntas database (not an SQLite file).");
        }
    }

    /// <summary>Whether the file exists and holds any table (an empty or missing file does not).</summary>
    private static async Task<bool> HoldsDatabaseAsync(string path, CancellationToken ct)
    {
        if (!File.Exists(path) || new FileInfo(path).Length == 0)
        {
            return false;
        }

        try
        {
            await using var connection = Open(path, SqliteOpenMode.ReadOnly);
            await connection.OpenAsync(ct);
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table'";
            return Convert.ToInt64(await command.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture) > 0;
        }
        catch (SqliteException)
        {
            // A file SQLite cannot read is not replaced silently either.
            return true;
        }
    }
}
