using System.CommandLine;
using System.Globalization;
using Tuntas.Cli.Common;
using Tuntas.Data.Database;

namespace Tuntas.Cli.Commands;

/// <summary><c>tuntas init</c>: creates or upgrades the schema and loads the Kemendagri regions; idempotent.</summary>
internal static class InitCommand
{
    public static Command Create(Func<ParseResult, CliContext> context)
    {
        var command = new Command("init", "Create or upgrade the database schema and load the Kemendagri regions. Safe to run again.");
        command.SetAction(async (parse, ct) =>
        {
            var cli = context(parse);
            var result = await DatabaseInitializer.InitializeAsync(cli.Database, ct);
            if (cli.Json)
            {
                cli.WriteJson(new
                {
                    database = result.Database,
                    migrationsApplied = result.MigrationsApplied,
                    regions = new { inserted = result.Regions.Inserted, updated = result.Regions.Updated, unchanged = result.Regions.Unchanged, total = result.Regions.Total },
                });
            }
            else
            {
                var c = CultureInfo.InvariantCulture;
                cli.Output.WriteLine($"Database: {result.Database}");
                cli.Output.WriteLine(result.MigrationsApplied.Count == 0
                    ? "Schema: already up to date."
                    : $"Schema: applied {string.Join(", ", result.MigrationsApplied)}.");
                cli.Output.WriteLine(string.Create(c, $"Regions: {result.Regions.Total:N0} in the list; {result.Regions.Inserted:N0} inserted, {result.Regions.Updated:N0} renamed, {result.Regions.Unchanged:N0} unchanged."));
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
