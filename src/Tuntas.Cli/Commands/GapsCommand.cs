using System.CommandLine;
using Tuntas.Cli.Common;
using Tuntas.Data.Interventions;

namespace Tuntas.Cli.Commands;

/// <summary><c>tuntas gaps --region CODE [--at DATE] --json</c>: who still gets nothing, and what is missing.</summary>
internal static class GapsCommand
{
    public static Command Create(Func<ParseResult, CliContext> context)
    {
        var region = new Option<string>("--region") { Description = "Region code at any level: 64, 64.74, 64.08.01, 64.74.01.1001.", Required = true };
        var at = new Option<string?>("--at") { Description = "As of the end of this day (YYYY-MM-DD); today in WITA by default." };
        var command = new Command("gaps", "Extreme-poor households no programme has reached, needs not yet met, and leakage, as of a date.") { region, at };
        command.SetAction(async (parse, ct) =>
        {
            var cli = context(parse);
            if (!CliArguments.TryRegionAndDay(parse.GetValue(region), parse.GetValue(at), out var code, out var day, out var error))
            {
                return cli.Fail(error!);
            }

            return await cli.WithAsync<GapsQuery>(async gaps =>
            {
                var report = await gaps.ComputeAsync(code, day, ct);
                if (report is null)
                {
                    return cli.Fail($"Region {code.Value} is not in the Kemendagri list.");
                }

                if (cli.Json)
                {
                    cli.WriteJson(new
                    {
                        region = report.Region,
                        regionName = report.RegionName,
                        at = report.At,
                        extremePoorHouseholds = report.ExtremePoorHouseholds,
                        withoutAnyIntervention = report.WithoutAnyIntervention,
                        inHandling = report.InHandling,
                        byStrategy = report.ByStrategy,
                        missingNeeded = report.MissingNeeded.Select(m => new { programme = m.Programme, need = m.Need, name = m.Name, alternatives = m.Alternatives, households = m.Households }),
                        leakage = report.Leakage,
                        leakageRule = report.LeakageRule,
                        exclusionError = report.ExclusionError.Select(e => new
                        {
                            programme = e.Programme,
                            desilMax = e.DesilMax,
                            source = e.Source,
                            eligible = e.Eligible,
                            receiving = e.Receiving,
                            excluded = e.Excluded,
                            withoutDesil = e.WithoutDesil,
                        }),
                        exclusionRule = report.ExclusionRule,
                    });
                }
                else
                {
                    cli.Output.WriteLine($"{report.RegionName} ({report.Region}), as of {report.At:yyyy-MM-dd}");
                    cli.Output.WriteLine($"  extreme-poor households:   {report.ExtremePoorHouseholds}");
                    cli.Output.WriteLine($"  without any intervention:  {report.WithoutAnyIntervention}");
                    cli.Output.WriteLine($"  in handling:               {report.InHandling}");
                    cli.Output.WriteLine($"  reached by strategy:       {string.Join(", ", report.ByStrategy.Select(s => $"{s.Key} {s.Value}"))}");
                    foreach (var m in report.MissingNeeded)
                    {
                        cli.Output.WriteLine($"  need {m.Need,-8} unmet in {m.Households,5} households ({string.Join(" or ", new[] { m.Programme }.Concat(m.Alternatives))})");
                    }

                    cli.Output.WriteLine($"  leakage:                   {report.Leakage} households not eligible receive poverty-targeted programmes");
                    foreach (var e in report.ExclusionError)
                    {
                        cli.Output.WriteLine($"  exclusion {e.Programme,-9} {e.Excluded,5} of {e.Eligible} eligible extreme-poor households (desil 1-{e.DesilMax}, {e.Source}) not reached; {e.WithoutDesil} without desil");
                    }
                }

                return ExitCodes.Success;
            }, ct);
        });
        return command;
    }
}
