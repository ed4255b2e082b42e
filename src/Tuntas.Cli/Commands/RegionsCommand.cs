using System.CommandLine;
using Tuntas.Cli.Common;
using Tuntas.Data.Regions;
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

            return await cli.WithAsync<RegionQueries>(async regions =>
            {
                var children = await regions.ChildrenAsync(parentCode, ct);
                if (children is null)
                {
                    return cli.Fail($"Region {parentCode!.Value} is not in the Kemendagri list.");
                }

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
            }, ct);
        });
        return command;
    }
}
