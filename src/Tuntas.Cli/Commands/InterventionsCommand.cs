using System.CommandLine;
using Tuntas.Cli.Common;
using Tuntas.Data.Common;
using Tuntas.Data.Interventions;
using Tuntas.Domain.Access;

namespace Tuntas.Cli.Commands;

/// <summary><c>tuntas interventions import FILE --programme CODE [--date YYYY-MM-DD] [--json]</c>: an agency's recipient list, or an OpenSID Program Bantuan workbook.</summary>
internal static class InterventionsCommand
{
    public static Command Create(Func<ParseResult, CliContext> context)
    {
        var file = new Argument<string>("FILE") { Description = "A .csv or .xlsx recipient list: nik or no_kk, tanggal, nilai, keterangan (docs/import-format.md)." };
        var programme = new Option<string>("--programme") { Description = "The programme code of the list (see 'tuntas programmes'), e.g. PKH.", Required = true };
        var errors = new Option<string?>("--errors") { Description = "Where to write the rejected rows (default FILE.errors.csv)." };
        var dryRun = new Option<bool>("--dry-run") { Description = "Check and match the list and report; write nothing to the database." };
        var lang = new Option<string>("--lang") { Description = "Language of a refusal of the whole file (such as a workbook over the reader's limits): id (Bahasa Indonesia, the default) or en.", DefaultValueFactory = _ => "id" };
        lang.AcceptOnlyFromAmong("id", "en");
        var date = new Option<string?>("--date") { Description = "For an OpenSID Program Bantuan workbook: the date of its deliveries (YYYY-MM-DD), instead of the programme's start date." };
        var import = new Command("import", "Record what a programme delivered, from the agency's recipient list or an OpenSID Program Bantuan workbook. Unmatched recipients go to the follow-up list.") { file, programme, errors, dryRun, lang, date };
        import.SetAction(async (parse, ct) =>
        {
            var cli = context(parse);
            var path = parse.GetValue(file)!;
            DateOnly? day = null;
            if (parse.GetValue(date) is { } given)
            {
                if (!DateOnly.TryParseExact(given, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var parsed))
                {
                    return cli.Fail($"--date must be a date written YYYY-MM-DD; '{given}' is not one.");
                }

                day = parsed;
            }

            var options = new RecipientImportOptions(
                path, parse.GetValue(programme)!, parse.GetValue(errors) ?? RecipientImportOptions.DefaultErrorsPath(path), RegionScope.National, "cli:" + Environment.UserName, parse.GetValue(dryRun))
            {
                Date = day,
            };
            return await cli.WriteAsync<ImportRecipientList, RecipientImportSummary>(
                importing => importing.RunAsync(options, ct),
                summary =>
                {
                    if (cli.Json)
                    {
                        cli.WriteJson(new
                        {
                            file = summary.File,
                            programme = summary.Programme,
                            rows = summary.Rows,
                            matched = summary.Matched,
                            unmatched = summary.Unmatched,
                            rejected = summary.Rejected,
                            deliveries = new { inserted = summary.Inserted, updated = summary.Updated, unchanged = summary.Unchanged },
                            followUp = summary.FollowUp.Select(f => new { line = f.Line, f.Identifier, f.Number, date = f.Date, amount = f.Amount }),
                            errorsFile = summary.ErrorsFile,
                            dryRun = summary.DryRun,
                        });
                    }
                    else
                    {
                        cli.Output.WriteLine($"{(summary.DryRun ? "Dry run (nothing written): " : string.Empty)}{summary.File} ({summary.Programme}): {summary.Rows} rows, {summary.Matched} matched, {summary.Unmatched} not in the register, {summary.Rejected} rejected.");
                        cli.Output.WriteLine($"Deliveries: {summary.Inserted} new, {summary.Updated} corrected, {summary.Unchanged} already recorded.");
                        if (summary.FollowUp.Count > 0)
                        {
                            cli.Output.WriteLine("Not in the register (kept on the follow-up list: they may be poor families the register is missing):");
                            foreach (var f in summary.FollowUp)
                            {
                                cli.Output.WriteLine($"  line {f.Line}: {f.Identifier} {f.Number}, {f.Date:yyyy-MM-dd}");
                            }
                        }

                        if (summary.Rejected > 0)
                        {
                            cli.Output.WriteLine($"Rejected rows, with line, column and reason: {summary.ErrorsFile}");
                        }
                    }

                    return summary.Unmatched > 0 || summary.Rejected > 0 ? ExitCodes.PartlyRejected : ExitCodes.Success;
                },
                ct,
                error => error is WriteError.RuleBroken { Rule.Error: { } typed } ? CliWords.Text(typed, CliWords.Language(parse.GetValue(lang))) : null);
        });

        return new Command("interventions", "Deliveries of programmes to households and people.") { import };
    }
}
