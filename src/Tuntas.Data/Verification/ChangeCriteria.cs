using Microsoft.EntityFrameworkCore;
using Tuntas.Data.Audit;
using Tuntas.Data.Common;
using Tuntas.Data.Database;
using Tuntas.Domain.Common;
using Tuntas.Domain.Regions;
using Tuntas.Domain.Verification;

namespace Tuntas.Data.Verification;

/// <summary>What a new set of criteria says: the line from a year (and region), and who counts as extreme poor.</summary>
public sealed record CriteriaChange(int Year, RegionCode? Region, long LinePerCapita, string LineSource, int DesilMax = 1, string? DesilSource = null, string? DesilPeriod = null, int IndicatorThreshold = 6)
{
    /// <summary>
    /// The poverty line the criteria read (<c>--line-code</c>): its value for the year (or the latest
    /// earlier one) and its source are taken when <see cref="LinePerCapita"/> is 0 and
    /// <see cref="LineSource"/> empty; a figure given by hand is kept and only named as from that line.
    /// </summary>
    public string? LineCode { get; init; }
}

/// <summary>
/// Adds poverty criteria (<c>tuntas criteria set</c>), and the shipped default line when a new
/// database has none: one writer of criteria and of their audit entry. Criteria are added, never
/// changed, so an earlier classification can always be explained by the criteria it used.
/// </summary>
public sealed class ChangeCriteria(UnitOfWork work) : IUseCase
{
    public Task<WriteResult<PovertyCriteria>> AddAsync(CriteriaChange change, string actor, CancellationToken ct = default) =>
        work.RunOrRefuseAsync<PovertyCriteria>(async c =>
        {
            PovertyCriteria criteria;
            if (change.LineCode is { } code)
            {
                var lines = await work.Db.PovertyLines.AsNoTracking().ToListAsync(c);
                if (PovertyLine.Select(lines, code, change.Year) is not { } line)
                {
                    throw new DomainException(VerificationErrors.UnknownPovertyLine(code.Trim().ToLowerInvariant(), change.Year));
                }

                criteria = change.LinePerCapita > 0 || !string.IsNullOrWhiteSpace(change.LineSource)
                    ? new PovertyCriteria(change.Year, change.Region, change.LinePerCapita, change.LineSource, work.Clock.UtcNow, actor) { LineCode = line.Code }
                    : PovertyCriteria.FromLine(line, change.Year, change.Region, work.Clock.UtcNow, actor);
            }
            else
            {
                criteria = new PovertyCriteria(change.Year, change.Region, change.LinePerCapita, change.LineSource, work.Clock.UtcNow, actor);
            }

            criteria.DesilMax = change.DesilMax;
            criteria.DesilSource = change.DesilSource;
            criteria.DesilPeriod = change.DesilPeriod;
            criteria.IndicatorThreshold = change.IndicatorThreshold;
            Add(criteria, actor);
            return WriteResult<PovertyCriteria>.Ok(criteria);
        }, ct);

    /// <summary>
    /// The shipped criteria when none are configured yet: 2021 on the legacy line and, from 2022, the
    /// official USD 2.15 PPP 2017 line year by year (<see cref="PovertyCriteria.Shipped"/>). Runs after
    /// the lines are seeded.
    /// </summary>
    public async Task<WriteResult<Done>> SeedAsync(CancellationToken ct = default)
    {
        var lines = await work.Db.PovertyLines.AsNoTracking().ToListAsync(ct);
        return await work.SeedOnceAsync(work.Db.Criteria, () =>
        {
            foreach (var criteria in PovertyCriteria.Shipped(lines, work.Clock.UtcNow, Seeding.Actor))
            {
                Add(criteria, Seeding.Actor);
            }
        }, ct);
    }

    private void Add(PovertyCriteria criteria, string actor)
    {
        work.Db.Criteria.Add(criteria);
        work.Audit.Record(actor, "criteria.set", AuditSubject.Of(criteria), null, new
        {
            criteria.Year,
            region = criteria.Region?.Value,
            criteria.LinePerCapita,
            criteria.LineSource,
            criteria.LineCode,
            criteria.DesilMax,
            criteria.DesilSource,
            criteria.DesilPeriod,
            criteria.IndicatorThreshold,
        });
    }
}
