using System.CommandLine;
using Tuntas.Cli.Commands;
using Tuntas.Cli.Common;

namespace Tuntas.Cli;

/// <summary>The <c>tuntas</c> command line (contracts §2).</summary>
public static class TuntasCli
{
    /// <summary>Runs one command line and returns its exit code. Tests call this in-process.</summary>
    public static async Task<int> RunAsync(string[] args, TextReader input, TextWriter output, TextWriter error, CancellationToken ct = default)
    {
        var db = new Option<string?>("--db")
        {
            Description = "Database: sqlite:PATH (default sqlite:./data/tuntas.db) or postgresql://user:password@host:port/database. Also TUNTAS_DB.",
            Recursive = true,
        };
        var json = new Option<bool>("--json")
        {
            Description = "Print exactly one JSON object on standard output.",
            Recursive = true,
        };

        CliContext Context(ParseResult parse) => new(input, output, error, parse.GetValue(json), parse.GetValue(db));

        var root = new RootCommand("Tuntas: the register of extreme-poor households, their verification and the figures computed from them.");
        root.Options.Add(db);
        root.Options.Add(json);
        root.Subcommands.Add(InitCommand.Create(Context));
        root.Subcommands.Add(RegionsCommand.Create(Context));
        root.Subcommands.Add(ImportCommand.Create(Context));
        root.Subcommands.Add(DesilCommand.Create(Context));
        root.Subcommands.Add(GenerateCommand.Create(Context));
        root.Subcommands.Add(TemplateCommand.Create(Context));
        root.Subcommands.Add(NikCommand.Create(Context));
        root.Subcommands.Add(UserCommand.Create(Context));
        root.Subcommands.Add(TokenCommand.Create(Context));
        root.Subcommands.Add(OdkCommand.Create(Context));
        root.Subcommands.Add(PrivacyCommand.Create(Context));
        root.Subcommands.Add(DemoCommand.Create(Context));
        root.Subcommands.Add(StatsCommand.Create(Context));
        root.Subcommands.Add(FiguresCommand.Create(Context));
        root.Subcommands.Add(ClassifyCommand.Create(Context));
        root.Subcommands.Add(CriteriaCommand.Create(Context));
        root.Subcommands.Add(AuditCommand.Create(Context));
        root.Subcommands.Add(ProgrammesCommand.Create(Context));
        root.Subcommands.Add(InterventionsCommand.Create(Context));
        root.Subcommands.Add(GapsCommand.Create(Context));
        root.Subcommands.Add(AnomaliesCommand.Create(Context));
        root.Subcommands.Add(NeedsCommand.Create(Context));
        root.Subcommands.Add(ReportCommand.Create(Context));
        root.Subcommands.Add(ExportCommand.Create(Context));
        root.Subcommands.Add(TargetsCommand.Create(Context));
        root.Subcommands.Add(PopulationCommand.Create(Context));
        root.Subcommands.Add(ClaimAuditCommand.Create(Context));
        root.Subcommands.Add(CycleCommand.Create(Context));
        root.Subcommands.Add(BackupCommand.CreateBackup(Context));
        root.Subcommands.Add(BackupCommand.CreateRestore(Context));
        root.Subcommands.Add(ServeCommand.Create(Context));

        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var problem in parse.Errors)
            {
                await error.WriteLineAsync($"tuntas: {problem.Message}");
            }

            await error.WriteLineAsync("Run 'tuntas --help' for the list of commands.");
            return ExitCodes.UsageError;
        }

        try
        {
            return await parse.InvokeAsync(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false }, ct);
        }
        catch (ArgumentException e)
        {
            // Malformed --db and similar: a usage error, nothing written.
            await error.WriteLineAsync($"tuntas: {e.Message}");
            return ExitCodes.UsageError;
        }
        catch (Tuntas.Data.Database.UnusableDatabaseException e)
        {
            await error.WriteLineAsync($"tuntas: {e.Message}");
            return ExitCodes.UsageError;
        }
        catch (System.Data.Common.DbException e)
        {
            // The database could not be reached or refused the schema: say which, without a stack trace.
            await error.WriteLineAsync($"tuntas: the database could not be used: {e.Message}");
            return ExitCodes.UsageError;
        }
    }
}
