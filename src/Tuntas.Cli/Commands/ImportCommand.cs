using System.CommandLine;
using System.Globalization;
using Spectre.Console;
using Tuntas.Cli.Common;
using Tuntas.Data.Import;
using Tuntas.Data.Import.Reading;
using Tuntas.Domain.Access;
using Tuntas.Domain.Common;

namespace Tuntas.Cli.Commands;

/// <summary>
/// <c>tuntas import FILE [--source LABEL] [--dry-run] [--json] [--errors PATH] [--lang id|en] [--village CODE]</c> (contracts §3, §7):
/// the reasons (errors file and screen) and the warnings are in Bahasa Indonesia unless <c>--lang en</c>.
/// </summary>
internal static class ImportCommand
{
    public static Command Create(Func<ParseResult, CliContext> context)
    {
        var file = new Argument<string>("FILE") { Description = "A .csv or .xlsx household list, one row per person." };
        var source = new Option<string>("--source") { Description = "Where the list comes from (e.g. P3KE-2024, DTKS, Desa Bontang Kuala); kept with every change.", DefaultValueFactory = _ => "import" };
        var dryRun = new Option<bool>("--dry-run") { Description = "Check the file and report what an import would do; write nothing to the database." };
        var errors = new Option<string?>("--errors") { Description = "Where to write the rejected rows (default FILE.errors.csv)." };
        var lang = new Option<string>("--lang") { Description = "Language of the reasons and warnings: id (Bahasa Indonesia, the default) or en.", DefaultValueFactory = _ => "id" };
        lang.AcceptOnlyFromAmong("id", "en");
        var village = new Option<string?>("--village") { Description = "The desa or kelurahan an OpenSID population workbook holds (e.g. 64.74.01.1001); needed for that layout, refused for any other." };
        var command = new Command("import", "Import households and members from a CSV or XLSX file, or an OpenSID population workbook (.xlsx/.xlsm) with --village.") { file, source, dryRun, errors, lang, village };
        command.SetAction(async (parse, ct) =>
        {
            var cli = context(parse);
            var path = parse.GetValue(file)!;
            var label = parse.GetValue(source)!.Trim();
            if (label.Length is 0 or > 100)
            {
                return cli.Fail("--source must be 1 to 100 characters.");
            }

            string? desa = null;
            if (parse.GetValue(village) is { } given)
            {
                var code = Tuntas.Domain.Regions.RegionCode.Parse(given);
                if (!code.IsValid || code.Value!.Level != Tuntas.Domain.Regions.RegionLevel.Village)
                {
                    return cli.Fail($"--village needs the code of a desa or kelurahan, such as 64.74.01.1001; '{given}' is not one.");
                }

                desa = code.Value.Value;
            }

            return await cli.WithAsync<HouseholdImporter>(async importer =>
            {
                var language = CliWords.Language(parse.GetValue(lang));
                var options = new ImportOptions(path, label, parse.GetValue(dryRun), parse.GetValue(errors) ?? path + ".errors.csv", RegionScope.National, Language: language, Village: desa);

                ImportSummary summary;
                try
                {
                    summary = cli.Json || Console.IsOutputRedirected
                        ? await importer.RunAsync(options, null, ct)
                        : await WithProgressAsync(importer, options, ct);
                }
                catch (ImportLimitException e)
                {
                    // A workbook over the reader's limits: its reason in the language asked for.
                    return cli.Fail(CliWords.Text(e.Error, language));
                }
                catch (ImportFileException e)
                {
                    return cli.Fail(e.Message);
                }

                if (cli.Json)
                {
                    cli.WriteJson(new
                    {
                        file = summary.File,
                        rows = summary.Rows,
                        accepted = summary.Accepted,
                        rejected = summary.Rejected,
                        warnings = summary.Warnings,
                        households = new { inserted = summary.Households.Inserted, updated = summary.Households.Updated, unchanged = summary.Households.Unchanged },
                        members = new { inserted = summary.Members.Inserted, updated = summary.Members.Updated, unchanged = summary.Members.Unchanged },
                        errorsFile = summary.ErrorsFile,
                        dryRun = summary.DryRun,
                        warningRows = summary.WarningRows.Select(w => new { line = w.Line, nik = w.Nik, text = w.Text(language) }),
                        notLiving = summary.NotLiving,
                    });
                }
                else
                {
                    var c = CultureInfo.InvariantCulture;
                    cli.Output.WriteLine(string.Create(c, $"{(summary.DryRun ? "Dry run (nothing written): " : string.Empty)}{summary.File}: {summary.Rows:N0} rows, {summary.Accepted:N0} accepted, {summary.Rejected:N0} rejected, {summary.Warnings:N0} with warnings."));
                    cli.Output.WriteLine(string.Create(c, $"Households: {summary.Households.Inserted:N0} new, {summary.Households.Updated:N0} updated, {summary.Households.Unchanged:N0} unchanged."));
                    cli.Output.WriteLine(string.Create(c, $"Members:    {summary.Members.Inserted:N0} new, {summary.Members.Updated:N0} updated, {summary.Members.Unchanged:N0} unchanged."));
                    if (summary.NotLiving > 0)
                    {
                        cli.Output.WriteLine(string.Create(c, $"{Words("ImportCli.NotLiving", language)}: {summary.NotLiving:N0}"));
                    }

                    if (summary.Rejected > 0)
                    {
                        cli.Output.WriteLine($"Rejected rows, with line, column and reason: {summary.ErrorsFile}");
                        foreach (var (line, column, reason) in FirstRejections(summary.ErrorsFile!))
                        {
                            cli.Output.WriteLine(string.Create(c, $"  {Words("ImportCli.Line", language)} {line} ({column}): {reason}"));
                        }
                    }

                    if (summary.WarningRows.Count > 0)
                    {
                        cli.Output.WriteLine(Words("ImportCli.Warnings", language));
                        foreach (var warning in summary.WarningRows.Take(ShownOnScreen))
                        {
                            cli.Output.WriteLine(string.Create(c, $"  {Words("ImportCli.Line", language)} {warning.Line} (NIK {warning.Nik}): {warning.Text(language)}"));
                        }
                    }
                }

                return summary.Rejected > 0 ? ExitCodes.PartlyRejected : ExitCodes.Success;
            }, ct);
        });
        return command;
    }

    private const int ShownOnScreen = 20;

    private static string Words(string key, System.Globalization.CultureInfo language) => ErrorWords.Find(key, language) ?? key;

    /// <summary>The first rejected rows of the errors file (line, column, reason), as the reader will find them there.</summary>
    private static List<(string Line, string Column, string Reason)> FirstRejections(string errorsFile)
    {
        using var reader = Sylvan.Data.Csv.CsvDataReader.Create(errorsFile, new Sylvan.Data.Csv.CsvDataReaderOptions { HasHeaders = true });
        var rows = new List<(string, string, string)>();
        while (rows.Count < ShownOnScreen && reader.Read())
        {
            rows.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2)));
        }

        return rows;
    }

    private static async Task<ImportSummary> WithProgressAsync(HouseholdImporter importer, ImportOptions options, CancellationToken ct)
    {
        var size = new FileInfo(options.Path).Length;
        ImportSummary? result = null;
        await AnsiConsole.Progress()
            .Columns(new SpinnerColumn(), new TaskDescriptionColumn(), new ElapsedTimeColumn())
            .StartAsync(async progress =>
            {
                var task = progress.AddTask(string.Create(CultureInfo.InvariantCulture, $"Reading {Path.GetFileName(options.Path)} ({size / 1024.0 / 1024.0:0.0} MB)"));
                task.IsIndeterminate = true;
                result = await importer.RunAsync(
                    options,
                    new Progress<long>(rows => task.Description = string.Create(CultureInfo.InvariantCulture, $"{rows:N0} rows checked")),
                    ct);
                task.StopTask();
            });
        return result!;
    }
}
