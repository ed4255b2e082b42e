using System.CommandLine;
using Tuntas.Cli.Common;
using Tuntas.Data.Interventions;
using Tuntas.Data.Monitoring;

namespace Tuntas.Cli.Commands;

/// <summary>
/// <c>tuntas figures rebuild|check</c>: the maintained day counts behind the published figures.
/// They are kept true on every write; a rebuild recomputes them from the whole history (after the
/// handling window changed, or to be sure), and a check compares every published figure with the
/// same figure read from the history.
/// </summary>
internal static class FiguresCommand
{
    public static Command Create(Func<ParseResult, CliContext> context)
    {
        var command = new Command("figures", "The maintained day counts behind the published figures: rebuild them or check them against the history.");
        command.Subcommands.Add(Rebuild(context));
        command.Subcommands.Add(Check(context));
        return command;
    }

    private static Command Rebuild(Func<ParseResult, CliContext> context)
    {
        var command = new Command("rebuild", "Recompute the day counts from every household's status history, with the handling window of TUNTAS_HANDLING_MONTHS.");
        command.SetAction(async (parse, ct) =>
        {
            var cli = context(parse);
            return await cli.WithAsync<RebuildDayCounts>(async rebuild =>
            {
                var window = InterventionOptions.FromEnvironment().Window;
                var clock = System.Diagnostics.Stopwatch.StartNew();
                var (households, rows) = await rebuild.RunAsync(window, ct);
                if (cli.Json)
                {
                    cli.WriteJson(new { households, rows, handlingMonths = window.Months, seconds = Math.Round(clock.Elapsed.TotalSeconds, 1) });
                }
                else
                {
                    cli.Output.WriteLine($"Day counts rebuilt from the history of {households:N0} households: {rows:N0} rows, handling window {window.Months} months ({clock.Elapsed.TotalSeconds:0.0} s).");
                }

                return ExitCodes.Success;
            }, ct);
        });
        return command;
    }

    private static Command Check(Func<ParseResult, CliContext> context)
    {
        var region = new Option<string>("--region") { Description = "Region code at any level.", Required = true };
        var at = new Option<string?>("--at") { Description = "As of the end of this day (YYYY-MM-DD); today in WITA by default." };
        var command = new Command("check", "Compare every published figure of a region (headline, exits, field-visit share, child regions, trend) with the status history; exit 3 naming each figure that differs.") { region, at };
        command.SetAction(async (parse, ct) =>
        {
            var cli = context(parse);
            if (!CliArguments.TryRegionAndDay(parse.GetValue(region), parse.GetValue(at), out var code, out var day, out var error))
            {
                return cli.Fail(error!);
            }

            return await cli.WithAsync<FiguresCheck>(async check =>
            {
                var clock = System.Diagnostics.Stopwatch.StartNew();
                if (await check.RunAsync(code, day, ct) is not { } result)
                {
                    return cli.Fail($"Region {code.Value} is not in the Kemendagri list.");
                }

                if (cli.Json)
                {
                    cli.WriteJson(new
                    {
                        region = code.Value,
                        at = day,
                        agree = result.Agree,
                        compared = result.Compared,
                        differences = result.Differences.Select(d => new { figure = d.Figure, published = d.Published, history = d.History }),
                        dayCounts = result.Published,
                        history = result.History,
                        ms = Math.Round(clock.Elapsed.TotalMilliseconds, 1),
                    });
                }
                else if (result.Agree)
                {
                    cli.Output.WriteLine($"{result.Published.RegionName} ({code.Value}) on {day:yyyy-MM-dd}: all {result.Compared} published figures agree with the history ({result.Published.ExtremePoor.Households} extreme-poor households; {clock.Elapsed.TotalMilliseconds:0} ms).");
                }
                else
                {
                    cli.Output.WriteLine($"{result.Published.RegionName} ({code.Value}) on {day:yyyy-MM-dd}: {result.Differences.Count} of {result.Compared} published figures differ from the history:");
                    foreach (var d in result.Differences)
                    {
                        cli.Output.WriteLine($"  {d.Figure}: published {d.Published}, history {d.History}");
                    }

                    cli.Output.WriteLine("Run `tuntas figures rebuild` to recompute the day counts from the history.");
                }

                return result.Agree ? ExitCodes.Success : ExitCodes.ProblemFound;
            }, ct);
        });
        return command;
    }
}
