using System.CommandLine;
using Tuntas.Cli.Common;
using Tuntas.Data.ClaimAudit;
using Tuntas.Domain.Access;
using Tuntas.Domain.ClaimAudit;

namespace Tuntas.Cli.Commands;

/// <summary>
/// <c>tuntas anomalies --region CODE [--from DATE --to DATE] --json</c>: where a claim looks like
/// numbers on paper. Flags are findings, not failures: exit 0 with or without them.
/// </summary>
internal static class AnomaliesCommand
{
    public static Command Create(Func<ParseResult, CliContext> context)
    {
        var region = new Option<string>("--region") { Description = "Region code at any level: 64, 64.74, 64.08.01, 64.74.01.1001.", Required = true };
        var from = new Option<string?>("--from") { Description = "First day of the window (YYYY-MM-DD); the start of the history by default." };
        var to = new Option<string?>("--to") { Description = "Last day of the window (YYYY-MM-DD); the end of the history by default." };
        var command = new Command("anomalies", "Anomaly flags: exits without visits, surges before a target, outlying recorders, graduations without a programme, re-entries, reused photos, visits far from their village.")
        {
            region, from, to,
        };
        command.SetAction(async (parse, ct) =>
        {
            var cli = context(parse);
            if (!CliArguments.TryRegion(parse.GetValue(region), out var code, out var error) || code is null)
            {
                return cli.Fail(error ?? "Give a region with --region.");
            }

            if (!TryDay(parse.GetValue(from), "--from", out var first, out error) || !TryDay(parse.GetValue(to), "--to", out var last, out error))
            {
                return cli.Fail(error!);
            }

            if (first > last)
            {
                return cli.Fail($"--from {first:yyyy-MM-dd} is after --to {last:yyyy-MM-dd}.");
            }

            return await cli.WithAsync<AnomalyQuery>(async anomalies =>
            {
                var report = await anomalies.RunAsync(RegionScope.National, code, new DateWindow(first, last), ct);
                if (report is null)
                {
                    return cli.Fail($"Region {code.Value} is not in the Kemendagri list.");
                }

                if (cli.Json)
                {
                    cli.WriteJson(new
                    {
                        flags = report.Flags.Select(f => new { kind = f.Kind.ToWire(), region = f.Region.Value, noKk = f.NoKk, detail = f.Detail, severity = f.Severity.ToWire() }),
                    });
                    return ExitCodes.Success;
                }

                var window = (first, last) switch
                {
                    (null, null) => "the whole history",
                    _ => $"{first?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? "the start"} to {last?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? "the end"}",
                };
                cli.Output.WriteLine($"{report.RegionName} ({report.Region.Value}), {window}: {report.Flags.Count} anomaly flag(s)");
                foreach (var group in report.Flags.GroupBy(f => f.Kind))
                {
                    cli.Output.WriteLine();
                    cli.Output.WriteLine($"{group.Key.ToWire()} ({group.Key.SeverityOf().ToWire()}): {group.Count()}");
                    foreach (var flag in group)
                    {
                        cli.Output.WriteLine($"  {flag.Region.Value,-13}  {flag.NoKk ?? "-",-16}  {flag.Detail}");
                    }
                }

                return ExitCodes.Success;
            }, ct);
        });
        return command;
    }

    private static bool TryDay(string? text, string option, out DateOnly? day, out string? error)
    {
        day = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            error = null;
            return true;
        }

        if (!CliArguments.TryDate(text, default, out var parsed, out error))
        {
            error = $"{option}: {error}";
            return false;
        }

        day = parsed;
        return true;
    }
}
