using Tuntas.Data.Audit;
using Tuntas.Data.Common;
using Tuntas.Data.Database;
using Tuntas.Domain.Regions;
using Tuntas.Domain.Verification;

namespace Tuntas.Data.Verification;

/// <summary>What a new set of criteria says: the line from a year (and region), and who counts as extreme poor.</summary>
public sealed record CriteriaChange(int Year, RegionCode? Region, long LinePerCapita, string LineSource, int DesilMax = 1, string? DesilSource = null, string? DesilPeriod = null, int IndicatorThreshold = 6);

/// <summary>
/// Adds poverty criteria (<c>tuntas criteria set</c>), and the shipped default line when a new
/// database has none: one writer of criteria and of their audit entry. Criteria are added, never
/// changed, so an earlier classification can always be explained by the criteria it used.
/// </summary>
public sealed class ChangeCriteria(UnitOfWork work) : IUseCase
{
    public Task<WriteResult<PovertyCriteria>> AddAsync(CriteriaChange change, string actor, CancellationToken ct = default) =>
        work.RunAsync(_ =>
        {
            var criteria = new PovertyCriteria(change.Year, change.Region, change.LinePerCapita, change.LineSource, work.Clock.UtcNow, actor)
            {
                DesilMax = change.DesilMax,
                DesilSource = change.DesilSource,
                DesilPeriod = change.DesilPeriod,
                IndicatorThreshold = change.IndicatorThreshold,
            };
            Add(criteria, actor);
            return Task.FromResult(criteria);
        }, ct);

    /// <summary>The shipped default line (2021, Rp322.170) when no criteria are configured yet.</summary>
    public Task<WriteResult<Done>> SeedAsync(CancellationToken ct = default) =>
        work.SeedOnceAsync(work.Db.Criteria, () => Add(PovertyCriteria.Default2021(work.Clock.UtcNow), Seeding.Actor), ct);

    private void Add(PovertyCriteria criteria, string actor)
    {
        work.Db.Criteria.Add(criteria);
        work.Audit.Record(actor, "criteria.set", AuditSubject.Of(criteria), null, new
        {
            criteria.Year,
            region = criteria.Region?.Value,
            criteria.LinePerCapita,
            criteria.LineSource,
            criteria.DesilMax,
            criteria.DesilSource,
            criteria.DesilPeriod,
            criteria.IndicatorThreshold,
        });
    }
}
