using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using Tuntas.Cli.Common;
using Tuntas.Data.Database;
using Tuntas.Domain.Regions;

namespace Tuntas.Cli.Commands;

/// <summary><c>tuntas regions [--parent CODE]</c>: the children of a region, the provinces without a parent.</summary>
internal static class RegionsCommand
{
    public static Command Create(Func<ParseResult, CliContext> context)
    {
        var parent = new Option<string?>("--parent") { Description = "Region code, dotted (64.74) or not (6474). Without it: the provinces." };
        var command = new Command("regions", "List the children of a region (the provinces without --parent).") { parent };
        command.SetAction(async (parse, ct) =>
        {
            var cli = context(parse);
            RegionCode? parentCode = null;
            if (parse.GetValue(parent) is { Length: > 0 } text)
            {
                var parsed = RegionCode.Parse(text);
                if (!parsed.IsValid)
                {
                    return cli.Fail(parsed.Error!);
                }

                parentCode = parsed.Value;
            }

            await DatabaseReady.EnsureAsync(cli, ct);
            await using var db = TuntasDatabase.CreateContext(cli.Database);
            if (parentCode is not null && !await db.Regions.AnyAsync(r => r.Code == parentCode, ct))
            {
                return cli.Fail($"Region {parentCode.Value} is not in the Kemendagri list.");
            }

            var children = await db.Regions.AsNoTracking()
                .Where(r => r.ParentCode == parentCode)
                .OrderBy(r => r.Code)
                .ToListAsync(ct);

            if (cli.Json)
            {
                cli.WriteJson(new
                {
                    parent = parentCode?.Value,
                    regions = children.Select(r => new { code = r.Code.Value, name = r.Name, level = r.Level.ToWire() }),
                });
            }
            else
            {
                foreach (var r in children)
                {
                    cli.Output.WriteLine($"{r.Code.Value,-14} {r.Name}");
                }
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
