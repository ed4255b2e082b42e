using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Tuntas.Domain.Monitoring;
using Tuntas.Domain.Regions;
using Tuntas.Domain.Registry;

namespace Tuntas.Data.Monitoring;

/// <summary>Households that left the caseload in a period, by reason: status changes whose effective date falls in it.</summary>
public sealed record PeriodExits(DateOnly From, DateOnly To, int Graduated, int Excluded, int Moved, int Deceased, int Merged)
{
    public int Total => Graduated + Excluded + Moved + Deceased + Merged;
}

/// <summary>The target shown for a region: its own, or the nearest ancestor's (<see cref="Region"/> says whose).</summary>
public sealed record RegionTarget(RegionCode Region, string RegionName, DateOnly Date, int Households);

/// <summary>A population figure and where it came from.</summary>
public sealed record PopulationFigure(long People, int Year, string Source);

/// <summary>A child region's caseload on a day and its rate: extreme-poor people per population (null without a denominator).</summary>
public sealed record ChildFigures(RegionCode Code, string Name, int Households, int People, PopulationFigure? Population)
{
    public double? Rate => Population is { People: > 0 } p ? (double)People / p.People : null;
}

/// <summary>
/// The dashboard's figures beyond the headline: exits in a period, the target, the monthly trend and
/// the child regions. Each trend point is one as-of count in the database (at most
/// <see cref="Trajectory.Months"/> of them); no household is read into memory.
/// </summary>
public sealed class DashboardQuery(TuntasDbContext db, HeadlineQuery headline)
{
    private static readonly HouseholdStatus[] Caseload = [HouseholdStatus.Listed, HouseholdStatus.Verified];
    private static readonly HouseholdStatus[] Exits = [HouseholdStatus.Graduated, HouseholdStatus.Excluded, HouseholdStatus.Moved, HouseholdStatus.Deceased, HouseholdStatus.Merged];

    /// <summary>The caseload at the end of each day of <see cref="Trajectory.Days"/>.</summary>
    public async Task<IReadOnlyList<TrendPoint>> TrendAsync(RegionCode region, DateOnly at, CancellationToken ct = default)
    {
        var first = await HeadlineQuery.InRegion(db.StatusEvents.AsNoTracking(), region).MinAsync(e => (DateOnly?)e.EffectiveDate, ct);
        var points = new List<TrendPoint>();
        foreach (var day in Trajectory.Days(at, first))
        {
            var count = await HeadlineQuery.InRegion(headline.LastEventsAsOf(day), region).CountAsync(e => Caseload.Contains(e.To), ct);
            points.Add(new TrendPoint(day, count));
        }

        return points;
    }

    public async Task<PeriodExits> ExitsAsync(RegionCode region, DateOnly from, DateOnly to, CancellationToken ct = default)
    {
        var counts = await HeadlineQuery.InRegion(db.StatusEvents.AsNoTracking(), region)
            .Where(e => e.EffectiveDate >= from && e.EffectiveDate <= to && Exits.Contains(e.To))
            .GroupBy(e => e.To)
            .Select(g => new { Status = g.Key, Count = g.Select(e => e.HouseholdId).Distinct().Count() })
            .ToDictionaryAsync(x => x.Status, x => x.Count, ct);
        int Count(HouseholdStatus s) => counts.GetValueOrDefault(s);
        return new PeriodExits(from, to, Count(HouseholdStatus.Graduated), Count(HouseholdStatus.Excluded), Count(HouseholdStatus.Moved), Count(HouseholdStatus.Deceased), Count(HouseholdStatus.Merged));
    }

    /// <summary>The households behind a count of <see cref="ExitsAsync"/>: a change to <paramref name="status"/> effective in the period, in the region.</summary>
    public IQueryable<Household> ExitedIn(RegionCode region, DateOnly from, DateOnly to, HouseholdStatus status)
    {
        var ids = HeadlineQuery.InRegion(db.StatusEvents, region)
            .Where(e => e.EffectiveDate >= from && e.EffectiveDate <= to && e.To == status)
            .Select(e => e.HouseholdId);
        return db.Households.Where(h => ids.Contains(h.Id));
    }

    /// <summary>The applicable target of the region, or of its nearest ancestor that has one.</summary>
    public async Task<RegionTarget?> TargetAsync(RegionCode region, DateOnly at, CancellationToken ct = default)
    {
        var lineage = Enum.GetValues<RegionLevel>().Select(region.AtLevel).OfType<RegionCode>().ToList();
        var targets = await db.Targets.AsNoTracking().Where(t => lineage.Contains(t.Region)).ToListAsync(ct);
        var nearest = targets.GroupBy(t => t.Region.Value).OrderByDescending(g => g.Key.Length).FirstOrDefault();
        if (nearest is null || Target.Applicable(nearest, at) is not { } target)
        {
            return null;
        }

        var name = await db.Regions.AsNoTracking().Where(r => r.Code == target.Region).Select(r => r.Name).SingleAsync(ct);
        return new RegionTarget(target.Region, name, target.Date, target.Households);
    }

    /// <summary>The population figure of a region used on a day, or null.</summary>
    public async Task<PopulationFigure?> PopulationAsync(RegionCode region, DateOnly at, CancellationToken ct = default) =>
        (await PopulationsAsync([region], at, ct)).GetValueOrDefault(region.Value);

    /// <summary>The child regions with their caseload on a day and their population; none below a village.</summary>
    public async Task<IReadOnlyList<ChildFigures>> ChildrenAsync(RegionCode region, DateOnly at, CancellationToken ct = default)
    {
        if (region.Level == RegionLevel.Village)
        {
            return [];
        }

        var children = await db.Regions.AsNoTracking().Where(r => r.ParentCode == region).OrderBy(r => r.Code).Select(r => new { r.Code, r.Name }).ToListAsync(ct);
        Expression<Func<HouseholdStatusEvent, RegionCode>> key = region.Level switch
        {
            RegionLevel.Province => e => e.RegencyCode,
            RegionLevel.Regency => e => e.DistrictCode,
            _ => e => e.VillageCode,
        };

        var events = HeadlineQuery.InRegion(headline.LastEventsAsOf(at), region).Where(e => Caseload.Contains(e.To));
        var households = (await events.GroupBy(key).Select(g => new { Code = g.Key, Count = g.Count() }).ToListAsync(ct))
            .ToDictionary(x => x.Code.Value, x => x.Count, StringComparer.Ordinal);
        var people = (await events.Join(db.People, e => e.HouseholdId, p => p.HouseholdId, (e, p) => e).GroupBy(key)
                .Select(g => new { Code = g.Key, Count = g.Count() }).ToListAsync(ct))
            .ToDictionary(x => x.Code.Value, x => x.Count, StringComparer.Ordinal);
        var population = await PopulationsAsync(children.Select(c => c.Code).ToList(), at, ct);
        return children
            .Select(c => new ChildFigures(c.Code, c.Name, households.GetValueOrDefault(c.Code.Value), people.GetValueOrDefault(c.Code.Value), population.GetValueOrDefault(c.Code.Value)))
            .ToList();
    }

    private async Task<Dictionary<string, PopulationFigure>> PopulationsAsync(IReadOnlyList<RegionCode> regions, DateOnly at, CancellationToken ct)
    {
        var result = new Dictionary<string, PopulationFigure>(StringComparer.Ordinal);
        foreach (var chunk in regions.Chunk(500))
        {
            var rows = await db.Population.AsNoTracking().Where(p => chunk.Contains(p.Region)).ToListAsync(ct);
            foreach (var group in rows.GroupBy(p => p.Region.Value))
            {
                if (PopulationCount.Applicable(group, at) is { } p)
                {
                    result[group.Key] = new PopulationFigure(p.People, p.Year, p.Source);
                }
            }
        }

        return result;
    }
}
