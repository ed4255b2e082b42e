using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tuntas.Cli.Common;
using Tuntas.Data;
using Tuntas.Data.Access;
using Tuntas.Data.Audit;
using Tuntas.Data.Verification;

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

            if (!CliArguments.TryDate(parse.GetValue(at), CliArguments.Today, out var day, out error))
            {
                return cli.Fail(error!);
            }

            if (day > CliArguments.Today)
            {
                return cli.Fail($"--at {day:yyyy-MM-dd} is in the future.");
            }

            await DatabaseReady.EnsureAsync(cli, ct);
            await using var services = cli.CreateServices();
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<TuntasDbContext>();
            if (code is not null && !await db.Regions.AnyAsync(r => r.Code == code, ct))
            {
                return cli.Fail($"Region {code.Value} is not in the Kemendagri list.");
            }

            var audit = scope.ServiceProvider.GetRequiredService<AuditTrail>();
            var households = code is null ? db.Households : db.Households.InRegion(code);
            var summary = await audit.RunAsync(
                () => scope.ServiceProvider.GetRequiredService<ClassificationService>().ClassifyAsync(households, day, "cli:" + Environment.UserName, audit, ct, bulk: true), ct);
            if (cli.Json)
            {
                cli.WriteJson(new { region = code?.Value, at = day, summary.Households, summary.Candidates, summary.Changed, summary.Listed });
            }
            else
            {
                cli.Output.WriteLine($"Classified {summary.Households} households as of {day:yyyy-MM-dd}: {summary.Candidates} candidates, {summary.Changed} changed, {summary.Listed} newly listed.");
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
