using System.CommandLine;
using System.Globalization;
using Tuntas.Cli.Common;
using Tuntas.Data.Access;
using Tuntas.Domain.Registry;

namespace Tuntas.Cli.Commands;

/// <summary>
/// <c>tuntas privacy views [--user NAME] [--household NOKK] [--action ACTION] [--from DATE] [--to DATE]</c>:
/// who viewed people's personal data: every page, API answer, export and file that shows a name, NIK
/// or No. KK (the actions of <see cref="PersonalDataLog"/>), each with its action in words.
/// </summary>
internal static class PrivacyCommand
{
    private const int Limit = 10_000;

    public static Command Create(Func<ParseResult, CliContext> context)
    {
        var user = new Option<string?>("--user") { Description = "Only the views of this user." };
        var household = new Option<string?>("--household") { Description = "Only the views of this household (No. KK)." };
        var from = new Option<string?>("--from") { Description = "From this day (YYYY-MM-DD, UTC)." };
        var to = new Option<string?>("--to") { Description = "Up to and including this day (YYYY-MM-DD, UTC)." };
        var action = new Option<string?>("--action") { Description = $"Only this action, e.g. {PersonalDataLog.ListExport} (downloads end in .export): {string.Join(", ", PersonalDataLog.Actions)}." };
        var views = new Command("views", $"Who viewed personal data: user, role, what, region, count, when (newest first, at most {Limit:N0}).") { user, household, action, from, to };
        views.SetAction(async (parse, ct) =>
        {
            var cli = context(parse);
            if (!TryDay(parse.GetValue(from), out var fromDay) || !TryDay(parse.GetValue(to), out var toDay))
            {
                return cli.Fail("--from and --to take a date as YYYY-MM-DD.");
            }

            string? noKk = null;
            if (parse.GetValue(household) is { } kkText)
            {
                var parsed = NomorKk.Parse(kkText);
                if (!parsed.IsValid)
                {
                    return cli.Fail($"--household: {parsed.Error}");
                }

                noKk = parsed.Value!.Value;
            }

            var only = parse.GetValue(action)?.Trim();
            if (!string.IsNullOrEmpty(only) && !PersonalDataLog.Actions.Contains(only))
            {
                return cli.Fail($"--action: unknown action '{only}'; use one of {string.Join(", ", PersonalDataLog.Actions)}.");
            }

            return await cli.WithAsync<PersonalDataLog>(async log =>
            {
                var found = await log.ReportAsync(new PersonalDataLog.Filter(parse.GetValue(user)?.Trim(), noKk, fromDay, toDay, string.IsNullOrEmpty(only) ? null : only), Limit, ct);
                if (cli.Json)
                {
                    cli.WriteJson(new
                    {
                        views = found.Select(v => new { user = v.UserName, role = v.Role, action = v.Action, what = PersonalDataLog.Describe(v.Action), export = PersonalDataLog.IsExport(v.Action), subject = v.Subject, region = v.Region, count = v.Count, at = v.At }),
                    });
                    return ExitCodes.Success;
                }

                foreach (var v in found)
                {
                    cli.Output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"{v.At:yyyy-MM-dd HH:mm:ss}Z  {v.UserName,-20} {v.Role,-11} {PersonalDataLog.Describe(v.Action),-28} {v.Subject,-40} {v.Region,-14} {v.Count}"));
                }

                return ExitCodes.Success;
            }, ct);
        });

        return new Command("privacy", "Reports on the personal data in the register.") { views };
    }

    private static bool TryDay(string? text, out DateOnly? day)
    {
        day = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        if (!DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
        {
            return false;
        }

        day = parsed;
        return true;
    }
}
