using System.CommandLine;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Tuntas.Cli.Common;
using Tuntas.Data.Database;

namespace Tuntas.Cli.Commands;

/// <summary>
/// <c>tuntas backup --out FILE</c> and <c>tuntas restore FILE</c>: a copy of the SQLite register
/// taken while the web app runs, and put back. PostgreSQL is copied with its own tools; both
/// commands print the exact command for the configured database and exit 2.
/// </summary>
internal static class BackupCommand
{
    /// <summary>Where visit photos and minutes are kept: not inside the database, so not in its backup.</summary>
    private static string EvidenceFolder =>
        Path.GetFullPath(Environment.GetEnvironmentVariable("Tuntas__Evidence") is { Length: > 0 } path ? path : Path.Combine("data", "evidence"));

    public static Command CreateBackup(Func<ParseResult, CliContext> context)
    {
        var outFile = new Option<string>("--out") { Description = "The backup file to write (a new file).", Required = true };
        var force = new Option<bool>("--force") { Description = "Replace the file when it already exists." };
        var command = new Command("backup", "Copy the SQLite database to one file while Tuntas keeps running (PostgreSQL: prints the pg_dump command).") { outFile, force };
        command.SetAction(async (parse, ct) =>
        {
            var cli = context(parse);
            var database = cli.Database;
            var file = parse.GetValue(outFile)!;
            if (database.Provider == DatabaseProvider.Postgres)
            {
                return PostgresOnly(cli, "backup", DatabaseBackup.PgDumpCommand(database, file));
            }

            BackupResult result;
            try
            {
                result = await DatabaseBackup.BackupSqliteAsync(database, file, parse.GetValue(force), ct);
            }
            catch (BackupRefusedException e)
            {
                return cli.Fail(e.Message);
            }

            Report(cli, "backup", result);
            if (!cli.Json)
            {
                cli.Output.WriteLine(EvidenceNote());
            }

            return ExitCodes.Success;
        });
        return command;
    }

    public static Command CreateRestore(Func<ParseResult, CliContext> context)
    {
        var file = new Argument<string>("FILE") { Description = "A file written by 'tuntas backup'." };
        var force = new Option<bool>("--force") { Description = "Replace the database even though it already holds one (stop 'tuntas serve' first)." };
        var command = new Command("restore", "Put a backup file back as the SQLite database; refuses to replace an existing database without --force (PostgreSQL: prints the pg_restore command).") { file, force };
        command.SetAction(async (parse, ct) =>
        {
            var cli = context(parse);
            var database = cli.Database;
            var backup = parse.GetValue(file)!;
            if (database.Provider == DatabaseProvider.Postgres)
            {
                return PostgresOnly(cli, "restore", DatabaseBackup.PgRestoreCommand(database, backup));
            }

            BackupResult result;
            try
            {
                await using var model = TuntasDatabase.CreateContext(database);
                result = await DatabaseBackup.RestoreSqliteAsync(backup, database, parse.GetValue(force), model.Database.GetMigrations(), ct);
            }
            catch (BackupRefusedException e)
            {
                return cli.Fail(e.Message);
            }

            Report(cli, "restore", result);
            if (!cli.Json)
            {
                cli.Output.WriteLine($"Check it with: tuntas audit verify --db {database.Display}");
                cli.Output.WriteLine(EvidenceNote());
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static void Report(CliContext cli, string what, BackupResult result)
    {
        if (cli.Json)
        {
            cli.WriteJson(new
            {
                operation = what,
                source = result.Source,
                target = result.Target,
                bytes = result.Bytes,
                migrations = result.Migrations,
                lastMigration = result.LastMigration,
                seconds = Math.Round(result.Elapsed.TotalSeconds, 2),
                evidenceFolder = EvidenceFolder,
            });
            return;
        }

        cli.Output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{(what == "backup" ? "Backed up" : "Restored")} {result.Source} to {result.Target}: {result.Bytes / 1_048_576.0:N1} MB, schema {result.LastMigration}, {result.Elapsed.TotalSeconds:N1} s. Integrity check: ok."));
    }

    private static string EvidenceNote()
    {
        var folder = EvidenceFolder;
        var files = Directory.Exists(folder) ? Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Count() : 0;
        return string.Create(CultureInfo.InvariantCulture,
            $"Evidence files (visit photos, minutes) are kept outside the database, in {folder} ({files:N0} files): copy that folder too, for example: tar -czf evidence.tar.gz -C {Path.GetDirectoryName(folder)} {Path.GetFileName(folder)}");
    }

    private static int PostgresOnly(CliContext cli, string what, string command)
    {
        var message = $"a PostgreSQL database is copied with PostgreSQL's own tools, not by tuntas {what}. Run: {command}";
        cli.Error.WriteLine($"tuntas: {message}");
        if (cli.Json)
        {
            cli.WriteJson(new { error = message, command });
        }
        else
        {
            cli.Output.WriteLine(command);
        }

        return ExitCodes.UsageError;
    }
}
