using Tuntas.Domain.Monitoring;
using Tuntas.Domain.Regions;

namespace Tuntas.Data.Monitoring;

/// <summary>
/// A desa/kelurahan's own public figures agree with its kecamatan's list. The list withholds a
/// second desa beside a lone withheld one (<see cref="SmallCountSuppression.PublishSiblings"/>);
/// if that desa's page, trend or API answer then showed its count, one click would give back what
/// the list withholds. So a household count withheld in the kecamatan's list on a day is withheld
/// on the desa's own page for that day too, with the people, split and in-handling counts beside it,
/// and so is the count on a passed target's date when the list withholds it on that date.
/// </summary>
public static class SiblingWithholding
{
    /// <summary>The published figures (<see cref="PublicFiguresQuery.FiguresAsync"/>), agreeing with the kecamatan's list.</summary>
    public static async Task<PublicFigures?> FiguresWithSiblingsAsync(this PublicFiguresQuery query, RegionCode region, DateOnly at, CancellationToken ct = default)
    {
        var figures = await query.FiguresAsync(region, at, ct);
        if (figures is null)
        {
            return null;
        }

        figures = figures is { ExtremePoor.Households: not null } && await WithheldInParentListAsync(query, region, at, ct) ? Withhold(figures) : figures;
        return figures with { Target = await TargetAsync(query, region, figures.Target, ct) };
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
        return report with { Figures = figures with { Target = await TargetAsync(query, region, figures.Target, ct) }, Trend = trend };
    }

    /// <summary>The passed target's count on its date, withheld when the kecamatan's list withholds it on that day.</summary>
    private static async Task<TargetFigure?> TargetAsync(PublicFiguresQuery query, RegionCode region, TargetFigure? target, CancellationToken ct) =>
        target is { Passed: true, HouseholdsOnDate: not null } && await WithheldInParentListAsync(query, region, target.Date, ct)
            ? PublicFiguresQuery.WithholdTarget(target) : target;

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
    /// A count the list withholds beside another desa's small one, withheld here with every figure
    /// of the caseload (people, the split, those in handling), as for a desa's own small count
    /// (<see cref="PublicCaseload.Of"/>).
    /// </summary>
    private static PublicFigures Withhold(PublicFigures figures) => figures with { ExtremePoor = PublicCaseload.Withheld };
}
