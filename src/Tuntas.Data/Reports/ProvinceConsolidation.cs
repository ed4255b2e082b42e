using Microsoft.EntityFrameworkCore;
using Tuntas.Data.Monitoring;
using Tuntas.Domain.Regions;

namespace Tuntas.Data.Reports;

/// <summary>One kabupaten/kota in the province's figures, and where its figure comes from.</summary>
/// <summary><c>Reported</c> is false for a kabupaten/kota with neither a package nor households in this database (its 0 means "no data").</summary>
public sealed record RegencyFigure(string Region, string Name, int ExtremePoorHouseholds, int People, string Source, bool Reported, DateOnly? PackageAt, string? PackageSha256);

/// <summary>A kabupaten/kota whose package and household data disagree.</summary>
public sealed record RegencyDifference(string Region, string Name, int Package, int Registry, int Difference);

/// <summary>The sum over the kabupaten/kota with data, and how many were counted from packages and from households here.</summary>
public sealed record ProvinceTotal(int ExtremePoorHouseholds, int People, int FromPackages, int FromRegistry);

/// <summary>The consolidation; <see cref="Completeness"/> says how many kabupaten/kota have data (a package or households) and which do not.</summary>
public sealed record ProvinceReport(string Region, string RegionName, DateOnly At, IReadOnlyList<RegencyFigure> Regencies, ProvinceTotal Total, IReadOnlyList<RegencyDifference> Differences, Completeness Completeness);

/// <summary>
/// The province's figures on a day: for each kabupaten/kota, its latest package dated on or before
/// the day when one was imported ("package"), otherwise the households in this database
/// ("registry"). Where both exist, the two are compared. Whether a kabupaten/kota has data is the
/// rule of <see cref="CompletenessQuery"/> with packages counted.
/// </summary>
public sealed class ProvinceConsolidation(TuntasDbContext db, HeadlineQuery headline)
{
    public async Task<ProvinceReport?> ComputeAsync(RegionCode province, DateOnly at, CancellationToken ct = default)
    {
        var region = await db.Regions.AsNoTracking().SingleOrDefaultAsync(r => r.Code == province, ct);
        if (region is null || province.Level != RegionLevel.Province)
        {
            return null;
        }

        var regencies = await db.Regions.AsNoTracking().Where(r => r.ParentCode == province).OrderBy(r => r.Code).Select(r => new { r.Code, r.Name }).ToListAsync(ct);
        var packages = (await db.ImportedReports.AsNoTracking().Where(r => r.At <= at).ToListAsync(ct))
            .Where(r => r.Region.StartsWith(province.Value + ".", StringComparison.Ordinal))
            .GroupBy(r => r.Region)
            .ToDictionary(g => g.Key, g => g.OrderByDescending(r => r.At).ThenByDescending(r => r.ImportedAt).First());

        var rows = new List<RegencyFigure>();
        var differences = new List<RegencyDifference>();
        foreach (var regency in regencies)
        {
            var registry = await headline.ComputeAsync(regency.Code, at, ct) is { NoData: null } figures ? figures : null;
            if (packages.TryGetValue(regency.Code.Value, out var package))
            {
                rows.Add(new RegencyFigure(regency.Code.Value, regency.Name, package.ExtremePoorHouseholds, package.People, "package", true, package.At, package.Sha256));
                if (registry is not null)
                {
                    var count = registry.ExtremePoor.Households!.Value;
                    differences.Add(new RegencyDifference(regency.Code.Value, regency.Name, package.ExtremePoorHouseholds, count, package.ExtremePoorHouseholds - count));
                }
            }
            else
            {
                // Without data the figure stays out of the total (Reported false), shown as "no data".
                rows.Add(new RegencyFigure(regency.Code.Value, regency.Name, registry?.ExtremePoor.Households ?? 0, registry?.ExtremePoor.People ?? 0, "registry", registry is not null, null, null));
            }
        }

        var total = new ProvinceTotal(rows.Sum(r => r.ExtremePoorHouseholds), rows.Sum(r => r.People), rows.Count(r => r.Source == "package"), rows.Count(r => r.Source == "registry" && r.Reported));
        var completeness = CompletenessQuery.Of(RegionLevel.Regency, rows.Select(r => r.Region).ToList(), rows.Where(r => r.Reported).Select(r => r.Region).ToHashSet(StringComparer.Ordinal));
        return new ProvinceReport(province.Value, region.Name, at, rows, total, differences, completeness);
    }
}
