using Microsoft.EntityFrameworkCore;
using Tuntas.Data.Access;
using Tuntas.Domain.Regions;

namespace Tuntas.Data.Monitoring;

/// <summary>
/// Why a region has no figures on a day: nothing was loaded for it by then. <see cref="FirstDataOn"/>
/// is the first day it has data, when that came later.
/// </summary>
public sealed record NoData(string Reason, DateOnly? FirstDataOn);

/// <summary>
/// How many of a region's child regions (<see cref="Level"/>: <c>regency</c>, <c>district</c> or
/// <c>village</c>) have data on the day; the codes of the others, which the totals leave out.
/// </summary>
public sealed record Completeness(string Level, int WithData, int Total, IReadOnlyList<string> Missing)
{
    [System.Text.Json.Serialization.JsonIgnore]
    public bool Complete => Missing.Count == 0;

    public bool Equals(Completeness? other) =>
        other is not null && Level == other.Level && WithData == other.WithData && Total == other.Total && Missing.SequenceEqual(other.Missing);

    public override int GetHashCode() => HashCode.Combine(Level, WithData, Total, Missing.Count);
}

/// <summary>
/// The one rule of "no data": a region has data on a day when households were loaded for it by the end
/// of that day (a status change in it effective on or before the day, or a household of it created by
/// then), or, where the caller counts them (the province consolidation), a kabupaten/kota report package
/// dated on or before the day. Until then its figures are absent (null), never 0, and its parent's
/// totals say it is missing. Dashboards, rankings, the public page and API, <c>tuntas stats</c> and
/// the province consolidation all ask here.
/// </summary>
public sealed class CompletenessQuery(TuntasDbContext db)
{
    /// <summary>True when households of the region were loaded by the end of <paramref name="at"/>.</summary>
    public async Task<bool> HasHouseholdsAsync(RegionCode region, DateOnly at, CancellationToken ct = default)
    {
        if (await HeadlineQuery.InRegion(db.StatusEvents, region).AnyAsync(e => e.EffectiveDate <= at, ct))
        {
            return true;
        }

        var cutoff = EndOfDayUtc(region, at);
        return await db.Households.InRegion(region).AnyAsync(h => h.CreatedAt < cutoff, ct);
    }

    /// <summary>True when a report package of the region, or of a kabupaten/kota inside it, dated on or before the day was imported.</summary>
    public async Task<bool> HasPackageAsync(RegionCode region, DateOnly at, CancellationToken ct = default)
    {
        if (region.Level > RegionLevel.Regency)
        {
            return false;
        }

        var prefix = region.Value + ".";
        return (await db.ImportedReports.AsNoTracking().Where(r => r.At <= at).Select(r => r.Region).Distinct().ToListAsync(ct))
            .Any(r => r == region.Value || r.StartsWith(prefix, StringComparison.Ordinal));
    }

    /// <summary>True when the region has data on the day (households; packages too when <paramref name="withPackages"/>).</summary>
    public async Task<bool> HasDataAsync(RegionCode region, DateOnly at, bool withPackages = false, CancellationToken ct = default) =>
        await HasHouseholdsAsync(region, at, ct) || (withPackages && await HasPackageAsync(region, at, ct));

    /// <summary>Null when the region has data on the day; otherwise why not, in plain words.</summary>
    public async Task<NoData?> NoDataAsync(RegionCode region, DateOnly at, bool withPackages = false, CancellationToken ct = default)
    {
        if (await HasDataAsync(region, at, withPackages, ct))
        {
            return null;
        }

        var first = await FirstDataDayAsync(region, ct);
        var reason = first is { } day
            ? $"No data for this region on {Iso(at)}: its first households were loaded on {Iso(day)}."
            : withPackages
                ? "No data for this region: neither its households nor a report package have been loaded."
                : "No data for this region: its households have not been loaded.";
        return new NoData(reason, first);
    }

    /// <summary>The first day the region has households: its earliest status change or household, or null.</summary>
    public async Task<DateOnly?> FirstDataDayAsync(RegionCode region, CancellationToken ct = default)
    {
        var firstChange = await HeadlineQuery.InRegion(db.StatusEvents, region).MinAsync(e => (DateOnly?)e.EffectiveDate, ct);
        var firstCreated = await db.Households.InRegion(region).MinAsync(h => (DateTime?)h.CreatedAt, ct);
        DateOnly? created = firstCreated is { } c ? RegionClock.DayAt(DateTime.SpecifyKind(c, DateTimeKind.Utc), region) : null;
        return (firstChange, created) switch
        {
            ({ } a, { } b) => a < b ? a : b,
            ({ } a, null) => a,
            (null, { } b) => b,
            _ => null,
        };
    }

    /// <summary>The child regions with data on the day, by code; empty for a desa/kelurahan.</summary>
    public async Task<IReadOnlySet<string>> ChildrenWithDataAsync(RegionCode region, DateOnly at, bool withPackages = false, CancellationToken ct = default)
    {
        var result = new HashSet<string>(StringComparer.Ordinal);
        if (region.Level == RegionLevel.Village)
        {
            return result;
        }

        // Two reads for all the children (each an indexed existence test per child), whatever their number.
        var children = db.Regions.AsNoTracking().Where(r => r.ParentCode == region);
        var events = db.StatusEvents.Where(e => e.EffectiveDate <= at);
        var cutoff = EndOfDayUtc(region, at);
        var households = db.Households.Where(h => h.CreatedAt < cutoff);
        var (withEvents, withHouseholds) = (region.Level + 1) switch
        {
            RegionLevel.Regency => (
                children.Where(r => events.Any(e => e.RegencyCode == r.Code)),
                children.Where(r => households.Any(h => h.RegencyCode == r.Code))),
            RegionLevel.District => (
                children.Where(r => events.Any(e => e.DistrictCode == r.Code)),
                children.Where(r => households.Any(h => h.DistrictCode == r.Code))),
            _ => (
                children.Where(r => events.Any(e => e.VillageCode == r.Code)),
                children.Where(r => households.Any(h => h.VillageCode == r.Code))),
        };
        foreach (var code in await withEvents.Select(r => r.Code).ToListAsync(ct))
        {
            result.Add(code.Value);
        }

        foreach (var code in await withHouseholds.Select(r => r.Code).ToListAsync(ct))
        {
            result.Add(code.Value);
        }

        if (withPackages)
        {
            foreach (var code in await children.Select(r => r.Code).ToListAsync(ct))
            {
                if (!result.Contains(code.Value) && await HasPackageAsync(code, at, ct))
                {
                    result.Add(code.Value);
                }
            }
        }

        return result;
    }

    /// <summary>How many child regions have data on the day; null for a desa/kelurahan (it has none).</summary>
    public async Task<Completeness?> OfChildrenAsync(RegionCode region, DateOnly at, bool withPackages = false, CancellationToken ct = default)
    {
        if (region.Level == RegionLevel.Village)
        {
            return null;
        }

        var children = await db.Regions.AsNoTracking().Where(r => r.ParentCode == region).OrderBy(r => r.Code).Select(r => r.Code).ToListAsync(ct);
        var with = await ChildrenWithDataAsync(region, at, withPackages, ct);
        return Of(region.Level + 1, children.Select(c => c.Value).ToList(), with);
    }

    /// <summary>The completeness of a list of child regions (in order) given those with data.</summary>
    public static Completeness Of(RegionLevel childLevel, IReadOnlyList<string> children, IReadOnlySet<string> withData) =>
        new(childLevel.ToWire(), children.Count(withData.Contains), children.Count, children.Where(c => !withData.Contains(c)).ToList());

    /// <summary>The first instant after the day in the region's zone, in UTC.</summary>
    private static DateTime EndOfDayUtc(RegionCode region, DateOnly at) =>
        DateTime.SpecifyKind(at.AddDays(1).ToDateTime(TimeOnly.MinValue) - RegionTimeZone.Of(region).Offset, DateTimeKind.Utc);

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
