using System.CommandLine;
using Tuntas.Cli.Common;
using Tuntas.Data.Import;

namespace Tuntas.Cli.Commands;

/// <summary><c>tuntas template --out FILE</c>: the import template, as .csv or .xlsx.</summary>
internal static class TemplateCommand
{
    public static Command Create(Func<ParseResult, CliContext> context)
    {
        var output = new Option<string>("--out") { Description = "Where to write it; .xlsx for a workbook, anything else for CSV.", Required = true };
        var command = new Command("template", "Write the household import template with an example family.") { output };
        command.SetAction(parse =>
        {
            var cli = context(parse);
            var path = parse.GetValue(output)!;
            ImportTemplate.Write(path);
            if (cli.Json)
            {
                cli.WriteJson(new { file = path });
            }
            else
            {
                cli.Output.WriteLine($"Wrote {path}.");
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
