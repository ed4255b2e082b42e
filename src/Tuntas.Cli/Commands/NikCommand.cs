using System.CommandLine;
using System.Globalization;
using Tuntas.Cli.Common;
using Tuntas.Data.Regions;
using Tuntas.Domain.Regions;
using Tuntas.Domain.Registry;

namespace Tuntas.Cli.Commands;

/// <summary>
/// <c>tuntas nik NIK</c>: what the digits of a NIK say. Exit 0 for a valid NIK, 1 when it is not
/// valid (the explanation is printed either way).
/// </summary>
internal static class NikCommand
{
    private static readonly Lazy<HashSet<string>> KnownDistricts = new(() => RegionCatalog.ReadAll()
        .Where(r => r.Code.Level == RegionLevel.District)
        .Select(r => r.Code.Value)
        .ToHashSet(StringComparer.Ordinal));

    public static Command Create(Func<ParseResult, CliContext> context)
    {
        var nik = new Argument<string>("NIK") { Description = "The 16-digit NIK." };
        var command = new Command("nik", "Explain a NIK: region of first registration, birth date, sex, serial.") { nik };
        command.SetAction(parse =>
        {
            var cli = context(parse);
            var today = cli.Clock.Today();
            var result = NikExplainer.Explain(parse.GetValue(nik), today, code => KnownDistricts.Value.Contains(code.Value));
            if (cli.Json)
            {
                cli.WriteJson(new
                {
                    nik = result.Nik,
                    valid = result.Valid,
                    regionCode = result.RegionCode,
                    birthDate = result.BirthDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    sex = result.Sex?.ToCode(),
                    serial = result.Serial,
                    warnings = result.Warnings,
                    errors = result.Errors,
                });
            }
            else
            {
                cli.Output.WriteLine($"NIK:        {result.Nik}");
                cli.Output.WriteLine($"Valid:      {(result.Valid ? "yes" : "no")}");
                cli.Output.WriteLine($"Region:     {result.RegionCode ?? "-"}");
                cli.Output.WriteLine($"Birth date: {result.BirthDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "-"}");
                cli.Output.WriteLine($"Sex:        {result.Sex?.ToCode() ?? "-"}");
                cli.Output.WriteLine($"Serial:     {result.Serial ?? "-"}");
                foreach (var e in result.Errors)
                {
                    cli.Output.WriteLine($"Error:      {e}");
                }

                foreach (var w in result.Warnings)
                {
                    cli.Output.WriteLine($"Warning:    {w}");
                }
            }

            return result.Valid ? ExitCodes.Success : ExitCodes.PartlyRejected;
        });
        return command;
    }
}
