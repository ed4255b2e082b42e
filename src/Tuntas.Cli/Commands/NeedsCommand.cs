using System.CommandLine;
using Tuntas.Cli.Common;
using Tuntas.Data.Common;
using Tuntas.Data.Interventions;
using Tuntas.Domain.Interventions;

namespace Tuntas.Cli.Commands;

/// <summary><c>tuntas needs list|add|disable</c>: the rules that say what a household needs.</summary>
internal static class NeedsCommand
{
    public static Command Create(Func<ParseResult, CliContext> context)
    {
        var list = new Command("list", "List the needs rules and the facts they can use.");
        list.SetAction(async (parse, ct) =>
        {
            var cli = context(parse);
            return await cli.WithAsync<CatalogueQueries>(async queries =>
            {
                var rules = await queries.NeedRulesAsync(ct);
                if (cli.Json)
                {
                    cli.WriteJson(new
                    {
                        rules = rules.Select(r => new
                        {
                            id = r.Id,
                            code = r.Code,
                            name = r.Name,
                            programmes = r.ProgrammeCodes,
                            subject = r.Subject.ToWire(),
                            fact = r.Fact,
                            op = r.Operator.ToWire(),
                            values = r.ValueList,
                            minAge = r.MinAge,
                            maxAge = r.MaxAge,
                            active = r.Active,
                        }),
                        facts = NeedFacts.All.Select(f => new { name = f.Name, subject = f.Subject.ToWire(), description = f.Description, operators = f.Operators.Select(o => o.ToWire()) }),
                    });
                }
                else
                {
                    foreach (var r in rules)
                    {
                        var ages = r.MinAge is null && r.MaxAge is null ? string.Empty : $" aged {r.MinAge ?? 0}-{r.MaxAge?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "…"}";
                        cli.Output.WriteLine($"{r.Id,3} {r.Code,-8} {(r.Active ? "" : "(off) ")}{r.Subject.ToWire()}{ages}: {r.Fact} {r.Operator.ToWire()} [{string.Join(" | ", r.ValueList)}] -> {string.Join(" or ", r.ProgrammeCodes)}");
                    }
                }

                return ExitCodes.Success;
            }, ct);
        });

        var code = new Argument<string>("CODE") { Description = "The need, e.g. JKN, SEKOLAH, KERJA, RUMAH, DOKUMEN or a new one." };
        var name = new Option<string>("--name") { Description = "What the need is, in Bahasa Indonesia.", Required = true };
        var programmes = new Option<string>("--programmes") { Description = "Programme codes that meet the need, separated by |, e.g. 'PADAT-KARYA|PELATIHAN'.", Required = true };
        var subject = new Option<string>("--subject") { Description = "household or member.", Required = true };
        var fact = new Option<string>("--fact") { Description = "A fact from 'tuntas needs list', e.g. pendidikan.", Required = true };
        var op = new Option<string>("--op") { Description = "in, any-flag or greater-than.", Required = true };
        var values = new Option<string>("--values") { Description = "Values separated by |, e.g. 'Tidak sekolah|Putus sekolah'.", Required = true };
        var minAge = new Option<int?>("--min-age") { Description = "Member rules: the youngest age looked at." };
        var maxAge = new Option<int?>("--max-age") { Description = "Member rules: the oldest age looked at." };
        var add = new Command("add", "Add a rule. Rules with the same code are alternatives: any one of them makes the need.") { code, name, programmes, subject, fact, op, values, minAge, maxAge };
        add.SetAction(async (parse, ct) =>
        {
            var cli = context(parse);
            var parsedSubject = NeedOperatorNames.ParseSubject(parse.GetValue(subject));
            var parsedOp = NeedOperatorNames.Parse(parse.GetValue(op));
            if (parsedSubject is null || parsedOp is null)
            {
                return cli.Fail("--subject is household or member, and --op is in, any-flag or greater-than.");
            }

            var change = new NeedRuleChange(
                parse.GetValue(code)!, parse.GetValue(name)!, parse.GetValue(programmes)!.Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
                parsedSubject.Value, parse.GetValue(fact)!, parsedOp.Value, parse.GetValue(values)!.Split('|'), parse.GetValue(minAge), parse.GetValue(maxAge));
            return await cli.WriteAsync<ChangeNeedRules, NeedRule>(
                needs => needs.AddAsync(change, "cli:" + Environment.UserName, ct),
                rule =>
                {
                    if (cli.Json)
                    {
                        cli.WriteJson(new { id = rule.Id, code = rule.Code });
                    }
                    else
                    {
                        cli.Output.WriteLine($"Rule {rule.Id} added to need {rule.Code}.");
                    }

                    return ExitCodes.Success;
                },
                ct);
        });

        var disableCode = new Argument<string>("CODE") { Description = "The need whose rules stop applying." };
        var disable = new Command("disable", "Switch off every rule of a need (they stay on record).") { disableCode };
        disable.SetAction(async (parse, ct) =>
        {
            var cli = context(parse);
            var wanted = parse.GetValue(disableCode)!.Trim().ToUpperInvariant();
            return await cli.WriteAsync<ChangeNeedRules, int>(
                needs => needs.DisableAsync(wanted, "cli:" + Environment.UserName, ct),
                count =>
                {
                    cli.Output.WriteLine($"{count} rule(s) of need {wanted} switched off.");
                    return ExitCodes.Success;
                },
                ct,
                error => error is WriteError.NotFound ? $"No active rule has the code '{wanted}'; see 'tuntas needs list'." : null);
        });

        return new Command("needs", "The rules that say what a household needs (PBI-JK, PIP, padat karya, RTLH, adminduk).") { list, add, disable };
    }
}
