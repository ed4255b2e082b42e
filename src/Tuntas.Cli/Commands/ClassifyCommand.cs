using System.CommandLine;
using Tuntas.Cli.Common;
using Tuntas.Data.Verification;
using Tuntas.Domain.Regions;

namespace Tuntas.Cli.Commands;

/// <summary><c>tuntas classify [--region CODE] [--at DATE]</c>: applies the criteria again, after a criteria change say.</summary>
internal static class ClassifyCommand
{
    public static Command Create(Func<ParseResult, CliContext> context)
    {
        var region = new Option<string?>("--region") { Description = "Only the households of this region (any level); all without it." };
        var at = new Option<string?>("--at") { Description = "Use the criteria of this date (YYYY-MM-DD) and date new listings on it; today in WITA by default." };
        var command = new Command("classify", "Classify households against the criteria again; new candidates are listed.") { region, at };
        command.SetAction(async (parse, ct) =>
        {
            var cli = context(parse);
            if (!CliArguments.TryRegion(parse.GetValue(region), out var code, out var error))
            {
                return cli.Fail(error!);
            }

            if (!CliArguments.TryDate(parse.GetValue(at), RegionClock.System.Today(), out var day, out error))
            {
                return cli.Fail(error!);
            }

            if (day > RegionClock.System.Today())
            {
                return cli.Fail($"--at {day:yyyy-MM-dd} is in the future.");
            }

            return await cli.WithAsync<ClassifyRegion>(async classify =>
            {
                var classified = await classify.ClassifyAsync(code, day, "cli:" + Environment.UserName, ct);
                if (classified.Value is not { } summary)
                {
                    return cli.Fail(classified.Error!.English);
                }

                if (cli.Json)
                {
                    cli.WriteJson(new { region = code?.Value, at = day, summary.Households, summary.Candidates, summary.Changed, summary.Listed });
                }
                else
                {
                    cli.Output.WriteLine($"Classified {summary.Households} households as of {day:yyyy-MM-dd}: {summary.Candidates} candidates, {summary.Changed} changed, {summary.Listed} newly listed.");
                }

                return ExitCodes.Success;
            }, ct);
        });
        return command;
    }
}
