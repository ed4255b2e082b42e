using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tuntas.Cli.Common;
using Tuntas.Data;
using Tuntas.Data.Interventions;
using Tuntas.Data.Monitoring;

namespace Tuntas.Cli.Commands;

/// <summary>
/// <c>tuntas figures rebuild|check</c>: the maintained day counts behind the headline figures.
/// They are kept true on every write; a rebuild recomputes them from the whole history (after the
/// handling window changed, or to be sure), and a check compares them with the history.
/// </summary>
internal static class FiguresCommand
{
    public static Command Create(Func<ParseResult, CliContext> context)
    {
        var command = new Command("figures", "The maintained day counts behind the headline figures: rebuild them or check them against the history.");
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
            await DatabaseReady.EnsureAsync(cli, ct);
            await using var services = cli.CreateServices();
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<TuntasDbContext>();
            var window = InterventionOptions.FromEnvironment().Window;
            var clock = System.Diagnostics.Stopwatch.StartNew();
            var households = await DayCountStore.RebuildAsync(db, window, ct: ct);
            var rows = await db.DayCounts.CountAsync(ct);
            if (cli.Json)
            {
                cli.WriteJson(new { households, rows, handlingMonths = window.Months, seconds = Math.Round(clock.Elapsed.TotalSeconds, 1) });
            }
            else
            {
                cli.Output.WriteLine($"Day counts rebuilt from the history of {households:N0} households: {rows:N0} rows, handling window {window.Months} months ({clock.Elapsed.TotalSeconds:0.0} s).");
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Check(Func<ParseResult, CliContext> context)
    {
        var region = new Option<string>("--region") { Description = "Region code at any level.", Required = true };
        var at = new Option<string?>("--at") { Description = "As of the end of this day (YYYY-MM-DD); today in WITA by default." };
        var command = new Command("check", "Compare the headline figures from the day counts with the same figures read from the status history; exit 3 when they differ.") { region, at };
        command.SetAction(async (parse, ct) =>
        {
            var cli = context(parse);
            if (!CliArguments.TryRegionAndDay(parse.GetValue(region), parse.GetValue(at), out var code, out var day, out var error))
            {
                return cli.Fail(error!);
            }

            await DatabaseReady.EnsureAsync(cli, ct);
            await using var services = cli.CreateServices();
            await using var scope = services.CreateAsyncScope();
            var query = scope.ServiceProvider.GetRequiredService<HeadlineQuery>();
            var countsClock = System.Diagnostics.Stopwatch.StartNew();
            var fromCounts = await query.ComputeAsync(code, day, ct);
            countsClock.Stop();
            var historyClock = System.Diagnostics.Stopwatch.StartNew();
            var fromHistory = await query.ComputeFromHistoryAsync(code, day, ct);
            historyClock.Stop();
            if (fromCounts is null || fromHistory is null)
            {
                return cli.Fail($"Region {code.Value} is not in the Kemendagri list.");
            }

            var agree = fromCounts == fromHistory;
            if (cli.Json)
            {
                cli.WriteJson(new
                {
                    region = code.Value,
                    at = day,
                    agree,
                    dayCounts = fromCounts,
                    history = fromHistory,
                    dayCountsMs = Math.Round(countsClock.Elapsed.TotalMilliseconds, 1),
                    historyMs = Math.Round(historyClock.Elapsed.TotalMilliseconds, 1),
                });
            }
            else
            {
                cli.Output.WriteLine(agree
                    ? $"{fromCounts.RegionName} ({code.Value}) on {day:yyyy-MM-dd}: the day counts agree with the history ({fromCounts.ExtremePoor.Households} households; {countsClock.Elapsed.TotalMilliseconds:0} ms against {historyClock.Elapsed.TotalMilliseconds:0} ms)."
                    : $"{fromCounts.RegionName} ({code.Value}) on {day:yyyy-MM-dd}: the day counts say {fromCounts}, the history says {fromHistory}. Run `tuntas figures rebuild`.");
            }

            return agree ? ExitCodes.Success : ExitCodes.ProblemFound;
        });
        return command;
    }
}
