using Microsoft.EntityFrameworkCore;
using Tuntas.Data.Access;
using Tuntas.Domain.Regions;
using Tuntas.Domain.Registry;
using Tuntas.Domain.Verification;

namespace Tuntas.Data.Verification;

/// <summary>One line's value for the year of the comparison and how many households spend less than it.</summary>
public sealed record LineComparison(string Code, string Basis, int Year, long LinePerCapita, string Source, string? Computation, bool Official, int Below);

/// <summary>The effect of the choice of line on a region (<c>tuntas criteria compare</c>).</summary>
public sealed record LinesComparison(string Region, string RegionName, DateOnly At, int Households, int WithSpending, IReadOnlyList<LineComparison> Lines);

/// <summary>The reference table of poverty lines and the comparison of their effect.</summary>
public sealed class PovertyLineQueries(TuntasDbContext db)
{
    /// <summary>Every line value, by code and year.</summary>
    public async Task<List<PovertyLine>> LinesAsync(CancellationToken ct = default) =>
        (await db.PovertyLines.AsNoTracking().ToListAsync(ct))
            .OrderByDescending(l => l.Official).ThenBy(l => l.Code, StringComparer.Ordinal).ThenBy(l => l.Year)
            .ToList();

    /// <summary>
    /// For each line, its value for the year of <paramref name="at"/> (or the latest earlier one), and
    /// how many of the region's households (where they live now; not moved away, deceased or merged)
    /// have a spending per person below it. Households without a spending figure are counted in
    /// <see cref="LinesComparison.Households"/> but below no line. Null when the region does not exist.
    /// </summary>
    public async Task<LinesComparison?> CompareAsync(RegionCode region, DateOnly at, CancellationToken ct = default)
    {
        var name = await db.Regions.AsNoTracking().Where(r => r.Code == region).Select(r => r.Name).SingleOrDefaultAsync(ct);
        if (name is null)
        {
            return null;
        }

        var gone = new[] { HouseholdStatus.Moved, HouseholdStatus.Deceased, HouseholdStatus.Merged };
        var households = db.Households.AsNoTracking().InRegion(region).Where(h => !gone.Contains(h.Status));
        var total = await households.CountAsync(ct);
        var withSpending = households.Where(h => h.SpendingPerCapita != null);
        var spendingCount = await withSpending.CountAsync(ct);
        var all = await LinesAsync(ct);
        var result = new List<LineComparison>();
        foreach (var code in all.Select(l => l.Code).Distinct())
        {
            if (PovertyLine.Select(all, code, at.Year) is not { } line)
            {
                continue;
            }

            var value = line.LinePerCapita;
            var below = await withSpending.CountAsync(h => h.SpendingPerCapita < value, ct);
            result.Add(new LineComparison(line.Code, line.Basis, line.Year, value, line.Source, line.Computation, line.Official, below));
        }

        return new LinesComparison(region.Value, name, at, total, spendingCount, result);
    }
}
