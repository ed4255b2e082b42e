using System.CommandLine;
using Tuntas.Cli.Common;
using Tuntas.Data.Interventions;
using Tuntas.Data.Monitoring;

namespace Tuntas.Cli.Commands;

/// <summary><c>tuntas targets list|set</c>: the extreme-poverty targets of regions.</summary>
internal static class TargetsCommand
{
    public static Command Create(Func<ParseResult, CliContext> context)
    {
        var listRegion = new Option<string?>("--region") { Description = "Only this region and the regions below it." };
        var list = new Command("list", "List the targets: region, date, households, who set them.") { listRegion };
        list.SetAction(async (parse, ct) =>
        {
            var cli = context(parse);
            if (!CliArguments.TryRegion(parse.GetValue(listRegion), out var code, out var error))
            {
                return cli.Fail(error!);
            }

            return await cli.WithAsync<CatalogueQueries>(async queries =>
            {
                var targets = (await queries.TargetsAsync(ct))
                    .Where(t => code is null || code.Contains(t.Region))
                    .OrderBy(t => t.Region.Value, StringComparer.Ordinal).ThenBy(t => t.Date).ToList();
                if (cli.Json)
                {
                    cli.WriteJson(new { targets = targets.Select(t => new { region = t.Region.Value, date = t.Date, households = t.Households, setBy = t.SetBy, setAt = t.SetAt }) });
                }
                else
                {
                    foreach (var t in targets)
                    {
                        cli.Output.WriteLine($"{t.Region.Value,-13} {t.Date:yyyy-MM-dd} {t.Households,7} KK  (set by {t.SetBy})");
                    }
                }

                return ExitCodes.Success;
            }, ct);
        });

        var region = new Option<string>("--region") { Description = "The region the target is for, e.g. 64.74.", Required = true };
        var date = new Option<string>("--date") { Description = "The day by which it should be reached (YYYY-MM-DD).", Required = true };
        var households = new Option<int>("--households") { Description = "At most this many extreme-poor households on that day (0 for zero extreme poverty).", Required = true };
        var set = new Command("set", "Set a target for a region: at most N extreme-poor households by a date. A later target for the same date replaces the earlier one.") { region, date, households };
        set.SetAction(async (parse, ct) =>
        {
            var cli = context(parse);
            if (!CliArguments.TryRegion(parse.GetValue(region), out var code, out var error) || code is null)
            {
                return cli.Fail(error ?? "Give a region with --region.");
            }

            if (!CliArguments.TryDate(parse.GetValue(date), CliArguments.Today, out var day, out error))
            {
                return cli.Fail(error!);
            }

            return await cli.WriteAsync<SetTarget, Domain.Monitoring.Target>(
                targets => targets.SetAsync(code, day, parse.GetValue(households), "cli:" + Environment.UserName, ct),
                target =>
                {
                    cli.Output.WriteLine($"Target for {code.Value}: at most {target.Households} households by {day:yyyy-MM-dd}.");
                    return ExitCodes.Success;
                },
                ct);
        });

        return new Command("targets", "Targets per region: at most N extreme-poor households by a date, shown beside every count.") { list, set };
    }
}
