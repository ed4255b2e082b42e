using Microsoft.Extensions.Localization;
using Tuntas.Data.Monitoring;
using Tuntas.Web.Localization;

namespace Tuntas.Web.Monitoring;

/// <summary>
/// The words the dashboard and the public page both use for what a figure cannot say by itself: how
/// many child regions have data, why a region has none, and what became of a target whose date passed.
/// </summary>
public static class FigureWords
{
    /// <summary>"Data tersedia: 2 dari 10 kabupaten/kota".</summary>
    public static string Completeness(IStringLocalizer t, Completeness c) =>
        t["DataAvailable", Formats.Count(c.WithData), Formats.Count(c.Total), t["DataAvailableLevel." + c.Level]];

    /// <summary>The names of the child regions without data, in code order.</summary>
    public static string Missing(IStringLocalizer t, Completeness c, IReadOnlyDictionary<string, string> names) =>
        t["DataMissingRegions", string.Join(", ", c.Missing.Select(code => names.GetValueOrDefault(code, code)))];

    /// <summary>Why a region shows no figures on the day.</summary>
    public static string NoData(IStringLocalizer t, NoData none, DateOnly at) =>
        none.FirstDataOn is { } first
            ? $"{t["NoDataForRegion", Formats.Date(at)]} {t["NoDataFirstOn", Formats.Date(first)]}"
            : t["NoDataForRegion", Formats.Date(at)];

    /// <summary>
    /// What became of a target whose date has passed: "target terlewat: 7 KK pada 31 Desember 2025",
    /// reached, or no data on that date; null while the date is still ahead.
    /// </summary>
    public static string? Passed(IStringLocalizer t, TargetFigure target)
    {
        if (!target.Passed)
        {
            return null;
        }

        var date = Formats.Date(target.Date);
        if (target.Suppressed)
        {
            return target.Missed == true ? t["TargetMissedWithheld", date] : t["TargetPassedWithheld", date];
        }

        return target.HouseholdsOnDate is not { } count
            ? target.Missed == true ? t["TargetMissedWithheld", date] : t["TargetNoDataOnDate", date]
            : target.Missed == true ? t["TargetMissedLine", Formats.Count(count), date] : t["TargetReachedLine", Formats.Count(count), date];
    }

    /// <summary>"diwariskan dari target Kota Bontang" for a target set for an ancestor; null for the region's own.</summary>
    public static string? Inherited(IStringLocalizer t, TargetFigure target) =>
        target.Source == TargetSources.National ? t["TargetNational", target.Basis ?? ""].Value
        : target.Inherited ? t["TargetInheritedFrom", target.RegionName].Value : null;

    /// <summary>"Kriteria 2024 (nasional): garis bps-215-ppp2017, Rp391.000/orang/bulan, sumber …", or the words for none configured.</summary>
    public static string Criteria(IStringLocalizer t, CriteriaVersion? criteria) =>
        criteria is null ? t["CriteriaNone"].Value
        : t["CriteriaLine", criteria.Year, criteria.Region ?? t["CriteriaNational"].Value, criteria.Line ?? t["CriteriaLineByHand"].Value, Formats.Rupiah(criteria.LinePerCapita), criteria.Source].Value;
}
