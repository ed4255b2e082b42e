using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Tuntas.Data.Database;
using Tuntas.Testing;

namespace Tuntas.Cli.Tests.Commands;

/// <summary><c>tuntas backup</c> and <c>tuntas restore</c> on the SQLite register.</summary>
public sealed class BackupCommandTests(DemoDatabase demo) : IClassFixture<DemoDatabase>, IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("tuntas-backup-").FullName;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    private string PathOf(string name) => Path.Combine(_folder, name);

    private static async Task<(int Entries, string Head)> VerifyAsync(string db)
    {
        var run = await CliRun.RunAsync("audit", "verify", "--json", "--db", db);
        Assert.True(run.ExitCode == 0, run.ToString());
        var json = run.Json();
        Assert.True(json.GetProperty("intact").GetBoolean(), run.ToString());
        return (json.GetProperty("entries").GetInt32(), json.GetProperty("head").GetString()!);
    }

    [Fact]
    public async Task BackupThenRestore_OfTheDemo_GivesACopyWithTheSameFiguresAndAnIntactAuditChain()
    {
        var file = PathOf("demo.tuntas-backup");
        var restored = "sqlite:" + PathOf("restored.db");

        var backup = await CliRun.RunAsync("backup", "--out", file, "--json", "--db", demo.Uri);
        var restore = await CliRun.RunAsync("restore", file, "--json", "--db", restored);

        Assert.True(backup.ExitCode == 0, backup.ToString());
        Assert.True(restore.ExitCode == 0, restore.ToString());
        Assert.Equal(file, backup.Json().GetProperty("target").GetString());
        Assert.StartsWith("2", backup.Json().GetProperty("lastMigration").GetString());
        Assert.Equal(await VerifyAsync(demo.Uri), await VerifyAsync(restored));
        var original = await CliRun.RunAsync("stats", "--region", "64.74", "--at", "2025-04-09", "--json", "--db", demo.Uri);
        var copy = await CliRun.RunAsync("stats", "--region", "64.74", "--at", "2025-04-09", "--json", "--db", restored);
        Assert.Equal(7, copy.Json().GetProperty("extremePoor").GetProperty("households").GetInt32());
        Assert.Equal(original.Output, copy.Output);
    }

    [Fact]
    public async Task Backup_WhileAnotherConnectionWrites_IsOneConsistentMomentAndNoWriteFails()
    {
        await using var database = await TestDatabase.CreateAsync(TestProvider.Sqlite);
        var uri = database.Uri.Display;
        var file = PathOf("busy.tuntas-backup");
        using var stop = new CancellationTokenSource();
        var written = 0;
        var failures = new List<string>();
        var writer = Task.Run(async () =>
        {
            // Audited writes, each in its own transaction, one after the other until told to stop.
            for (var i = 0; !stop.IsCancellationRequested || i < 20; i++)
            {
                var run = await CliRun.RunAsync("targets", "set", "--region", "64.74", "--date",
                    new DateOnly(2030, 1, 1).AddDays(i).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), "--households", "0", "--db", uri);
                if (run.ExitCode != 0)
                {
                    failures.Add(run.ToString());
                }

                Interlocked.Increment(ref written);
            }
        });
        while (Volatile.Read(ref written) < 5)
        {
            await Task.Delay(20);
        }

        var backups = new List<CliRun>();
        for (var i = 0; i < 3; i++)
        {
            backups.Add(await CliRun.RunAsync("backup", "--out", file, "--force", "--db", uri));
        }

        var writtenAtBackup = Volatile.Read(ref written);
        await stop.CancelAsync();
        await writer;

        Assert.All(backups, b => Assert.True(b.ExitCode == 0, b.ToString()));
        Assert.Empty(failures);
        var restored = "sqlite:" + PathOf("busy-restored.db");
        var restore = await CliRun.RunAsync("restore", file, "--db", restored);
        Assert.True(restore.ExitCode == 0, restore.ToString());
        await VerifyAsync(restored);
        await VerifyAsync(uri);
        await using var copy = TuntasDatabase.CreateContext(DatabaseUri.Parse(restored));
        var targets = await copy.Targets.CountAsync();
        var audited = await copy.AuditEntries.CountAsync(a => a.Action == "target.set");
        // Every target in the copy has its audit entry and no entry is without its target.
        Assert.Equal(audited, targets);
        Assert.InRange(targets, 5, writtenAtBackup);
        await using var source = database.CreateContext();
        Assert.Equal(written, await source.Targets.CountAsync());
    }

    [Fact]
    public async Task Restore_OverAnExistingDatabase_IsRefusedWithoutForce_AndLeavesItAsItWas()
    {
        var file = PathOf("demo-2.tuntas-backup");
        await using var target = await TestDatabase.CreateAsync(TestProvider.Sqlite);
        var before = await VerifyAsync(target.Uri.Display);
        Assert.Equal(0, (await CliRun.RunAsync("backup", "--out", file, "--db", demo.Uri)).ExitCode);

        var refused = await CliRun.RunAsync("restore", file, "--db", target.Uri.Display);
        var again = await CliRun.RunAsync("backup", "--out", file, "--db", demo.Uri);

        Assert.Equal(2, refused.ExitCode);
        Assert.Contains("already holds a database", refused.Error, StringComparison.Ordinal);
        Assert.Contains("--force", refused.Error, StringComparison.Ordinal);
        Assert.Equal(before, await VerifyAsync(target.Uri.Display));
        Assert.Equal(2, again.ExitCode);
        Assert.Contains("already exists", again.Error, StringComparison.Ordinal);

        var forced = await CliRun.RunAsync("restore", file, "--force", "--db", target.Uri.Display);
        Assert.True(forced.ExitCode == 0, forced.ToString());
        Assert.Equal(await VerifyAsync(demo.Uri), await VerifyAsync(target.Uri.Display));
    }

    [Fact]
    public async Task Restore_OfAFileThatIsNotATuntasDatabase_IsRefused_AndWritesNothing()
    {
        var text = PathOf("notes.txt");
        await File.WriteAllTextAsync(text, "not a database at all, just some words that fill more than a page of nothing" + new string('x', 5000));
        var other = PathOf("other.db");
        await using (var connection = new SqliteConnection($"Data Source={other};Pooling=False"))
        {
            await connection.OpenAsync();
            await using var create = connection.CreateCommand();
            create.CommandText = "CREATE TABLE Things (Id INTEGER PRIMARY KEY);";
            await create.ExecuteNonQueryAsync();
        }

        var target = PathOf("target.db");
        var fromText = await CliRun.RunAsync("restore", text, "--db", "sqlite:" + target);
        var fromOther = await CliRun.RunAsync("restore", other, "--db", "sqlite:" + target);
        var missing = await CliRun.RunAsync("restore", PathOf("nowhere.db"), "--db", "sqlite:" + target);

        Assert.Equal((2, 2, 2), (fromText.ExitCode, fromOther.ExitCode, missing.ExitCode));
        Assert.Contains("is not a Tuntas database", fromText.Error, StringComparison.Ordinal);
        Assert.Contains("__EFMigrationsHistory", fromOther.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(target));
    }

    [Fact]
    public async Task Restore_OfABackupFromBeforeTheSchemaFold_SaysSo_NotANewerVersion_AndWritesNothing()
    {
        var old = PathOf("old.db");
        await using (var connection = new SqliteConnection($"Data Source={old};Pooling=False"))
        {
            await connection.OpenAsync();
            await using var create = connection.CreateCommand();
            create.CommandText = """
                CREATE TABLE "__EFMigrationsHistory" ("MigrationId" TEXT NOT NULL PRIMARY KEY, "ProductVersion" TEXT NOT NULL);
                INSERT INTO "__EFMigrationsHistory" VALUES ('20261122190302_Initial', '10.0.0'), ('20261123054859_ClaimAudits', '10.0.0');
                """;
            await create.ExecuteNonQueryAsync();
        }

        var target = PathOf("restored-old.db");
        var run = await CliRun.RunAsync("restore", old, "--db", "sqlite:" + target);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("development build of Tuntas before its first release", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("newer Tuntas", run.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(target));
    }

    [Fact]
    public async Task BackupAndRestore_OnPostgres_PrintThePgDumpAndPgRestoreCommands_Exit2()
    {
        var db = "postgresql://tuntas:secret@db.example:5433/tuntas";

        var backup = await CliRun.RunAsync("backup", "--out", "/var/backups/tuntas.dump", "--db", db);
        var restore = await CliRun.RunAsync("restore", "/var/backups/tuntas.dump", "--db", db);

        Assert.Equal((2, 2), (backup.ExitCode, restore.ExitCode));
        Assert.Equal("pg_dump --format=custom --file /var/backups/tuntas.dump postgresql://tuntas@db.example:5433/tuntas", backup.Output.Trim());
        Assert.Equal("pg_restore --no-owner --exit-on-error --dbname postgresql://tuntas@db.example:5433/tuntas /var/backups/tuntas.dump", restore.Output.Trim());
        Assert.DoesNotContain("secret", backup.Output + backup.Error + restore.Output + restore.Error, StringComparison.Ordinal);
    }
}
