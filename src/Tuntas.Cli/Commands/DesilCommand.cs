using System.CommandLine;
using System.Globalization;
using Tuntas.Cli.Common;
using Tuntas.Data.Common;
using Tuntas.Data.Desil;
using Tuntas.Domain.Access;

namespace Tuntas.Cli.Commands;

/// <summary>
/// <c>tuntas desil import FILE --version YYYY-MM-DD --source TEXT [--errors PATH] [--json] [--dry-run] [--lang en]</c>
/// (contracts §7, §8): a desil ranking (the SIKS-NG workbook of DTSEN) as dated facts.
/// </summary>
internal static class DesilCommand
{
    public static Command Create(Func<ParseResult, CliContext> context)
    {
        var file = new Argument<string>("FILE") { Description = "The SIKS-NG desil ranking (.xlsx, or .csv): Nomor KK, NIK, Desil, Nama (docs/import-format.md)." };
        var version = new Option<string>("--version") { Description = "The date of the ranking's version, YYYY-MM-DD (the DTSEN version date).", Required = true };
        var source = new Option<string>("--source") { Description = "The ranking's name: DTSEN, P3KE, DTKS, survei lokal.", Required = true };
        var errors = new Option<string?>("--errors") { Description = "Where to write the refused rows (default FILE.errors.csv)." };
        var dryRun = new Option<bool>("--dry-run") { Description = "Check the file and report what an import would do; write nothing." };
        var lang = new Option<string>("--lang") { Description = "Language of the reasons: id (Bahasa Indonesia, the default) or en.", DefaultValueFactory = _ => "id" };
        lang.AcceptOnlyFromAmong("id", "en");
        var import = new Command("import", "Import a desil ranking as dated facts; families not in the register go to the follow-up list.") { file, version, source, errors, dryRun, lang };
        import.SetAction(async (parse, ct) =>
        {
            var cli = context(parse);
            var path = parse.GetValue(file)!;
            if (!CliArguments.TryDate(parse.GetValue(version), default, out var day, out var dateError) || day == default)
            {
                return cli.Fail(dateError ?? "--version must be a date, YYYY-MM-DD.");
            }

            var language = CliWords.Language(parse.GetValue(lang));
            var options = new DesilImportOptions(
                path, day, parse.GetValue(source)!, parse.GetValue(errors) ?? DesilImportOptions.DefaultErrorsPath(path), RegionScope.National, null, parse.GetValue(dryRun), language);
            return await cli.WriteAsync<ImportDesil, DesilImportSummary>(
                importing => importing.RunAsync(options, ct),
                summary =>
                {
                    if (cli.Json)
                    {
                        cli.WriteJson(new
                        {
                            file = summary.File,
                            source = summary.Source,
                            version = summary.Version.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                            rows = summary.Rows,
                            accepted = summary.Accepted,
                            rejected = summary.Rejected,
                            unmatched = summary.Unmatched,
                            households = new { updated = summary.Updated, unchanged = summary.Unchanged },
                            changed = summary.Changes.Count,
                            classified = summary.Classified,
                            listed = summary.Listed,
                            groundchecks = summary.Groundchecks is { } g ? g.Queued + g.JoinedPending : 0,
                            errorsFile = summary.ErrorsFile,
                            dryRun = summary.DryRun,
                        });
                    }
                    else
                    {
                        var c = CultureInfo.InvariantCulture;
                        cli.Output.WriteLine(string.Create(c, $"{(summary.DryRun ? "Dry run (nothing written): " : string.Empty)}{summary.File} ({summary.Source} {summary.Version:yyyy-MM-dd}): {summary.Rows:N0} rows, {summary.Accepted:N0} accepted, {summary.Rejected:N0} rejected, {summary.Unmatched:N0} not in the register."));
                        cli.Output.WriteLine(string.Create(c, $"Households: {summary.Updated:N0} updated, {summary.Unchanged:N0} unchanged; {summary.Changes.Count:N0} with a changed desil, {summary.Listed:N0} newly listed, {(summary.Groundchecks is { } g ? g.Queued + g.JoinedPending : 0):N0} with a groundcheck visit (desil crossed between 1-4 and 5-10)."));
                        foreach (var f in summary.FollowUp.Take(20))
                        {
                            cli.Output.WriteLine(string.Create(c, $"  line {f.Line}: No. KK {f.NoKk}, desil {f.Desil}: not in the register (follow-up list)"));
                        }

                        if (summary.Rejected > 0)
                        {
                            cli.Output.WriteLine($"Refused rows, with line, column and reason: {summary.ErrorsFile}");
                        }
                    }

                    return summary.Unmatched > 0 || summary.Rejected > 0 ? ExitCodes.PartlyRejected : ExitCodes.Success;
                },
                ct,
                error => error is WriteError.RuleBroken { Rule.Error: { } typed } ? CliWords.Text(typed, language) : null);
        });

        return new Command("desil", "Desil rankings (DTSEN, P3KE, DTKS) as dated facts with their source.") { import };
    }
}
