using System.CommandLine;
using Tuntas.Cli.Common;
using Tuntas.Data.Interventions;
using Tuntas.Data.Verification;

namespace Tuntas.Cli.Commands;

/// <summary><c>tuntas criteria list|set</c>: the extreme-poverty criteria by year and region.</summary>
internal static class CriteriaCommand
{
    public static Command Create(Func<ParseResult, CliContext> context)
    {
        var list = new Command("list", "List the configured criteria: poverty line by year and region, desil and indicator threshold.");
        list.SetAction(async (parse, ct) =>
        {
            var cli = context(parse);
            return await cli.WithAsync<CatalogueQueries>(async queries =>
            {
                var all = await queries.CriteriaAsync(ct);
                var rows = all.OrderBy(c => c.Year).ThenBy(c => c.Region?.Value).Select(c => new
                {
                    year = c.Year,
                    region = c.Region?.Value,
                    line = c.LinePerCapita,
                    lineSource = c.LineSource,
                    lineCode = c.LineCode,
                    desilMax = c.DesilMax,
                    desilSource = c.DesilSource,
                    desilPeriod = c.DesilPeriod,
                    indicatorThreshold = c.IndicatorThreshold,
                }).ToList();
                if (cli.Json)
                {
                    cli.WriteJson(new { criteria = rows });
                }
                else
                {
                    foreach (var r in rows)
                    {
                        cli.Output.WriteLine($"{r.year}  {r.region ?? "national",-13}  Rp{r.line,9}  desil <= {r.desilMax}  indicators >= {r.indicatorThreshold}  ({r.lineSource})");
                    }
                }

                return ExitCodes.Success;
            }, ct);
        });

        var year = new Option<int>("--year") { Description = "The year the line applies from.", Required = true };
        var line = new Option<long?>("--line") { Description = "Extreme poverty line, whole rupiah per person per month (taken from --line-code when left out)." };
        var source = new Option<string?>("--source") { Description = "Where the line comes from, e.g. 'BPS 2024, USD 2.15 PPP 2017' (taken from --line-code when left out)." };
        var lineCode = new Option<string?>("--line-code") { Description = "A shipped poverty line (tuntas criteria lines), e.g. bps-215-ppp2017: its value for the year and its source." };
        var region = new Option<string?>("--region") { Description = "Only for this region (and below); national without it." };
        var desilMax = new Option<int>("--desil-max") { Description = "Highest desil counted as extreme poor.", DefaultValueFactory = _ => 1 };
        var desilSource = new Option<string?>("--desil-source") { Description = "Only a desil from this ranking counts (P3KE, DTKS, DTSEN)." };
        var desilPeriod = new Option<string?>("--desil-period") { Description = "Only a desil of this period counts." };
        var threshold = new Option<int>("--threshold") { Description = "How many of the 8 Kepmensos 262/HUK/2022 indicators qualify.", DefaultValueFactory = _ => 6 };
        var set = new Command("set", "Add criteria for a year (and region). Run 'tuntas classify' afterwards to apply them.") { year, line, source, lineCode, region, desilMax, desilSource, desilPeriod, threshold };
        set.SetAction(async (parse, ct) =>
        {
            var cli = context(parse);
            if (!CliArguments.TryRegion(parse.GetValue(region), out var code, out var error))
            {
                return cli.Fail(error!);
            }

            if (parse.GetValue(desilMax) is < 1 or > 10 || parse.GetValue(threshold) is < 1 or > 8)
            {
                return cli.Fail("--desil-max must be 1 to 10 and --threshold 1 to 8.");
            }

            var lineCodeValue = parse.GetValue(lineCode);
            if (lineCodeValue is null && (parse.GetValue(line) is null || string.IsNullOrWhiteSpace(parse.GetValue(source))))
            {
                return cli.Fail("Give --line-code, or both --line and --source.");
            }

            var change = new CriteriaChange(
                parse.GetValue(year), code, parse.GetValue(line) ?? 0, parse.GetValue(source) ?? "",
                parse.GetValue(desilMax), parse.GetValue(desilSource), parse.GetValue(desilPeriod), parse.GetValue(threshold))
            {
                LineCode = lineCodeValue,
            };
            return await cli.WriteAsync<ChangeCriteria, Domain.Verification.PovertyCriteria>(
                criteriaChanges => criteriaChanges.AddAsync(change, "cli:" + Environment.UserName, ct),
                criteria =>
                {
                    if (cli.Json)
                    {
                        cli.WriteJson(new { year = criteria.Year, region = criteria.Region?.Value, line = criteria.LinePerCapita, lineCode = criteria.LineCode, lineSource = criteria.LineSource });
                    }
                    else
                    {
                        cli.Output.WriteLine($"Criteria for {criteria.Year} ({criteria.Region?.Value ?? "national"}) saved. Run 'tuntas classify' to apply them to the register.");
                    }

                    return ExitCodes.Success;
                },
                ct);
        });

        var lines = new Command("lines", "List the shipped poverty lines: code, basis, year, rupiah per person per month, source, official or not.");
        lines.SetAction(async (parse, ct) =>
        {
            var cli = context(parse);
            return await cli.WithAsync<PovertyLineQueries>(async queries =>
            {
                var all = await queries.LinesAsync(ct);
                if (cli.Json)
                {
                    cli.WriteJson(new
                    {
                        @default = Domain.Verification.PovertyLine.DefaultCode,
                        lines = all.Select(l => new
                        {
                            code = l.Code,
                            basis = l.Basis,
                            year = l.Year,
                            line = l.LinePerCapita,
                            source = l.Source,
                            computation = l.Computation,
                            official = l.Official,
                        }),
                    });
                }
                else
                {
                    foreach (var l in all)
                    {
                        cli.Output.WriteLine($"{l.Code,-16} {l.Year}  Rp{l.LinePerCapita,9}  {l.Basis,-18} {(l.Official ? "official" : "        ")}  {l.Source}" + (l.Computation is { } c ? $" [{c}]" : ""));
                    }
                }

                return ExitCodes.Success;
            }, ct);
        });

        var compareRegion = new Option<string>("--region") { Description = "Region code at any level.", Required = true };
        var compareAt = new Option<string?>("--at") { Description = "The day (YYYY-MM-DD) whose year picks each line's value; today in WITA by default." };
        var compare = new Command("compare", "How many of a region's households spend less than each poverty line: the effect of the choice of line.") { compareRegion, compareAt };
        compare.SetAction(async (parse, ct) =>
        {
            var cli = context(parse);
            if (!CliArguments.TryRegionAndDay(parse.GetValue(compareRegion), parse.GetValue(compareAt), out var code, out var day, out var error))
            {
                return cli.Fail(error!);
            }

            return await cli.WithAsync<PovertyLineQueries>(async queries =>
            {
                if (await queries.CompareAsync(code, day, ct) is not { } result)
                {
                    return cli.Fail($"Region {code.Value} is not in the Kemendagri list.");
                }

                if (cli.Json)
                {
                    cli.WriteJson(new
                    {
                        region = result.Region,
                        regionName = result.RegionName,
                        at = result.At,
                        households = result.Households,
                        withSpending = result.WithSpending,
                        lines = result.Lines.Select(l => new
                        {
                            code = l.Code,
                            basis = l.Basis,
                            year = l.Year,
                            line = l.LinePerCapita,
                            source = l.Source,
                            official = l.Official,
                            below = l.Below,
                        }),
                    });
                }
                else
                {
                    cli.Output.WriteLine($"{result.RegionName} ({result.Region}), as of {result.At:yyyy-MM-dd}: {result.WithSpending} of {result.Households} households have a spending figure");
                    foreach (var l in result.Lines)
                    {
                        cli.Output.WriteLine($"  {l.Code,-16} {l.Year}  Rp{l.LinePerCapita,9}  {l.Below,6} households below");
                    }
                }

                return ExitCodes.Success;
            }, ct);
        });

        return new Command("criteria", "The extreme-poverty criteria (configuration by year and region) and the poverty lines they read.") { list, set, lines, compare };
    }
}
