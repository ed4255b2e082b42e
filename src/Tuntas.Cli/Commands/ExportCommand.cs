using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Tuntas.Cli.Common;
using Tuntas.Data.Access;
using Tuntas.Data.OpenSid;
using Tuntas.Domain.Regions;

namespace Tuntas.Cli.Commands;

/// <summary>
/// <c>tuntas export suplemen|bantuan</c>: workbooks a village loads into OpenSID (its extreme-poor
/// families as Data Suplemen, a programme's recipients as Program Bantuan). The file is built in
/// memory and written only when the village and programme are known, so a refused export writes nothing.
/// </summary>
internal static class ExportCommand
{
    public static Command Create(Func<ParseResult, CliContext> context) =>
        new("export", "Workbooks for a village's OpenSID: its extreme-poor families (Data Suplemen) and a programme's recipients (Program Bantuan).")
        {
            Suplemen(context), Bantuan(context),
        };

    private static Command Suplemen(Func<ParseResult, CliContext> context)
    {
        var village = new Option<string>("--village") { Description = "The desa/kelurahan, e.g. 64.74.01.1001.", Required = true };
        var at = new Option<string?>("--at") { Description = "As of the end of this day (YYYY-MM-DD); today in WITA by default." };
        var output = new Option<string>("--out") { Description = "The .xlsx file to write.", Required = true };
        var command = new Command("suplemen", "Write the village's extreme-poor families (listed or verified that day) as an OpenSID Data Suplemen workbook (sasaran Keluarga).") { village, at, output };
        command.SetAction(async (parse, ct) =>
        {
            var cli = context(parse);
            if (!TryVillage(parse.GetValue(village), out var code, out var error)
                || !CliArguments.TryDate(parse.GetValue(at), CliArguments.Today, out var day, out error))
            {
                return cli.Fail(error!);
            }

            var path = parse.GetValue(output)!;
            if (FolderMissing(path) is { } missing)
            {
                return cli.Fail(missing);
            }

            return await cli.WithAsync(async services =>
            {
                var (export, problem) = await services.GetRequiredService<OpenSidExports>().SuplemenAsync(code, day, ct);
                if (export is null)
                {
                    return cli.Fail(Words(problem!.Value, code, null));
                }

                using var buffer = new MemoryStream();
                OpenSidWorkbook.WriteSuplemen(buffer, export, DateTime.UtcNow);
                await File.WriteAllBytesAsync(path, buffer.ToArray(), ct);
                await services.GetRequiredService<PersonalDataLog>().RecordAsync(
                    "cli:" + Environment.UserName, "cli", PersonalDataLog.OpenSidSuplemenExport, $"{code.Value} {export.At:yyyy-MM-dd}", code.Value, export.Families.Count, ct);

                if (cli.Json)
                {
                    cli.WriteJson(new { file = path, village = code.Value, villageName = export.VillageName, at = export.At, families = export.Families.Count });
                }
                else if (export.Families.Count == 0)
                {
                    cli.Output.WriteLine($"{export.VillageName} ({code.Value}) has no extreme-poor families per {export.At:yyyy-MM-dd}: {path} holds only the header and the ### row.");
                }
                else
                {
                    cli.Output.WriteLine($"Wrote {path}: {export.Families.Count} extreme-poor families of {export.VillageName} ({code.Value}) per {export.At:yyyy-MM-dd}.");
                }

                return ExitCodes.Success;
            }, ct);
        });
        return command;
    }

    private static Command Bantuan(Func<ParseResult, CliContext> context)
    {
        var programme = new Option<string>("--programme") { Description = "The programme code, e.g. PKH (see 'tuntas programmes').", Required = true };
        var village = new Option<string>("--village") { Description = "The desa/kelurahan, e.g. 64.74.01.1001.", Required = true };
        var output = new Option<string>("--out") { Description = "The .xlsx file to write.", Required = true };
        var command = new Command("bantuan", "Write the village's households that received a programme as an OpenSID Program Bantuan workbook (7-row Program sheet, sasaran Keluarga).") { programme, village, output };
        command.SetAction(async (parse, ct) =>
        {
            var cli = context(parse);
            if (!TryVillage(parse.GetValue(village), out var code, out var error))
            {
                return cli.Fail(error!);
            }

            var path = parse.GetValue(output)!;
            if (FolderMissing(path) is { } missing)
            {
                return cli.Fail(missing);
            }

            var asked = parse.GetValue(programme)!;
            return await cli.WithAsync(async services =>
            {
                var (export, problem) = await services.GetRequiredService<OpenSidExports>().BantuanAsync(code, asked, ct);
                if (export is null)
                {
                    return cli.Fail(Words(problem!.Value, code, asked));
                }

                var today = CliArguments.Today;
                using var buffer = new MemoryStream();
                OpenSidWorkbook.WriteBantuan(buffer, export, today, DateTime.UtcNow);
                await File.WriteAllBytesAsync(path, buffer.ToArray(), ct);
                await services.GetRequiredService<PersonalDataLog>().RecordAsync(
                    "cli:" + Environment.UserName, "cli", PersonalDataLog.OpenSidBantuanExport, $"{code.Value} {export.ProgrammeCode}", code.Value, export.Households.Count, ct);

                if (cli.Json)
                {
                    cli.WriteJson(new
                    {
                        file = path,
                        village = code.Value,
                        villageName = export.VillageName,
                        programme = export.ProgrammeCode,
                        households = export.Households.Count,
                        from = export.FirstDelivery,
                        to = export.LastDelivery,
                    });
                }
                else if (export.Households.Count == 0)
                {
                    cli.Output.WriteLine($"No household of {export.VillageName} ({code.Value}) received {export.ProgrammeCode}: {path} holds the Program sheet and an empty Peserta sheet (header and ### only).");
                }
                else
                {
                    cli.Output.WriteLine($"Wrote {path}: {export.Households.Count} households of {export.VillageName} ({code.Value}) that received {export.ProgrammeCode}, {export.FirstDelivery:yyyy-MM-dd} to {export.LastDelivery:yyyy-MM-dd}.");
                }

                return ExitCodes.Success;
            }, ct);
        });
        return command;
    }

    private static bool TryVillage(string? text, out RegionCode village, out string? error)
    {
        village = null!;
        if (!CliArguments.TryRegion(text, out var code, out error) || code is null)
        {
            error ??= "Give a desa/kelurahan with --village.";
            return false;
        }

        if (code.Level != RegionLevel.Village)
        {
            error = $"{code.Value} is not a desa/kelurahan code; give the ten-digit code of the village, e.g. 64.74.01.1001.";
            return false;
        }

        village = code;
        return true;
    }

    private static string? FolderMissing(string path)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(path));
        return folder is not null && !Directory.Exists(folder) ? $"The folder {folder} does not exist; nothing was written." : null;
    }

    private static string Words(OpenSidExportError problem, RegionCode village, string? programme) => problem switch
    {
        OpenSidExportError.UnknownVillage => $"Desa/kelurahan {village.Value} is not in the Kemendagri list; nothing was written.",
        _ => $"Programme {programme} is not in the catalogue (see 'tuntas programmes'); nothing was written.",
    };
}
