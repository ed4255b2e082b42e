using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;
using NpgsqlTypes;

namespace Tuntas.Data.Import;

/// <summary>
/// The bulk path into the staging table and the few SQL fragments that differ between the
/// databases. Everything else in the import is the same SQL on both.
/// </summary>
internal abstract class ImportDialect
{
    public static ImportDialect For(DbConnection connection) => connection switch
    {
        SqliteConnection => new SqliteImportDialect(),
        NpgsqlConnection => new PostgresImportDialect(),
        _ => throw new NotSupportedException($"No import path for {connection.GetType().Name}."),
    };

    public abstract string CreateStageSql { get; }

    /// <summary>Session settings for a large import (SQLite: a bigger page cache).</summary>
    public virtual string? PrepareSessionSql => null;

    /// <summary>Removes a staging table a previous import left on a pooled connection, where the database keeps it.</summary>
    public virtual string? DropStageSql => null;

    /// <summary>Null-safe "differs": <c>a IS DISTINCT FROM b</c>.</summary>
    public abstract string Differs(string a, string b);

    /// <summary>The staging table's birth date (text <c>yyyy-MM-dd</c>) as the People.BirthDate column type.</summary>
    public abstract string AsDate(string text);

    /// <summary>
    /// A query giving (name, CREATE statement) of a table's secondary indexes, those not backing a
    /// primary key or constraint, with the table name as parameter <c>@table</c>.
    /// </summary>
    public abstract string SecondaryIndexesSql { get; }

    /// <summary>Opens a writer that appends rows to the staging table.</summary>
    public abstract IStageWriter OpenWriter(DbConnection connection, DbTransaction transaction);
}

internal interface IStageWriter : IAsyncDisposable
{
    Task WriteAsync(StageRow row, CancellationToken ct);

    Task CompleteAsync(CancellationToken ct);
}

/// <summary>SQLite: one large transaction and one prepared statement reused for every row.</summary>
internal sealed class SqliteImportDialect : ImportDialect
{
    public override string DropStageSql => "DROP TABLE IF EXISTS temp.stage";

    // 16 MB of page cache for this connection, so that the index pages of a large register stay in
    // memory instead of being read back for every row. The staging table stays on disk: memory must
    // not grow with the size of the file.
    public override string PrepareSessionSql => "PRAGMA cache_size = -16384;";

    public override string CreateStageSql => """
        CREATE TEMP TABLE stage (
            line INTEGER NOT NULL, no_kk TEXT, nik TEXT, village TEXT, district TEXT, regency TEXT, province TEXT,
            name TEXT, sex TEXT, birth TEXT, relation TEXT, address TEXT, spending INTEGER, desil INTEGER,
            education TEXT, occupation TEXT, disability TEXT, insurance TEXT, is_head INTEGER NOT NULL,
            reject_column TEXT, reject_reason TEXT, warnings TEXT, original TEXT NOT NULL)
        """;

    public override string Differs(string a, string b) => $"({a} IS NOT {b})";

    public override string SecondaryIndexesSql =>
        "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = @table AND sql IS NOT NULL ORDER BY name";

    public override string AsDate(string text) => text;

    public override IStageWriter OpenWriter(DbConnection connection, DbTransaction transaction) =>
        new Writer((SqliteConnection)connection, (SqliteTransaction)transaction);

    /// <summary>
    /// One prepared single-row INSERT, bound by position through SQLite's own API and reused for
    /// every row. (ADO.NET parameters are bound by name on every execution, which costs more than
    /// the insert itself at this volume.)
    /// </summary>
    private sealed class Writer : IStageWriter
    {
        private readonly SQLitePCL.sqlite3 _db;
        private readonly SQLitePCL.sqlite3_stmt _insert;

        public Writer(SqliteConnection connection, SqliteTransaction transaction)
        {
            _ = transaction; // The statement runs inside the connection's open transaction.
            _db = connection.Handle!;
            var sql = $"INSERT INTO stage ({string.Join(",", StageRow.ColumnNames)}) VALUES ({string.Join(",", StageRow.ColumnNames.Select(_ => "?"))})";
            Check(SQLitePCL.raw.sqlite3_prepare_v2(_db, sql, out _insert));
        }

        public Task WriteAsync(StageRow row, CancellationToken ct)
        {
            var values = row.Values();
            for (var i = 0; i < values.Length; i++)
            {
                var position = i + 1;
                Check(values[i] switch
                {
                    null => SQLitePCL.raw.sqlite3_bind_null(_insert, position),
                    string text => SQLitePCL.raw.sqlite3_bind_text(_insert, position, text),
                    long number => SQLitePCL.raw.sqlite3_bind_int64(_insert, position, number),
                    int number => SQLitePCL.raw.sqlite3_bind_int(_insert, position, number),
                    var other => throw new InvalidOperationException($"Unexpected staging value {other.GetType().Name}."),
                });
            }

            var step = SQLitePCL.raw.sqlite3_step(_insert);
            if (step != SQLitePCL.raw.SQLITE_DONE)
            {
                Check(step);
            }

            Check(SQLitePCL.raw.sqlite3_reset(_insert));
            return Task.CompletedTask;
        }

        public Task CompleteAsync(CancellationToken ct) => Task.CompletedTask;

        public ValueTask DisposeAsync()
        {
            _insert.Dispose();
            return ValueTask.CompletedTask;
        }

        private void Check(int result)
        {
            if (result is not (SQLitePCL.raw.SQLITE_OK or SQLitePCL.raw.SQLITE_DONE or SQLitePCL.raw.SQLITE_ROW))
            {
                throw new SqliteException(SQLitePCL.raw.sqlite3_errmsg(_db).utf8_to_string(), result);
            }
        }
    }
}

/// <summary>PostgreSQL: binary COPY into an unlogged temporary table.</summary>
internal sealed class PostgresImportDialect : ImportDialect
{
    private static readonly NpgsqlDbType[] Types =
    [
        NpgsqlDbType.Bigint, NpgsqlDbType.Text, NpgsqlDbType.Text, NpgsqlDbType.Text, NpgsqlDbType.Text, NpgsqlDbType.Text, NpgsqlDbType.Text,
        NpgsqlDbType.Text, NpgsqlDbType.Text, NpgsqlDbType.Text, NpgsqlDbType.Text, NpgsqlDbType.Text, NpgsqlDbType.Bigint, NpgsqlDbType.Integer,
        NpgsqlDbType.Text, NpgsqlDbType.Text, NpgsqlDbType.Text, NpgsqlDbType.Text, NpgsqlDbType.Integer,
        NpgsqlDbType.Text, NpgsqlDbType.Text, NpgsqlDbType.Text, NpgsqlDbType.Text,
    ];

    public override string CreateStageSql => """
        CREATE TEMP TABLE stage (
            line BIGINT NOT NULL, no_kk TEXT, nik TEXT, village TEXT, district TEXT, regency TEXT, province TEXT,
            name TEXT, sex TEXT, birth TEXT, relation TEXT, address TEXT, spending BIGINT, desil INTEGER,
            education TEXT, occupation TEXT, disability TEXT, insurance TEXT, is_head INTEGER NOT NULL,
            reject_column TEXT, reject_reason TEXT, warnings TEXT, original TEXT NOT NULL) ON COMMIT DROP
        """;

    public override string Differs(string a, string b) => $"({a} IS DISTINCT FROM {b})";

    public override string SecondaryIndexesSql => """
        SELECT i.indexname, i.indexdef FROM pg_indexes i
        WHERE i.tablename = @table AND i.schemaname = current_schema()
          AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)
        ORDER BY i.indexname
        """;

    public override string AsDate(string text) => $"CAST({text} AS date)";

    public override IStageWriter OpenWriter(DbConnection connection, DbTransaction transaction) =>
        new Writer(((NpgsqlConnection)connection).BeginBinaryImport($"COPY stage ({string.Join(",", StageRow.ColumnNames)}) FROM STDIN (FORMAT BINARY)"));

    private sealed class Writer(NpgsqlBinaryImporter importer) : IStageWriter
    {
        public async Task WriteAsync(StageRow row, CancellationToken ct)
        {
            var values = row.Values();
            await importer.StartRowAsync(ct);
            for (var i = 0; i < values.Length; i++)
            {
                if (values[i] is null)
                {
                    await importer.WriteNullAsync(ct);
                }
                else if (values[i] is string text && text.Contains('\0', StringComparison.Ordinal))
                {
                    // PostgreSQL text cannot hold NUL: a row carrying one (always rejected, see
                    // UnsafeText) keeps its original with U+FFFD in its place instead of failing the import.
                    await importer.WriteAsync(text.Replace('\0', '\uFFFD'), Types[i], ct);
                }
                else
                {
                    await importer.WriteAsync(values[i], Types[i], ct);
                }
            }
        }

        public async Task CompleteAsync(CancellationToken ct) => await importer.CompleteAsync(ct);

        public ValueTask DisposeAsync() => importer.DisposeAsync();
    }
}
