using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using Tuntas.Cli.Common;
using Tuntas.Data.Database;
using Tuntas.Domain.Common;
using Tuntas.Domain.Interventions;

namespace Tuntas.Cli.Commands;

/// <summary><c>tuntas programmes [--json]</c>: the programme catalogue.</summary>
internal static class ProgrammesCommand
{
    public static Command Create(Func<ParseResult, CliContext> context)
    {
        var command = new Command("programmes", "List the programme catalogue: code, owner agency, strategy, unit and typical value.");
        command.SetAction(async (parse, ct) =>
        {
            var cli = context(parse);
            await DatabaseReady.EnsureAsync(cli, ct);
            await using var db = TuntasDatabase.CreateContext(cli.Database);
            var programmes = (await db.Programmes.AsNoTracking().ToListAsync(ct)).OrderBy(p => p.Strategy).ThenBy(p => p.Code, StringComparer.Ordinal).ToList();
            if (cli.Json)
            {
                cli.WriteJson(new
                {
                    programmes = programmes.Select(p => new
                    {
                        code = p.Code,
                        name = p.Name,
                        agency = p.OwnerAgency,
                        strategy = p.Strategy.ToWire(),
                        unit = p.Unit.ToWire(),
                        typicalValue = p.TypicalValue,
                        povertyTargeted = p.PovertyTargeted,
                        local = p.IsLocal,
                        active = p.Active,
                    }),
                });
            }
            else
            {
                foreach (var p in programmes)
                {
                    var value = p.TypicalValue is { } v ? Rupiah.Format(v) : "-";
                    cli.Output.WriteLine($"{p.Code,-12} {p.Strategy.ToWire(),-16} {p.Unit.ToWire(),-10} {value,14}  {p.Name} ({p.OwnerAgency})");
                }
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
