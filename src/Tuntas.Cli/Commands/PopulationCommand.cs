using System.CommandLine;
using Tuntas.Cli.Common;
using Tuntas.Data.Monitoring;

namespace Tuntas.Cli.Commands;

/// <summary><c>tuntas population import FILE</c>: the population of regions by year, the denominators of the rates.</summary>
internal static class PopulationCommand
{
    public static Command Create(Func<ParseResult, CliContext> context)
    {
        var file = new Argument<string>("FILE") { Description = "A .csv or .xlsx table with the columns kode_wilayah, tahun, jiwa." };
        var errors = new Option<string?>("--errors") { Description = "Where to write the rejected rows (default FILE.errors.csv)." };
        var source = new Option<string?>("--source") { Description = "Where the figures come from, shown beside the rates (default BPS)." };
        var import = new Command("import", "Load population figures; a region and year loaded again is updated. Bad rows go to the errors file, the rest is kept.") { file, errors, source };
        import.SetAction(async (parse, ct) =>
        {
            var cli = context(parse);
            var path = parse.GetValue(file)!;
            return await cli.WriteAsync<ImportPopulation, PopulationImportSummary>(
                importing => importing.RunAsync(path, parse.GetValue(errors), parse.GetValue(source) ?? "BPS", ct),
                summary =>
                {
                    if (cli.Json)
                    {
                        cli.WriteJson(new
                        {
                            file = summary.File,
                            rows = summary.Rows,
                            accepted = summary.Accepted,
                            rejected = summary.Rejected,
                            population = new { inserted = summary.Inserted, updated = summary.Updated, unchanged = summary.Unchanged },
                            errorsFile = summary.ErrorsFile,
                        });
                    }
                    else
                    {
                        cli.Output.WriteLine($"{summary.File}: {summary.Rows} rows, {summary.Accepted} accepted ({summary.Inserted} new, {summary.Updated} updated, {summary.Unchanged} unchanged), {summary.Rejected} rejected.");
                        if (summary.ErrorsFile is not null)
                        {
                            cli.Output.WriteLine($"Rejected rows, with line, column and reason: {summary.ErrorsFile}");
                        }
                    }

                    return summary.Rejected > 0 ? ExitCodes.PartlyRejected : ExitCodes.Success;
                },
                ct);
        });

        return new Command("population", "Population of regions by year: the denominators of the extreme-poverty rate.") { import };
    }
}
