using System.CommandLine;
using Tuntas.Cli.Common;
using Tuntas.Data.Monitoring;

namespace Tuntas.Cli.Commands;

/// <summary><c>tuntas stats --region CODE [--at DATE] --json</c>: the headline figures of contracts §4.</summary>
internal static class StatsCommand
{
    public static Command Create(Func<ParseResult, CliContext> context)
    {
        var region = new Option<string>("--region") { Description = "Region code at any level: 64, 64.74, 64.08.01, 64.74.01.1001.", Required = true };
        var at = new Option<string?>("--at") { Description = "As of the end of this day (YYYY-MM-DD); today in WITA by default." };
        var command = new Command("stats", "Headline figures of a region as of a date, from the dated status history.") { region, at };
        command.SetAction(async (parse, ct) =>
        {
            var cli = context(parse);
            if (!CliArguments.TryRegionAndDay(parse.GetValue(region), parse.GetValue(at), out var code, out var day, out var error))
            {
                return cli.Fail(error!);
            }

            return await cli.WithAsync<HeadlineQuery>(async headline =>
            {
                var timing = Environment.GetEnvironmentVariable("TUNTAS_STATS_TIMING") == "1";
                if (timing)
                {
                    // Warm up once, so the figure is the query and not the model build and query compilation.
                    await headline.ComputeAsync(code, day, ct);
                }

                var clock = System.Diagnostics.Stopwatch.StartNew();
                var figures = await headline.ComputeAsync(code, day, ct);
                if (timing)
                {
                    // Read by scripts/bench-stats.sh (docs/performance.md).
                    await cli.Error.WriteLineAsync($"query ms {clock.Elapsed.TotalMilliseconds:0.0}");
                }

                if (figures is null)
                {
                    return cli.Fail($"Region {code.Value} is not in the Kemendagri list.");
                }

                if (cli.Json)
                {
                    cli.WriteJson(figures);
                }
                else
                {
                    var p = figures.ExtremePoor;
                    var x = figures.Exited;
                    cli.Output.WriteLine($"{figures.RegionName} ({figures.Region}), as of {figures.At:yyyy-MM-dd}");
                    if (figures.NoData is { } none)
                    {
                        cli.Output.WriteLine($"  no data:      {none.Reason}");
                    }
                    else
                    {
                        cli.Output.WriteLine($"  extreme poor: {p.Households} households, {p.People} people ({p.Verified} verified, {p.Unverified} listed, not yet verified; {p.InHandling} in handling)");
                        cli.Output.WriteLine($"  exited:       {x.Graduated} graduated, {x.Excluded} excluded, {x.Moved} moved, {x.Deceased} deceased, {x.Merged} merged");
                    }

                    if (figures.Completeness is { } c)
                    {
                        cli.Output.WriteLine($"  data:         {c.WithData} of {c.Total} {c.Level} regions have data" + (c.Missing.Count > 0 ? $" (missing: {string.Join(", ", c.Missing)})" : ""));
                    }

                    cli.Output.WriteLine(figures.Target is not { } t ? "  target:       none set"
                        : $"  target:       {t.Households} households by {t.Date:yyyy-MM-dd}" + (t.Inherited ? $" (inherited from {t.RegionName}, {t.Region})" : "")
                            + (t.Missed == true ? $"; missed: {t.HouseholdsOnDate} households on {t.Date:yyyy-MM-dd}" : t.Passed && t.HouseholdsOnDate is { } n ? $"; reached: {n} households on {t.Date:yyyy-MM-dd}" : ""));
                }

                return ExitCodes.Success;
            }, ct);
        });
        return command;
    }
}
