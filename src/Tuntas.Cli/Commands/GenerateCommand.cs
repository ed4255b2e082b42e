using System.CommandLine;
using System.Globalization;
using Tuntas.Cli.Common;
using Tuntas.Data.Synthetic;
using Tuntas.Domain.Regions;

namespace Tuntas.Cli.Commands;

/// <summary><c>tuntas generate --households N [--seed S] [--region CODE] [--messy R] --out FILE</c>.</summary>
internal static class GenerateCommand
{
    public static Command Create(Func<ParseResult, CliContext> context)
    {
        var households = new Option<int>("--households") { Description = "How many families.", Required = true };
        var seed = new Option<int>("--seed") { Description = "Same seed, same bytes.", DefaultValueFactory = _ => 1 };
        var region = new Option<string>("--region") { Description = "Families live in the villages under this region.", DefaultValueFactory = _ => "64.74" };
        var messy = new Option<double>("--messy") { Description = "Share of families (0-1) given one of the faults of contracts §3.", DefaultValueFactory = _ => 0 };
        var output = new Option<string>("--out") { Description = "The CSV file to write.", Required = true };
        var command = new Command("generate", "Write a realistic synthetic household import file (made-up people).") { households, seed, region, messy, output };
        command.SetAction(parse =>
        {
            var cli = context(parse);
            var count = parse.GetValue(households);
            var rate = parse.GetValue(messy);
            if (count < 1)
            {
                return cli.Fail("--households must be at least 1.");
            }

            if (rate is < 0 or > 1)
            {
                return cli.Fail("--messy is a share between 0 and 1, e.g. 0.1 for 10%.");
            }

            var code = RegionCode.Parse(parse.GetValue(region));
            if (!code.IsValid)
            {
                return cli.Fail(code.Error!);
            }

            GeneratedFile file;
            try
            {
                file = HouseholdFileGenerator.Generate(parse.GetValue(output)!, count, parse.GetValue(seed), code.Value!, rate);
            }
            catch (ArgumentException e)
            {
                return cli.Fail(e.Message);
            }

            if (cli.Json)
            {
                cli.WriteJson(new
                {
                    file = file.Path,
                    households = file.Households,
                    rows = file.Rows,
                    blankLines = file.BlankLines,
                    expected = new { accepted = file.ExpectedAccepted, rejected = file.ExpectedRejected, warnings = file.ExpectedWarnings },
                    faults = file.Faults.ToDictionary(f => f.Key.ToString(), f => f.Value),
                });
            }
            else
            {
                cli.Output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Wrote {file.Path}: {file.Households:N0} families, {file.Rows:N0} person rows; an import into an empty register should accept {file.ExpectedAccepted:N0} and reject {file.ExpectedRejected:N0}."));
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
