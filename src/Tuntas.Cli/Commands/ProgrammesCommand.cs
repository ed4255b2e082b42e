using System.CommandLine;
using Tuntas.Cli.Common;
using Tuntas.Data.Common;
using Tuntas.Data.Interventions;
using Tuntas.Domain.Common;
using Tuntas.Domain.Interventions;

namespace Tuntas.Cli.Commands;

/// <summary><c>tuntas programmes [--json]</c>: the programme catalogue.</summary>
internal static class ProgrammesCommand
{
    public static Command Create(Func<ParseResult, CliContext> context)
    {
        var command = new Command("programmes", "List the programme catalogue: code, owner agency, strategy, unit and typical value.");
        command.SetAction(async (parse, ct) =>
        {
            var cli = context(parse);
            return await cli.WithAsync<CatalogueQueries>(async queries =>
            {
                var programmes = (await queries.ProgrammesAsync(ct)).OrderBy(p => p.Strategy).ThenBy(p => p.Code, StringComparer.Ordinal).ToList();
                if (cli.Json)
                {
                    cli.WriteJson(new
                    {
                        programmes = programmes.Select(p => new
                        {
                            code = p.Code,
                            name = p.Name,
                            agency = p.OwnerAgency,
                            strategy = p.Strategy.ToWire(),
                            unit = p.Unit.ToWire(),
                            typicalValue = p.TypicalValue,
                            povertyTargeted = p.PovertyTargeted,
                            local = p.IsLocal,
                            active = p.Active,
                            eligibleDesilMax = p.EligibleDesilMax,
                            eligibilitySource = p.EligibilitySource,
                        }),
                    });
                }
                else
                {
                    foreach (var p in programmes)
                    {
                        var value = p.TypicalValue is { } v ? Rupiah.Format(v) : "-";
                        cli.Output.WriteLine($"{p.Code,-12} {p.Strategy.ToWire(),-16} {p.Unit.ToWire(),-10} {value,14}  {p.Name} ({p.OwnerAgency})");
                    }
                }

                return ExitCodes.Success;
            }, ct);
        });
        command.Subcommands.Add(Set(context));
        return command;
    }

    /// <summary><c>tuntas programmes set CODE …</c>: changes a programme, or adds a local one.</summary>
    private static Command Set(Func<ParseResult, CliContext> context)
    {
        var code = new Argument<string>("CODE") { Description = "Programme code: capital letters, digits, dashes (a new code adds a local programme)." };
        var name = new Option<string?>("--name") { Description = "Full name." };
        var agency = new Option<string?>("--agency") { Description = "Owner agency." };
        var strategy = new Option<string?>("--strategy") { Description = "reduce_spending, raise_income or reduce_pockets." };
        var unit = new Option<string?>("--unit") { Description = "household or person." };
        var value = new Option<long?>("--value") { Description = "Typical value of one delivery, whole rupiah." };
        var targeted = new Option<bool?>("--poverty-targeted") { Description = "true when only poor households should receive it." };
        var active = new Option<bool?>("--active") { Description = "false closes the programme to new deliveries." };
        var desilMax = new Option<int?>("--eligible-desil-max") { Description = "Highest eligible desil (Kepmensos 79/HUK/2025: PKH 4, SEMBAKO and PBI-JK 5); 0 removes the limit." };
        var eligibilitySource = new Option<string?>("--eligibility-source") { Description = "The rule the desil limit comes from." };
        var set = new Command("set", "Change a programme of the catalogue, or add a local programme.") { code, name, agency, strategy, unit, value, targeted, active, desilMax, eligibilitySource };
        set.SetAction(async (parse, ct) =>
        {
            var cli = context(parse);
            Strategy? parsedStrategy = parse.GetValue(strategy) is { } s ? StrategyNames.ParseStrategy(s) : null;
            ProgrammeUnit? parsedUnit = parse.GetValue(unit) is { } u ? StrategyNames.ParseUnit(u) : null;
            if ((parse.GetValue(strategy) is not null && parsedStrategy is null) || (parse.GetValue(unit) is not null && parsedUnit is null))
            {
                return cli.Fail("--strategy is reduce_spending, raise_income or reduce_pockets; --unit is household or person.");
            }

            if (parse.GetValue(desilMax) is < 0 or > 10)
            {
                return cli.Fail("--eligible-desil-max is 1 to 10, or 0 to remove the limit.");
            }

            var change = new ProgrammeChange(
                parse.GetValue(code)!, parse.GetValue(name), parse.GetValue(agency), parsedStrategy, parsedUnit,
                parse.GetValue(value), parse.GetValue(targeted), parse.GetValue(active))
            {
                EligibleDesilMax = parse.GetValue(desilMax),
                EligibilitySource = parse.GetValue(eligibilitySource),
            };
            return await cli.WriteAsync<ChangeProgrammes, Programme>(
                programmes => programmes.SetAsync(change, "cli:" + Environment.UserName, ct),
                programme =>
                {
                    cli.Output.WriteLine($"Programme {programme.Code} saved.");
                    return ExitCodes.Success;
                },
                ct,
                error => error is WriteError.NotFound ? $"{change.Code.Trim().ToUpperInvariant()} is a new programme: give --name, --agency, --strategy and --unit." : null);
        });
        return set;
    }
}
