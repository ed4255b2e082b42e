using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Tuntas.Cli.Common;
using Tuntas.Data.UpdateCycles;
using Tuntas.Domain.Access;
using Tuntas.Domain.Common;
using Tuntas.Domain.Regions;
using Tuntas.Domain.UpdateCycles;

namespace Tuntas.Cli.Commands;

/// <summary><c>tuntas cycle open|status|export</c>: the monthly DTSEN update cycle of a kabupaten/kota.</summary>
internal static class CycleCommand
{
    public static Command Create(Func<ParseResult, CliContext> context)
    {
        var open = new Command("open", "Open the update cycle of a regency for a month, with its deadlines (days of the month).");
        var (openRegency, openMonth) = AddCycleOptions(open);
        var meeting = DayOption(open, "--meeting-day", "Village meetings by this day (default 14).");
        var proposals = DayOption(open, "--proposals-day", "Proposals entered by this day (default 11).");
        var check = DayOption(open, "--check-day", "Dinas Sosial's check by this day (default 17).");
        var ground = DayOption(open, "--groundcheck-day", "Groundchecks by this day (default 31: the end of the month).");
        open.SetAction(async (parse, ct) =>
        {
            var cli = context(parse);
            if (!TryCycle(parse.GetValue(openRegency), parse.GetValue(openMonth), out var regency, out var month, out var error))
            {
                return cli.Fail(error!);
            }

            var d = CycleDeadlines.Default;
            var deadlines = new CycleDeadlines(parse.GetValue(meeting) ?? d.MeetingDay, parse.GetValue(proposals) ?? d.ProposalDay,
                parse.GetValue(check) ?? d.CheckDay, parse.GetValue(ground) ?? d.GroundcheckDay);
            return await cli.WriteAsync<OpenCycle, UpdateCycle>(
                cycles => cycles.OpenAsync(RegionScope.National, regency, month, deadlines, "cli:" + Environment.UserName, ct),
                cycle =>
                {
                    if (cli.Json)
                    {
                        cli.WriteJson(new { id = cycle.Id, regency = cycle.Regency.Value, month = cycle.MonthText, deadlines = Deadlines(cycle) });
                    }
                    else
                    {
                        cli.Output.WriteLine($"Opened the update cycle of {cycle.Regency.Value} for {cycle.MonthText}: meetings by {Iso(cycle.Due(CycleStep.Meeting))}, " +
                            $"proposals by {Iso(cycle.Due(CycleStep.Proposals))}, check by {Iso(cycle.Due(CycleStep.Check))}, groundcheck by {Iso(cycle.Due(CycleStep.Groundcheck))}.");
                    }

                    return ExitCodes.Success;
                },
                ct);
        });

        var status = new Command("status", "Where every village of the cycle stands: steps done, late (past a deadline without the step), by kecamatan.");
        var (statusRegency, statusMonth) = AddCycleOptions(status);
        status.SetAction(async (parse, ct) =>
        {
            var cli = context(parse);
            if (!TryCycle(parse.GetValue(statusRegency), parse.GetValue(statusMonth), out var regency, out var month, out var error))
            {
                return cli.Fail(error!);
            }

            return await cli.WithAsync<UpdateCycleQueries>(async queries =>
            {
                if (await queries.FindAsync(regency, month, ct) is not { } cycle)
                {
                    return cli.Fail($"No update cycle of {regency.Value} for {month:yyyy-MM}; open it with tuntas cycle open.");
                }

                var s = await queries.StatusAsync(RegionScope.National, cycle, ct);
                if (cli.Json)
                {
                    cli.WriteJson(StatusJson(s));
                    return ExitCodes.Success;
                }

                cli.Output.WriteLine($"{s.RegencyName} ({cycle.Regency.Value}) · {cycle.MonthText} · as of {Iso(s.Today)}");
                foreach (var step in Enum.GetValues<CycleStep>())
                {
                    cli.Output.WriteLine($"  {Wire(step),-12} due {Iso(cycle.Due(step))}: {s.Villages.Count(v => v.Progress[step].IsDone)} of {s.Villages.Count} villages done, {s.Villages.Count(v => v.Progress[step].State == StepState.Late)} late");
                }

                foreach (var d in s.Districts)
                {
                    cli.Output.WriteLine($"  {d.District.Value,-9} {d.Name,-28} {d.Done,4} done  {d.Late,4} late  of {d.Villages,4}");
                }

                cli.Output.WriteLine($"  proposals: {s.Proposals.Count} ({s.Proposals.Count(p => p.Proposal.State == CycleProposalState.Accepted)} accepted, {s.Proposals.Count(p => p.Proposal.State == CycleProposalState.Refused)} refused, {s.Proposals.Count(p => p.Proposal.State == CycleProposalState.Entered)} waiting)");
                return ExitCodes.Success;
            }, ct);
        });

        var export = new Command("export", "Write the cycle's accepted proposals as one workbook to upload to SIKS-NG.");
        var (exportRegency, exportMonth) = AddCycleOptions(export);
        var output = new Option<string>("--out") { Description = "The workbook to write (.xlsx).", Required = true };
        export.Options.Add(output);
        export.SetAction(async (parse, ct) =>
        {
            var cli = context(parse);
            if (!TryCycle(parse.GetValue(exportRegency), parse.GetValue(exportMonth), out var regency, out var month, out var error))
            {
                return cli.Fail(error!);
            }

            var path = parse.GetValue(output)!;
            if (!path.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase))
            {
                return cli.Fail("The workbook's name must end in .xlsx.");
            }

            return await cli.WithAsync(async services =>
            {
                var queries = services.GetRequiredService<UpdateCycleQueries>();
                var writer = services.GetRequiredService<CycleExport>();
                if (await queries.FindAsync(regency, month, ct) is not { } cycle)
                {
                    return cli.Fail($"No update cycle of {regency.Value} for {month:yyyy-MM}; open it with tuntas cycle open.");
                }

                var count = await writer.WriteAsync(cycle, path, ct);
                if (cli.Json)
                {
                    cli.WriteJson(new { file = path, regency = regency.Value, month = cycle.MonthText, proposals = count });
                }
                else
                {
                    cli.Output.WriteLine($"Wrote {count} accepted proposals of {regency.Value} for {cycle.MonthText} to {path}.");
                }

                return ExitCodes.Success;
            }, ct);
        });

        return new Command("cycle", "The monthly DTSEN update cycle (pemutakhiran) of a regency: open it, see where villages stand, export proposals for SIKS-NG.") { open, status, export };
    }

    private static (Option<string> Regency, Option<string> Month) AddCycleOptions(Command command)
    {
        var regency = new Option<string>("--regency") { Description = "The regency or city, e.g. 64.74.", Required = true };
        var month = new Option<string>("--month") { Description = "The month, YYYY-MM.", Required = true };
        command.Options.Add(regency);
        command.Options.Add(month);
        return (regency, month);
    }

    private static Option<int?> DayOption(Command command, string name, string description)
    {
        var option = new Option<int?>(name) { Description = description };
        command.Options.Add(option);
        return option;
    }

    private static bool TryCycle(string? regencyText, string? monthText, out RegionCode regency, out DateOnly month, out string? error)
    {
        regency = null!;
        month = default;
        if (!CliArguments.TryRegion(regencyText, out var code, out error) || code is null || code.Level != RegionLevel.Regency)
        {
            error ??= "Give a regency or city with --regency, e.g. 64.74.";
            if (code is not null && code.Level != RegionLevel.Regency)
            {
                error = $"{code.Value} is not a regency or city code (like 64.74).";
            }

            return false;
        }

        regency = code;
        if (!UpdateCycle.TryParseMonth(monthText, out month))
        {
            error = $"\"{monthText}\" is not a month: write YYYY-MM, e.g. 2026-01.";
            return false;
        }

        return true;
    }

    private static string Iso(DateOnly day) => DateText.Iso(day);

    private static string Wire(CycleStep step) => step.ToString().ToLowerInvariant();

    private static string Wire(StepState state) => state switch
    {
        StepState.DoneLate => "done-late",
        _ => state.ToString().ToLowerInvariant(),
    };

    private static object Deadlines(UpdateCycle cycle) =>
        Enum.GetValues<CycleStep>().ToDictionary(Wire, s => Iso(cycle.Due(s)));

    private static object StatusJson(CycleStatus s) => new
    {
        regency = s.Cycle.Regency.Value,
        regencyName = s.RegencyName,
        month = s.Cycle.MonthText,
        today = Iso(s.Today),
        deadlines = Deadlines(s.Cycle),
        villages = new { total = s.Villages.Count, done = s.Villages.Count(v => v.Progress.AllDone), late = s.Villages.Count(v => v.Progress.AnyLate) },
        districts = s.Districts.Select(d => new { code = d.District.Value, name = d.Name, villages = d.Villages, done = d.Done, late = d.Late }),
        proposals = new
        {
            total = s.Proposals.Count,
            entered = s.Proposals.Count(p => p.Proposal.State == CycleProposalState.Entered),
            accepted = s.Proposals.Count(p => p.Proposal.State == CycleProposalState.Accepted),
            refused = s.Proposals.Count(p => p.Proposal.State == CycleProposalState.Refused),
            groundchecked = s.Proposals.Count(p => p.Proposal.Groundcheck is not null),
        },
        villageSteps = s.Villages.Select(v => new
        {
            code = v.Village.Village.Value,
            name = v.Name,
            district = v.DistrictName,
            proposals = v.Proposals,
            steps = v.Progress.Steps.ToDictionary(p => Wire(p.Step), p => new { state = Wire(p.State), due = Iso(p.Due), doneOn = p.DoneOn is { } on ? Iso(on) : null }),
        }),
    };
}
