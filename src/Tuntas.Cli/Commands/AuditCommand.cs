using System.CommandLine;
using Tuntas.Cli.Common;
using Tuntas.Data.Audit;

namespace Tuntas.Cli.Commands;

/// <summary><c>tuntas audit verify</c>: recomputes the audit chain; exit 3 at the first broken entry.</summary>
internal static class AuditCommand
{
    public static Command Create(Func<ParseResult, CliContext> context)
    {
        var verify = new Command("verify", "Recompute the hash chain of the audit trail; exit 3 and name the first entry that was altered, removed or reordered.");
        verify.SetAction(async (parse, ct) =>
        {
            var cli = context(parse);
            return await cli.WithAsync<AuditQueries>(async audit =>
            {
                var result = await audit.VerifyAsync(ct);
                if (cli.Json)
                {
                    cli.WriteJson(new
                    {
                        intact = result.Intact,
                        entries = result.Entries,
                        head = result.Intact ? result.HeadHash : null,
                        firstBroken = result.FirstBreak is { } b ? new { sequence = b.Sequence, id = b.EntryId, problem = b.Problem } : null,
                    });
                }
                else if (result.Intact)
                {
                    cli.Output.WriteLine($"Audit trail intact: {result.Entries} entries, head {result.HeadHash}.");
                }
                else
                {
                    cli.Output.WriteLine($"Audit trail BROKEN after {result.Entries} good entries: {result.FirstBreak!.Problem}.");
                }

                if (!result.Intact)
                {
                    await cli.Error.WriteLineAsync($"tuntas: audit trail broken: {result.FirstBreak!.Problem}");
                }

                return result.Intact ? ExitCodes.Success : ExitCodes.ProblemFound;
            }, ct);
        });
        return new Command("audit", "The audit trail (jejak audit).") { verify };
    }
}
