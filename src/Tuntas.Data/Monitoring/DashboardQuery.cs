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

/// <summary>A population figure and where it came from.</summary>
public sealed record PopulationFigure(long People, int Year, string Source);

/// <summary>
/// A child region's caseload on a day and its rate: extreme-poor people per population (null without a
/// denominator). Without data that day (<see cref="HasData"/> false) the counts are null.
/// </summary>
public sealed record ChildFigures(RegionCode Code, string Name, int? Households, int? People, PopulationFigure? Population)
{
    public bool HasData => Households is not null;

    public double? Rate => Population is { People: > 0 } p && People is { } people ? (double)people / p.People : null;
}

/// <summary>Everything the dashboard shows about a region on a day (<c>GET /api/v1/dashboard</c>).</summary>
public sealed record DashboardReport(
    HeadlineFigures Figures,
    PeriodExits Exits,
    TargetFigure? Target,
    IReadOnlyList<TrendPoint> Trend,
    Projection? Projection,
    PopulationFigure? Population,
    IReadOnlyList<ChildFigures> Children)
{
    /// <summary>The region's claim audits beside the headline, as in report packages (empty: not yet audited); set by the dashboard API.</summary>
    public IReadOnlyList<Reports.ClaimAuditFigures>? ClaimAudits { get; init; }
}

/// <summary>
/// The dashboard's figures beyond the headline: exits in a period, the target, the monthly trend and
/// the child regions, read from the maintained day counts (<see cref="DayCountQuery"/>): the trend
/// is one read of the region's daily changes; no household is read into memory.
/// </summary>
public sealed class DashboardQuery(TuntasDbContext db, HeadlineQuery headline)
{
    /// <summary>The whole dashboard, with exits between <paramref name="from"/> and <paramref name="to"/>; null when the region does not exist.</summary>
    public async Task<DashboardReport?> ReportAsync(RegionCode region, DateOnly at, DateOnly from, DateOnly to, CancellationToken ct = default)
    {
        if (await headline.ComputeAsync(region, at, ct) is not { } figures)
        {
            return null;
        }

        var trend = await TrendAsync(region, at, ct);
        return new DashboardReport(
            figures,
            await ExitsAsync(region, from, to, ct),
            figures.Target,
            trend,
            Trajectory.Project(trend),
            await PopulationAsync(region, at, ct),
            await ChildrenAsync(region, at, ct));
    }


    /// <summary>The caseload at the end of each day of <see cref="Trajectory.Days"/> from the region's first data; none without data.</summary>
    public async Task<IReadOnlyList<TrendPoint>> TrendAsync(RegionCode region, DateOnly at, CancellationToken ct = default)
    {
        // Days before the region's first data are left out: they would read as 0.
        var first = await new CompletenessQuery(db).FirstDataDayAsync(region, ct);
        if (first is null || first > at)
        {
            return [];
        }

        return await new DayCountQuery(db).CaseloadOnAsync(region, Trajectory.Days(at, first).ToList(), ct);
    }

    /// <summary>Changes of status into each exit effective in the period (a household that left twice counts twice).</summary>
    public async Task<PeriodExits> ExitsAsync(RegionCode region, DateOnly from, DateOnly to, CancellationToken ct = default)
    {
        var entered = await new DayCountQuery(db).EnteredAsync(region, from, to, ct);
        int Count(HouseholdStatus s) => entered.GetValueOrDefault(DayCountMeasure.Entered(s));
        return new PeriodExits(from, to, Count(HouseholdStatus.Graduated), Count(HouseholdStatus.Excluded), Count(HouseholdStatus.Moved), Count(HouseholdStatus.Deceased), Count(HouseholdStatus.Merged));
    }

    /// <summary>The households behind a count of <see cref="ExitsAsync"/>: a change to <paramref name="status"/> effective in the period, in the region.</summary>
    public IQueryable<Household> ExitedIn(RegionCode region, DateOnly from, DateOnly to, HouseholdStatus status)
    {
        var ids = HeadlineQuery.InRegion(db.StatusEvents, region)
            .Where(e => e.EffectiveDate >= from && e.EffectiveDate <= to && e.To == status && e.From != e.To)
            .Select(e => e.HouseholdId);
        return db.Households.Where(h => ids.Contains(h.Id));
    }

    /// <summary>The population figure of a region used on a day, or null.</summary>
    public async Task<PopulationFigure?> PopulationAsync(RegionCode region, DateOnly at, CancellationToken ct = default) =>
        (await PopulationsAsync([region], at, ct)).GetValueOrDefault(region.Value);

    /// <summary>The child regions with their caseload on a day and their population; none below a village; null counts for a child without data.</summary>
    public async Task<IReadOnlyList<ChildFigures>> ChildrenAsync(RegionCode region, DateOnly at, CancellationToken ct = default)
    {
        if (region.Level == RegionLevel.Village)
        {
            return [];
        }

        var children = await db.Regions.AsNoTracking().Where(r => r.ParentCode == region).OrderBy(r => r.Code).Select(r => new { r.Code, r.Name }).ToListAsync(ct);
        var caseload = await new DayCountQuery(db).ChildCaseloadAsync(region, at, ct);
        var population = await PopulationsAsync(children.Select(c => c.Code).ToList(), at, ct);
        var withData = await new CompletenessQuery(db).ChildrenWithDataAsync(region, at, ct: ct);
        return children
            .Select(c => (Child: c, Sum: caseload.GetValueOrDefault(c.Code.Value), Has: withData.Contains(c.Code.Value)))
            .Select(x => new ChildFigures(x.Child.Code, x.Child.Name, x.Has ? x.Sum.Households : null, x.Has ? x.Sum.People : null, population.GetValueOrDefault(x.Child.Code.Value)))
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
