using Tuntas.Domain.Monitoring;
using Tuntas.Domain.Regions;

namespace Tuntas.Data.Monitoring;

/// <summary>
/// A desa/kelurahan's own public figures agree with its kecamatan's list. The list withholds a
/// second desa beside a lone withheld one (<see cref="SmallCountSuppression.PublishSiblings"/>);
/// if that desa's page, trend or API answer then showed its count, one click would give back what
/// the list withholds. So a household count withheld in the kecamatan's list on a day is withheld
/// on the desa's own page for that day too, with the verified/listed split that adds up to it.
/// </summary>
public static class SiblingWithholding
{
    /// <summary>The published figures (<see cref="PublicFiguresQuery.FiguresAsync"/>), agreeing with the kecamatan's list.</summary>
    public static async Task<PublicFigures?> FiguresWithSiblingsAsync(this PublicFiguresQuery query, RegionCode region, DateOnly at, CancellationToken ct = default)
    {
        var figures = await query.FiguresAsync(region, at, ct);
        return figures is { ExtremePoor.Households: not null } && await WithheldInParentListAsync(query, region, at, ct) ? Withhold(figures) : figures;
    }

    /// <summary>The public report (<see cref="PublicFiguresQuery.ReportAsync"/>), its headline and trend agreeing with the kecamatan's list.</summary>
    public static async Task<PublicReport?> ReportWithSiblingsAsync(this PublicFiguresQuery query, RegionCode region, DateOnly at, int months = 24, CancellationToken ct = default)
    {
        var report = await query.ReportAsync(region, at, months, ct);
        if (report is null || !SmallCountSuppression.AppliesTo(region.Level))
        {
            return report;
        }

        var trend = new List<PublicTrendPoint>(report.Trend.Count);
        foreach (var point in report.Trend)
        {
            trend.Add(point.Households is not null && await WithheldInParentListAsync(query, region, point.Date, ct) ? point with { Households = null } : point);
        }

        var figures = report.Figures is { ExtremePoor.Households: not null } && await WithheldInParentListAsync(query, region, at, ct)
            ? Withhold(report.Figures) : report.Figures;
        return report with { Figures = figures, Trend = trend };
    }

    /// <summary>True when the kecamatan's list withholds this desa's household count on that day.</summary>
    private static async Task<bool> WithheldInParentListAsync(PublicFiguresQuery query, RegionCode region, DateOnly at, CancellationToken ct)
    {
        if (!SmallCountSuppression.AppliesTo(region.Level) || region.Parent is not { } parent)
        {
            return false;
        }

        var siblings = await query.ChildrenAsync(parent, at, ct);
        return siblings.Any(s => s.Code == region.Value && s.Households is null);
    }

    /// <summary>
    /// A count the list withholds beside another desa's small one, withheld here with the two parts
    /// that add up to it. (A desa's own small count is already withheld by <see cref="PublicCaseload.Of"/>.)
    /// </summary>
    private static PublicFigures Withhold(PublicFigures figures) => figures with
    {
        ExtremePoor = figures.ExtremePoor with { Households = null, Verified = null, Unverified = null, Suppressed = true },
    };
}
