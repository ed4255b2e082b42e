using System.CommandLine;
using Tuntas.Cli.Common;
using Tuntas.Data.Common;
using Tuntas.Data.Reports;
using Tuntas.Domain.Regions;

namespace Tuntas.Cli.Commands;

/// <summary><c>tuntas report export|import|province</c>: report packages up to the province.</summary>
internal static class ReportCommand
{
    public static Command Create(Func<ParseResult, CliContext> context) =>
        new("report", "Report packages: a kabupaten/kota exports its figures; the province imports and consolidates them.")
        {
            Export(context), Import(context), Province(context),
        };

    private static Command Export(Func<ParseResult, CliContext> context)
    {
        var region = new Option<string>("--region") { Description = "The region the package reports on, e.g. 64.74.", Required = true };
        var at = new Option<string?>("--at") { Description = "As of the end of this day (YYYY-MM-DD); today in WITA by default." };
        var output = new Option<string>("--out") { Description = "The folder to write <region>-<date>.json and .xlsx into.", Required = true };
        var command = new Command("export", "Write the report package of a region: JSON with the SHA-256 of its content, and an XLSX workbook.") { region, at, output };
        command.SetAction(async (parse, ct) =>
        {
            var cli = context(parse);
            if (!CliArguments.TryRegionAndDay(parse.GetValue(region), parse.GetValue(at), out var code, out var day, out var error))
            {
                return cli.Fail(error!);
            }

            return await cli.WithAsync<ReportPackages>(async packages =>
            {
                var exported = await packages.ExportAsync(code, day, parse.GetValue(output)!, ct);
                if (exported is null)
                {
                    return cli.Fail($"Region {code.Value} is not in the Kemendagri list.");
                }

                if (cli.Json)
                {
                    cli.WriteJson(new { region = code.Value, at = day, json = exported.JsonPath, xlsx = exported.XlsxPath, sha256 = exported.Sha256, extremePoorHouseholds = exported.Content.Headline.ExtremePoor.Households });
                }
                else
                {
                    cli.Output.WriteLine($"{exported.Content.RegionName} per {day:yyyy-MM-dd}: {exported.Content.Headline.ExtremePoor.Households} extreme-poor households.");
                    cli.Output.WriteLine($"  {exported.JsonPath}\n  {exported.XlsxPath}\n  SHA-256 of the content: {exported.Sha256}");
                }

                return ExitCodes.Success;
            }, ct);
        });
        return command;
    }

    private static Command Import(Func<ParseResult, CliContext> context)
    {
        var file = new Argument<string>("FILE") { Description = "A package written by 'tuntas report export' (the .json file)." };
        var command = new Command("import", "Load a report package into this (province) database; a package whose content does not match its SHA-256 is refused.") { file };
        command.SetAction(async (parse, ct) =>
        {
            var cli = context(parse);
            return await cli.WithAsync<ImportReportPackage>(async importPackage =>
            {
                WriteResult<ImportedReportResult> imported;
                try
                {
                    imported = await importPackage.ImportAsync(parse.GetValue(file)!, "cli:" + Environment.UserName, null, ct);
                }
                catch (ReportPackageException e)
                {
                    return cli.Fail(e.Message);
                }
                catch (ReportTamperedException e)
                {
                    return cli.Fail(e.Message, ExitCodes.ProblemFound);
                }

                if (imported.Value is not { } result)
                {
                    return cli.Fail(imported.Error!.English);
                }

                if (cli.Json)
                {
                    cli.WriteJson(new { region = result.Region, regionName = result.RegionName, at = result.At, sha256 = result.Sha256, extremePoorHouseholds = result.ExtremePoorHouseholds, alreadyImported = result.AlreadyImported });
                }
                else
                {
                    cli.Output.WriteLine(result.AlreadyImported
                        ? $"This package ({result.RegionName} per {result.At:yyyy-MM-dd}) was imported before; nothing changed."
                        : $"Imported {result.RegionName} per {result.At:yyyy-MM-dd}: {result.ExtremePoorHouseholds} extreme-poor households (SHA-256 checked).");
                }

                return ExitCodes.Success;
            }, ct);
        });
        return command;
    }

    private static Command Province(Func<ParseResult, CliContext> context)
    {
        var region = new Option<string>("--region") { Description = "The province, e.g. 64.", Required = true };
        var at = new Option<string?>("--at") { Description = "As of the end of this day (YYYY-MM-DD); today in WITA by default." };
        var command = new Command("province", "The province's figures by kabupaten/kota, from imported packages or from the households in this database.") { region, at };
        command.SetAction(async (parse, ct) =>
        {
            var cli = context(parse);
            if (!CliArguments.TryRegion(parse.GetValue(region), out var code, out var error) || code is null)
            {
                return cli.Fail(error ?? "Give a province with --region.");
            }

            if (code.Level != RegionLevel.Province)
            {
                return cli.Fail($"{code.Value} is not a province code; give two digits, e.g. 64.");
            }

            if (!CliArguments.TryDate(parse.GetValue(at), RegionClock.System.Today(), out var day, out error))
            {
                return cli.Fail(error!);
            }

            return await cli.WithAsync<ProvinceConsolidation>(async consolidation =>
            {
                var report = await consolidation.ComputeAsync(code, day, ct);
                if (report is null)
                {
                    return cli.Fail($"Province {code.Value} is not in the Kemendagri list.");
                }

                if (cli.Json)
                {
                    cli.WriteJson(new
                    {
                        region = report.Region,
                        regionName = report.RegionName,
                        at = report.At,
                        regencies = report.Regencies.Select(r => new { region = r.Region, name = r.Name, extremePoorHouseholds = r.ExtremePoorHouseholds, people = r.People, source = r.Source, reported = r.Reported, packageAt = r.PackageAt, packageSha256 = r.PackageSha256 }),
                        total = new { extremePoorHouseholds = report.Total.ExtremePoorHouseholds, people = report.Total.People, fromPackages = report.Total.FromPackages, fromRegistry = report.Total.FromRegistry },
                        differences = report.Differences.Select(d => new { region = d.Region, name = d.Name, package = d.Package, registry = d.Registry, difference = d.Difference }),
                    });
                }
                else
                {
                    cli.Output.WriteLine($"{report.RegionName} ({report.Region}), as of {report.At:yyyy-MM-dd}");
                    foreach (var r in report.Regencies)
                    {
                        cli.Output.WriteLine($"  {r.Region,-6} {r.Name,-32} {r.ExtremePoorHouseholds,7} KK  ({(r.Reported ? r.Source : "no data")}{(r.PackageAt is { } p ? $" per {p:yyyy-MM-dd}" : "")})");
                    }

                    cli.Output.WriteLine($"  total {report.Total.ExtremePoorHouseholds} KK, {report.Total.People} people ({report.Total.FromPackages} from packages, {report.Total.FromRegistry} from households)");
                    foreach (var d in report.Differences.Where(d => d.Difference != 0))
                    {
                        cli.Output.WriteLine($"  difference {d.Region} {d.Name}: package {d.Package}, households here {d.Registry}");
                    }
                }

                return ExitCodes.Success;
            }, ct);
        });
        return command;
    }
}
