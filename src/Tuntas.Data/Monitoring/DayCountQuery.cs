using Microsoft.EntityFrameworkCore;
using Tuntas.Domain.Monitoring;
using Tuntas.Domain.Regions;

namespace Tuntas.Data.Monitoring;

/// <summary>A measure's figure: households and their members.</summary>
public readonly record struct DayCountSum(int Households, int People);

/// <summary>
/// Reads the maintained day counts (<see cref="RegionDayCount"/>): a figure as of a day is the sum
/// of one region's changes up to that day, so the work grows with the number of days that saw a
/// change in the region, not with the number of households.
/// </summary>
public sealed class DayCountQuery(TuntasDbContext db)
{
    /// <summary>Every measure of a region at the end of a day.</summary>
    public async Task<IReadOnlyDictionary<string, DayCountSum>> TotalsAsync(RegionCode region, DateOnly at, CancellationToken ct = default) =>
        await db.DayCounts.AsNoTracking().Where(c => c.Region == region && c.Day <= at)
            .GroupBy(c => c.Measure)
            .Select(g => new { g.Key, Households = g.Sum(c => c.Households), People = g.Sum(c => c.People) })
            .ToDictionaryAsync(x => x.Key, x => new DayCountSum(x.Households, x.People), StringComparer.Ordinal, ct);

    /// <summary>The caseload (listed and verified) of each child region at the end of a day, by child code.</summary>
    public async Task<IReadOnlyDictionary<string, DayCountSum>> ChildCaseloadAsync(RegionCode region, DateOnly at, CancellationToken ct = default) =>
        (await db.DayCounts.AsNoTracking().Where(c => c.Parent == region && c.Measure == DayCountMeasure.Caseload && c.Day <= at)
            .GroupBy(c => c.Region)
            .Select(g => new { g.Key, Households = g.Sum(c => c.Households), People = g.Sum(c => c.People) })
            .ToListAsync(ct))
        .ToDictionary(x => x.Key.Value, x => new DayCountSum(x.Households, x.People), StringComparer.Ordinal);

    /// <summary>
    /// The caseload at the end of each of <paramref name="days"/> (in any order): the region's changes
    /// summed by month in the database (a few dozen rows back), plus the part of a month up to a day
    /// that is not a month's end.
    /// </summary>
    public async Task<IReadOnlyList<TrendPoint>> CaseloadOnAsync(RegionCode region, IReadOnlyList<DateOnly> days, CancellationToken ct = default)
    {
        if (days.Count == 0)
        {
            return [];
        }

        var last = days.Max();
        var caseload = db.DayCounts.AsNoTracking().Where(c => c.Region == region && c.Measure == DayCountMeasure.Caseload);
        var months = (await caseload.Where(c => c.Day <= last)
                .GroupBy(c => new { c.Day.Year, c.Day.Month })
                .Select(g => new { g.Key.Year, g.Key.Month, Households = g.Sum(c => c.Households) })
                .ToListAsync(ct))
            .Select(m => (Month: new DateOnly(m.Year, m.Month, 1), m.Households))
            .ToList();
        var points = new List<TrendPoint>();
        foreach (var day in days)
        {
            var month = new DateOnly(day.Year, day.Month, 1);
            var before = months.Where(m => m.Month < month).Sum(m => m.Households);
            var monthEnd = month.AddMonths(1).AddDays(-1);
            var within = day == monthEnd || day == last
                ? months.Where(m => m.Month == month).Sum(m => m.Households)
                : await caseload.Where(c => c.Day >= month && c.Day <= day).SumAsync(c => c.Households, ct);
            points.Add(new TrendPoint(day, before + within));
        }

        return points;
    }

    /// <summary>The first day a status change took effect in the region, or null.</summary>
    public Task<DateOnly?> FirstDayAsync(RegionCode region, CancellationToken ct = default) =>
        db.DayCounts.AsNoTracking().Where(c => c.Region == region).MinAsync(c => (DateOnly?)c.Day, ct);

    /// <summary>Status changes into each exit status effective from <paramref name="from"/> to <paramref name="to"/>, by entry measure.</summary>
    public async Task<IReadOnlyDictionary<string, int>> EnteredAsync(RegionCode region, DateOnly from, DateOnly to, CancellationToken ct = default) =>
        await db.DayCounts.AsNoTracking().Where(c => c.Region == region && c.Day >= from && c.Day <= to && c.Measure.StartsWith("Entered"))
            .GroupBy(c => c.Measure)
            .Select(g => new { g.Key, Households = g.Sum(c => c.Households) })
            .ToDictionaryAsync(x => x.Key, x => x.Households, StringComparer.Ordinal, ct);
}
