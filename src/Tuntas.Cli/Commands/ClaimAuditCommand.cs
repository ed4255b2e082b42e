using System.CommandLine;
using System.Globalization;
using Tuntas.Cli.Common;
using Tuntas.Data.ClaimAudit;
using Tuntas.Data.Common;
using Tuntas.Domain.Access;
using Tuntas.Domain.ClaimAudit;
using Tuntas.Domain.Common;
using Tuntas.Domain.Regions;
using Tuntas.Domain.Registry;

namespace Tuntas.Cli.Commands;

/// <summary>
/// <c>tuntas claim-audit estimate|size|draw|replay|list|show|finding</c>: how true a headline is, checked by
/// re-verifying a random sample of the households behind it. The seed of a draw is the server's;
/// <c>replay</c> does a recorded draw again from its seed to check it.
/// </summary>
internal static class ClaimAuditCommand
{
    public static Command Create(Func<ParseResult, CliContext> context) =>
        new("claim-audit", "Re-check a random sample of the households behind a figure and estimate how many records may be wrong.")
        {
            Estimate(context), Size(context), Draw(context), Replay(context), List(context), Show(context), Finding(context),
        };

    private static Command Estimate(Func<ParseResult, CliContext> context)
    {
        var population = new Option<int>("--population") { Description = "How many records the claim rests on (N).", Required = true };
        var sample = new Option<int>("--sample") { Description = "How many of them were re-checked (n).", Required = true };
        var errors = new Option<int>("--errors") { Description = "How many of those were found wrong (k).", Required = true };
        var command = new Command("estimate", "The error rate k/n and its exact 95% interval for the whole population (hypergeometric; a census has no sampling error).") { population, sample, errors };
        command.SetAction(parse =>
        {
            var cli = context(parse);
            ErrorRateEstimate e;
            try
            {
                e = ErrorRateEstimate.Compute(parse.GetValue(population), parse.GetValue(sample), parse.GetValue(errors));
            }
            catch (DomainException error)
            {
                return cli.Fail(error.Message);
            }

            if (cli.Json)
            {
                cli.WriteJson(ClaimAuditJson.Estimate(e));
            }
            else
            {
                cli.Output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{e.Errors} wrong of {e.Sample} re-checked out of {e.Population}: error rate {e.ErrorRate:P1}, 95% interval {e.Low:P1} to {e.High:P1}."));
                cli.Output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Between {e.LowErrors} and {e.HighErrors} of the {e.Population} records may be wrong (point estimate {e.MidErrors:0.#}). Method: {ErrorRateEstimate.Method}."));
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Size(Func<ParseResult, CliContext> context)
    {
        var population = new Option<int>("--population") { Description = "How many records the claim rests on (N).", Required = true };
        var margin = new Option<double>("--margin") { Description = "The wanted margin of error, e.g. 0.1 for ±10 percentage points.", Required = true };
        var expected = new Option<double>("--expected") { Description = "The error rate you expect (default 0.5, the safest).", DefaultValueFactory = _ => 0.5 };
        var command = new Command("size", "How many households to re-check for a wanted margin of error at 95% confidence.") { population, margin, expected };
        command.SetAction(parse =>
        {
            var cli = context(parse);
            int n;
            try
            {
                n = SampleSize.ForMargin(parse.GetValue(population), parse.GetValue(margin), parse.GetValue(expected));
            }
            catch (DomainException error)
            {
                return cli.Fail(error.Message);
            }

            if (cli.Json)
            {
                cli.WriteJson(new { population = parse.GetValue(population), margin = parse.GetValue(margin), expected = parse.GetValue(expected), sample = n, confidence = 0.95 });
            }
            else
            {
                cli.Output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Re-check {n} of {parse.GetValue(population)} households for a margin of ±{parse.GetValue(margin):P0} at 95% confidence."));
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Draw(Func<ParseResult, CliContext> context)
    {
        var region = new Option<string>("--region") { Description = "The region whose claim is audited, e.g. 64.74.", Required = true };
        var status = new Option<string>("--status") { Description = "graduated, excluded, verified or listed.", Required = true };
        var from = new Option<string>("--from") { Description = "First day of the period (YYYY-MM-DD).", Required = true };
        var to = new Option<string>("--to") { Description = "Last day of the period (YYYY-MM-DD).", Required = true };
        var size = new Option<int>("--size") { Description = "How many households to draw.", Required = true };
        // Kept only to refuse it with a reason: whoever draws does not choose the seed.
        var seed = new Option<string?>("--seed") { Description = "Refused: the seed is drawn by the server.", Hidden = true, Arity = ArgumentArity.ZeroOrOne };
        var stratify = new Option<string?>("--stratify") { Description = "district: share the sample out over the kecamatan in proportion to their size." };
        var command = new Command("draw", "Draw a random sample of the households that were in (or entered) a status in a period, and create the re-checks for independent verifiers. The server draws the seed from a cryptographic source and writes it, with the population's hash and the sample, to the audit trail at once; `replay` does the draw again from that seed.")
        {
            region, status, from, to, size, seed, stratify,
        };
        command.SetAction(async (parse, ct) =>
        {
            var cli = context(parse);
            if (parse.GetResult(seed) is not null)
            {
                return cli.Fail("--seed is not accepted: the seed is drawn by the server from a cryptographic source and recorded with the draw, so nobody can choose it. Nothing was drawn. To check a recorded draw, use `tuntas claim-audit replay ID`.");
            }

            if (!CliArguments.TryRegion(parse.GetValue(region), out var code, out var error) || code is null)
            {
                return cli.Fail(error ?? "Give a region with --region.");
            }

            var wanted = HouseholdStatusNames.ParseWire(parse.GetValue(status));
            if (wanted is null || !ClaimAuditSample.IsAuditable(wanted.Value))
            {
                return cli.Fail($"'{parse.GetValue(status)}' is not a status a claim audit re-checks; use graduated, excluded, verified or listed.");
            }

            if (!CliArguments.TryDate(parse.GetValue(from), default, out var fromDay, out error) || !CliArguments.TryDate(parse.GetValue(to), default, out var toDay, out error))
            {
                return cli.Fail(error!);
            }

            var stratifyText = parse.GetValue(stratify);
            if (stratifyText is not null && !string.Equals(stratifyText.Trim(), "district", StringComparison.OrdinalIgnoreCase))
            {
                return cli.Fail($"--stratify '{stratifyText}' is not known; the only stratum is district (kecamatan).");
            }

            return await cli.WithAsync<DrawClaimAudit>(async draw =>
            {
                var drawn = await draw.DrawAsync(
                    new DrawRequest(code, wanted.Value, fromDay, toDay, parse.GetValue(size), stratifyText is not null),
                    "cli:" + Environment.UserName, ct);
                if (drawn.Value is not { } sample)
                {
                    return cli.Fail(drawn.Error!.English);
                }

                var unassigned = sample.Items.Count(i => i.AssignedTo is null);
                if (cli.Json)
                {
                    cli.WriteJson(new
                    {
                        auditId = sample.Id,
                        population = sample.Population,
                        sample = sample.Items.Select(i => i.NoKk).ToList(),
                        seed = sample.Seed,
                        populationHash = sample.PopulationHash,
                        unassigned,
                    });
                }
                else
                {
                    cli.Output.WriteLine($"Claim audit {sample.Id}: {sample.Items.Count} of {sample.Population} {wanted.Value.ToWire()} households drawn with seed {sample.Seed} (population hash {sample.PopulationHash[..16]}…).");
                    foreach (var item in sample.Items)
                    {
                        cli.Output.WriteLine($"  {item.NoKk}  {item.District.Value,-9}  {item.AssignedTo ?? "(no independent verifier)"}");
                    }

                    if (unassigned > 0)
                    {
                        cli.Output.WriteLine($"{unassigned} household(s) have no independent verifier: add a verifier for the region who did not make or approve the original visits.");
                    }
                }

                return ExitCodes.Success;
            }, ct);
        });
        return command;
    }

    private static Command Replay(Func<ParseResult, CliContext> context)
    {
        var id = new Argument<long>("ID") { Description = "The claim audit's number." };
        var command = new Command("replay", "Do a recorded draw again from its seed over the population as of the audit's dates, and check it against what was recorded. Exit 0 when it matches, 3 when the population (its hash) or the sample no longer matches, 2 for an unknown audit.") { id };
        command.SetAction(async (parse, ct) =>
        {
            var cli = context(parse);
            var auditId = parse.GetValue(id);
            return await cli.WithAsync<ClaimAuditService>(async service =>
            {
                var replay = await service.ReplayAsync(auditId, ct);
                if (replay is null)
                {
                    return cli.Fail($"Claim audit {auditId} does not exist.");
                }

                var audit = replay.Audit;
                if (cli.Json)
                {
                    cli.WriteJson(ClaimAuditJson.Replay(replay));
                }
                else
                {
                    cli.Output.WriteLine($"Claim audit {audit.Id}: {audit.Status.ToWire()} households of {audit.Region.Value}, {audit.From:yyyy-MM-dd} to {audit.To:yyyy-MM-dd}, drawn with seed {audit.Seed}.");
                    foreach (var noKk in replay.Sample?.Select(c => c.NoKk) ?? [])
                    {
                        cli.Output.WriteLine($"  {noKk}");
                    }

                    cli.Output.WriteLine(replay.Matches
                        ? $"The replay matches the record: the same {audit.Population} households (population hash {audit.PopulationHash}) and the same {replay.RecordedSample.Count} drawn."
                        : "The replay does NOT match the record.");
                }

                if (replay.Matches)
                {
                    return ExitCodes.Success;
                }

                if (!replay.PopulationMatches)
                {
                    cli.Error.WriteLine($"tuntas: the population of claim audit {audit.Id} has changed since the draw: the hash recorded was {audit.PopulationHash} ({audit.Population} households), the hash found now is {replay.FoundHash} ({replay.FoundPopulation} households). A status change effective in the audited period was recorded after the draw.");
                }

                if (!replay.SampleMatches)
                {
                    cli.Error.WriteLine(replay.Sample is null
                        ? $"tuntas: the seed cannot draw {replay.RecordedSample.Count} households from the {replay.FoundPopulation} found now."
                        : $"tuntas: the seed now draws {replay.Sample.Count(c => !replay.RecordedSample.Contains(c.NoKk))} household(s) other than those recorded.");
                }

                return ExitCodes.ProblemFound;
            }, ct);
        });
        return command;
    }

    private static Command List(Func<ParseResult, CliContext> context)
    {
        var region = new Option<string>("--region") { Description = "This region and the regions below it.", Required = true };
        var command = new Command("list", "The claim audits of a region, with their progress and results.") { region };
        command.SetAction(async (parse, ct) =>
        {
            var cli = context(parse);
            if (!CliArguments.TryRegion(parse.GetValue(region), out var code, out var error) || code is null)
            {
                return cli.Fail(error ?? "Give a region with --region.");
            }

            return await cli.WithAsync<ClaimAuditQueries>(async queries =>
            {
                var audits = await queries.ListAsync(code, RegionScope.National, ct);
                if (cli.Json)
                {
                    cli.WriteJson(new { region = code.Value, audits = audits.Select(ClaimAuditJson.Standing) });
                }
                else
                {
                    foreach (var a in audits)
                    {
                        var t = a.Tally;
                        var result = t.NotConfirmedEstimate is { } u ? string.Create(CultureInfo.InvariantCulture, $"{u.LowErrors}–{u.HighErrors} of {u.Population} not confirmed") : $"{t.SampleSize - t.Pending} of {t.SampleSize} checked";
                        cli.Output.WriteLine($"{a.Id,5}  {a.Region.Value,-13} {a.Status.ToWire(),-10} {a.From:yyyy-MM-dd}..{a.To:yyyy-MM-dd}  n={t.SampleSize} of {t.Population}  confirmed {t.Confirmed}  wrong {t.Wrong}  not found {t.CouldNotVerify}  {result}");
                    }
                }

                return ExitCodes.Success;
            }, ct);
        });
        return command;
    }

    private static Command Show(Func<ParseResult, CliContext> context)
    {
        var id = new Argument<long>("ID") { Description = "The claim audit's number." };
        var command = new Command("show", "One claim audit: how it was drawn, each household's re-check, and the result.") { id };
        command.SetAction(async (parse, ct) =>
        {
            var cli = context(parse);
            return await cli.WithAsync<ClaimAuditQueries>(async queries =>
            {
                var sample = await queries.GetAsync(parse.GetValue(id), RegionScope.National, ct);
                if (sample is null)
                {
                    return cli.Fail($"Claim audit {parse.GetValue(id)} does not exist.");
                }

                var tally = sample.Tally();
                if (cli.Json)
                {
                    cli.WriteJson(new
                    {
                        auditId = sample.Id,
                        region = sample.Region.Value,
                        status = sample.Status.ToWire(),
                        from = sample.From,
                        to = sample.To,
                        seed = sample.Seed,
                        populationHash = sample.PopulationHash,
                        population = sample.Population,
                        stratify = sample.Stratified ? "district" : null,
                        createdBy = sample.CreatedBy,
                        createdAt = sample.CreatedAt,
                        completedAt = sample.CompletedAt,
                        items = sample.Items.Select(i => new
                        {
                            noKk = i.NoKk,
                            district = i.District.Value,
                            assignedTo = i.AssignedTo,
                            finding = i.Finding?.ToWire(),
                            note = i.Note,
                            checkedOn = i.CheckedOn,
                            checkedBy = i.CheckedBy,
                        }),
                        result = ClaimAuditJson.Tally(tally),
                    });
                }
                else
                {
                    cli.Output.WriteLine($"Claim audit {sample.Id}: {sample.Status.ToWire()} households of {sample.Region.Value}, {sample.From:yyyy-MM-dd} to {sample.To:yyyy-MM-dd}; seed {sample.Seed}.");
                    foreach (var i in sample.Items)
                    {
                        cli.Output.WriteLine($"  {i.NoKk}  {i.AssignedTo ?? "-",-24} {i.Finding?.ToWire() ?? "pending",-17} {i.Note}");
                    }

                    cli.Output.WriteLine(tally is { Estimate: { } e, NotConfirmedEstimate: { } u }
                        ? string.Create(CultureInfo.InvariantCulture, $"Of {tally.SampleSize} drawn: {tally.Confirmed} confirmed, {tally.Wrong} wrong, {tally.CouldNotVerify} not found. Not confirmed: between {u.LowErrors} and {u.HighErrors} of {u.Population} (95%); found wrong: between {e.LowErrors} and {e.HighErrors}.")
                        : $"{tally.SampleSize - tally.Pending} of {tally.SampleSize} re-checked so far.");
                }

                return ExitCodes.Success;
            }, ct);
        });
        return command;
    }

    private static Command Finding(Func<ParseResult, CliContext> context)
    {
        var id = new Option<long>("--audit") { Description = "The claim audit's number.", Required = true };
        var noKk = new Option<string>("--no-kk") { Description = "The household re-checked.", Required = true };
        var finding = new Option<string>("--finding") { Description = "confirmed, wrong or could-not-verify.", Required = true };
        var by = new Option<string>("--by") { Description = "The verifier who made the re-check (a user name); not whoever made or approved the original visit.", Required = true };
        var note = new Option<string?>("--note") { Description = "What was found; required unless confirmed." };
        var on = new Option<string?>("--on") { Description = "The day of the re-check (default today)." };
        var command = new Command("finding", "Record what an independent re-check found for one household of a claim audit.") { id, noKk, finding, by, note, on };
        command.SetAction(async (parse, ct) =>
        {
            var cli = context(parse);
            var result = RecheckFindingNames.ParseWire(parse.GetValue(finding));
            if (result is null)
            {
                return cli.Fail($"'{parse.GetValue(finding)}' is not a finding; use confirmed, wrong or could-not-verify.");
            }

            if (!CliArguments.TryDate(parse.GetValue(on), RegionClock.System.Today(), out var day, out var error))
            {
                return cli.Fail(error!);
            }

            var userName = parse.GetValue(by)!.Trim();
            return await cli.WithAsync<RecordClaimAuditFinding>(async record =>
            {
                var recorded = await record.RecordAsync(parse.GetValue(id), parse.GetValue(noKk)!, null, result.Value, parse.GetValue(note), day, userName, ct);
                switch (recorded.Error)
                {
                    case WriteError.NotFound:
                        return cli.Fail($"KK {parse.GetValue(noKk)} is not in the sample of claim audit {parse.GetValue(id)} (or the audit does not exist).");
                    case WriteError.NotAllowed:
                        return cli.Fail($"{userName} is not a verifier of the region of KK {parse.GetValue(noKk)!.Trim()}.");
                    case { } error:
                        return cli.Fail(error.English);
                }

                cli.Output.WriteLine($"Recorded: KK {parse.GetValue(noKk)} {result.Value.ToWire()} ({userName}, {day:yyyy-MM-dd}).");
                return ExitCodes.Success;
            }, ct);
        });
        return command;
    }
}
