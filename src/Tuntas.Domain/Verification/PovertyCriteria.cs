using Tuntas.Domain.Common;
using Tuntas.Domain.Regions;

namespace Tuntas.Domain.Verification;

/// <summary>
/// The criteria of one year, for the whole country (no region) or for one region and everything
/// below it: the extreme poverty line, which desil counts as extreme poor and from which ranking,
/// and the indicator threshold of Kepmensos 262/HUK/2022. Configuration, never code.
/// </summary>
public sealed class PovertyCriteria
{
    /// <summary>The shipped default: BPS's 2021 line from USD 1.90 PPP 2011, Rp10.739 a day.</summary>
    public static PovertyCriteria Default2021(DateTime nowUtc) => new(2021, null, 322_170, "BPS 2021: USD 1,90 PPP 2011 (Rp10.739/orang/hari)", nowUtc, "system") { LineCode = PovertyLine.LegacyCode };

    /// <summary>
    /// The criteria a new database is given: 2021 on the legacy USD 1.90 PPP 2011 line (what BPS used
    /// then), and from 2022 one row a year on the official USD 2.15 PPP 2017 line, each reading that
    /// year's rupiah value of the line.
    /// </summary>
    public static IReadOnlyList<PovertyCriteria> Shipped(IReadOnlyList<PovertyLine> lines, DateTime nowUtc, string actor) =>
        lines.Where(l => l.Code == PovertyLine.LegacyCode && l.Year == 2021)
            .Select(l => new PovertyCriteria(l.Year, null, l.LinePerCapita, l.Source, nowUtc, actor) { LineCode = l.Code })
            .Concat(lines.Where(l => l.Code == PovertyLine.DefaultCode).OrderBy(l => l.Year).Select(l => FromLine(l, l.Year, null, nowUtc, actor)))
            .ToList();

    /// <summary>Criteria of a year (and region) reading a line's value: its rupiah and its source are copied, and the line's code kept.</summary>
    public static PovertyCriteria FromLine(PovertyLine line, int year, RegionCode? region, DateTime nowUtc, string actor) =>
        new(year, region, line.LinePerCapita, $"{line.Basis}, {line.Year}: {line.Source}", nowUtc, actor) { LineCode = line.Code };

    public PovertyCriteria(int year, RegionCode? region, long linePerCapita, string lineSource, DateTime nowUtc, string createdBy)
    {
        if (year is < 2000 or > 2100)
        {
            throw new DomainException(VerificationErrors.ImplausibleCriteriaYear(year));
        }

        if (linePerCapita <= 0)
        {
            throw new DomainException(VerificationErrors.PovertyLineNotPositive());
        }

        if (string.IsNullOrWhiteSpace(lineSource))
        {
            throw new DomainException(VerificationErrors.PovertyLineWithoutSource());
        }

        Year = year;
        Region = region;
        LinePerCapita = linePerCapita;
        LineSource = lineSource.Trim();
        CreatedAt = nowUtc;
        CreatedBy = createdBy;
    }

    // For EF Core materialisation.
    private PovertyCriteria()
    {
        LineSource = CreatedBy = null!;
    }

    public long Id { get; private set; }

    public int Year { get; private set; }

    /// <summary>The region these criteria apply to (and below); null for the whole country.</summary>
    public RegionCode? Region { get; private set; }

    /// <summary>Extreme poverty line, whole rupiah per person per month.</summary>
    public long LinePerCapita { get; set; }

    public string LineSource { get; set; }

    /// <summary>The poverty line (<see cref="PovertyLine.Code"/>) the rupiah figure was taken from; null for a figure typed in by hand.</summary>
    public string? LineCode { get; set; }

    /// <summary>The highest desil that counts as extreme poor (1 in local practice).</summary>
    public int DesilMax { get; set; } = 1;

    /// <summary>The ranking the desil must come from (P3KE, DTKS, DTSEN); null accepts any named source.</summary>
    public string? DesilSource { get; set; }

    /// <summary>The period of that ranking; null accepts any.</summary>
    public string? DesilPeriod { get; set; }

    /// <summary>How many of the eight indicators make a household fakir miskin (default 6).</summary>
    public int IndicatorThreshold { get; set; } = 6;

    public DateTime CreatedAt { get; private set; }

    public string CreatedBy { get; private set; }

    /// <summary>
    /// The criteria that apply to a village on a day: the latest year not after that day, preferring
    /// the most specific region (desa, then kecamatan, kabupaten/kota, provinsi, the country) within it.
    /// A year without its own line uses the latest earlier one.
    /// </summary>
    public static PovertyCriteria? Select(IEnumerable<PovertyCriteria> all, RegionCode village, DateOnly at)
    {
        var applicable = all.Where(c => c.Year <= at.Year && (c.Region is null || c.Region.Contains(village))).ToList();
        return Latest(applicable);
    }

    /// <summary>
    /// The criteria the figures of a region (any level) are computed with on a day: as
    /// <see cref="Select"/>, from the criteria of the region itself or of a region containing it.
    /// Criteria set only for a part of the region apply to that part and are not named here.
    /// </summary>
    public static PovertyCriteria? ForRegion(IEnumerable<PovertyCriteria> all, RegionCode region, DateOnly at) =>
        Latest(all.Where(c => c.Year <= at.Year && (c.Region is null || c.Region == region || c.Region.Contains(region))).ToList());

    private static PovertyCriteria? Latest(List<PovertyCriteria> applicable)
    {
        if (applicable.Count == 0)
        {
            return null;
        }

        var year = applicable.Max(c => c.Year);
        return applicable.Where(c => c.Year == year)
            .OrderByDescending(c => c.Region is null ? -1 : (int)c.Region.Level)
            .ThenByDescending(c => c.CreatedAt)
            .First();
    }
}
