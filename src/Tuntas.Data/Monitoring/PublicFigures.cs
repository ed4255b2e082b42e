using Microsoft.EntityFrameworkCore;
using Tuntas.Domain.Monitoring;
using Tuntas.Domain.Regions;

namespace Tuntas.Data.Monitoring;

/// <summary>
/// The headline figures as published to anyone (contracts §6): aggregates only, with the small
/// counts of a desa/kelurahan withheld (<see cref="SmallCountSuppression"/>).
/// </summary>
public sealed record PublicFigures(string Region, string RegionName, DateOnly At, PublicCaseload ExtremePoor, PublicExits Exited, TargetFigure? Target)
{
    /// <summary>Why the counts are null: nothing was loaded for the region by that day (not withheld: <c>suppressed</c> stays false).</summary>
    public NoData? NoData { get; init; }

    /// <summary>How many child regions have data that day; the totals leave the others out.</summary>
    public Completeness? Completeness { get; init; }

    /// <summary>The criteria the figures are computed with (<see cref="HeadlineFigures.Criteria"/>).</summary>
    public CriteriaVersion? Criteria { get; init; }
}

/// <summary>The caseload; a withheld count is null and <see cref="Suppressed"/> says so.</summary>
public sealed record PublicCaseload(int? Households, int? People, int? Verified, int? Unverified, int? InHandling, bool Suppressed)
{
    /// <summary>A caseload whose household count is withheld: nothing of it is published.</summary>
    public static readonly PublicCaseload Withheld = new(null, null, null, null, null, true);

    public static PublicCaseload Of(CaseloadFigures f, RegionLevel level)
    {
        if (f.Households is not { } total)
        {
            // No data: nothing to withhold.
            return new PublicCaseload(null, null, null, null, null, false);
        }

        if (SmallCountSuppression.Withholds(level, total))
        {
            // Every figure of a withheld caseload goes with it: the people count, the split and the
            // households in handling would each tell how many families there are.
            return Withheld;
        }

        var (households, verified, unverified) = SmallCountSuppression.PublishSplit(level, total, f.Verified ?? 0, f.Unverified ?? 0);
        var people = SmallCountSuppression.Publish(level, f.People ?? 0);
        var inHandling = SmallCountSuppression.Publish(level, f.InHandling ?? 0);
        var suppressed = households is null || people is null || verified is null || unverified is null || inHandling is null;
        return new PublicCaseload(households, people, verified, unverified, inHandling, suppressed);
    }
}

public sealed record PublicExits(int? Graduated, int? Excluded, int? Moved, int? Deceased, int? Merged, bool Suppressed)
{
    public static PublicExits Of(ExitFigures f, RegionLevel level)
    {
        if (f.Graduated is null)
        {
            return new PublicExits(null, null, null, null, null, false);
        }

        int? P(int? count) => SmallCountSuppression.Publish(level, count ?? 0);
        var shown = new PublicExits(P(f.Graduated), P(f.Excluded), P(f.Moved), P(f.Deceased), P(f.Merged), false);
        return shown with
        {
            Suppressed = shown.Graduated is null || shown.Excluded is null || shown.Moved is null || shown.Deceased is null || shown.Merged is null,
        };
    }
}

/// <summary>The caseload at the end of one month (the last point is the as-of day itself); null when withheld.</summary>
public sealed record PublicTrendPoint(DateOnly Date, int? Households);

/// <summary>A child region and its caseload that day; null when withheld, or when the region has no data that day (<see cref="NoData"/>).</summary>
public sealed record ChildFigure(string Code, string Name, RegionLevel Level, int? Households)
{
    public bool NoData { get; init; }
}

/// <summary>
/// How much of the reduction is backed by the field: of the households that left the caseload by
/// that day (and have not come back), how many left through a change with an approved visit behind it.
/// </summary>
public sealed record FieldProof(int Exits, int BackedByVisit);

/// <summary>Everything the public page shows about a region on a day.</summary>
public sealed record PublicReport(PublicFigures Figures, RegionLevel Level, IReadOnlyList<PublicTrendPoint> Trend, IReadOnlyList<ChildFigure> Children, FieldProof? Proof);

/// <summary>Computes the public figures from the maintained day counts, like <see cref="HeadlineQuery"/>.</summary>
public sealed class PublicFiguresQuery(TuntasDbContext db, HeadlineQuery headline)
{
    /// <summary>The published figures, or null when the region does not exist.</summary>
    public async Task<PublicFigures?> FiguresAsync(RegionCode region, DateOnly at, CancellationToken ct = default)
    {
        var figures = await headline.ComputeAsync(region, at, ct);
        return figures is null ? null : Publish(figures, region.Level);
    }

    /// <summary>The whole public report, or null when the region does not exist.</summary>
    public async Task<PublicReport?> ReportAsync(RegionCode region, DateOnly at, int months = 24, CancellationToken ct = default)
    {
        var figures = await headline.ComputeAsync(region, at, ct);
        if (figures is null)
        {
            return null;
        }

        // Months before the region's first data are left out: they would read as 0.
        var first = await new CompletenessQuery(db).FirstDataDayAsync(region, ct);
        var days = MonthEnds(at, months).Where(d => first is { } f && (d >= f || d == at) && figures.NoData is null).ToList();
        var trend = (await new DayCountQuery(db).CaseloadOnAsync(region, days, ct))
            .Select(p => new PublicTrendPoint(p.Day, SmallCountSuppression.Publish(region.Level, p.Households)))
            .ToList();

        var published = Publish(figures, region.Level);
        return new PublicReport(published, region.Level, trend, await ChildrenAsync(region, at, ct), await ProofAsync(region, at, published.Exited, ct));
    }

    /// <summary>The ends of the <paramref name="months"/> months up to <paramref name="at"/>, oldest first; the last is <paramref name="at"/>.</summary>
    public static IReadOnlyList<DateOnly> MonthEnds(DateOnly at, int months)
    {
        var days = new List<DateOnly>();
        for (var back = months - 1; back > 0; back--)
        {
            var month = at.AddMonths(-back);
            days.Add(new DateOnly(month.Year, month.Month, DateTime.DaysInMonth(month.Year, month.Month)));
        }

        days.Add(at);
        return days;
    }

    private static PublicFigures Publish(HeadlineFigures f, RegionLevel level) =>
        new(f.Region, f.RegionName, f.At, PublicCaseload.Of(f.ExtremePoor, level), PublicExits.Of(f.Exited, level), PublishTarget(f.Target, level))
        {
            NoData = f.NoData,
            Completeness = f.Completeness,
            Criteria = f.Criteria,
        };

    /// <summary>The target as published: a desa's small count on the target date is withheld like its other counts.</summary>
    private static TargetFigure? PublishTarget(TargetFigure? t, RegionLevel level) =>
        t is { HouseholdsOnDate: { } n } && SmallCountSuppression.Withholds(level, n) ? WithholdTarget(t) : t;

    /// <summary>
    /// A passed target whose count on the target date is withheld: every figure drawn from that count
    /// goes with it. Whether it was missed would bound the count (a target of 2 KK missed means 3 or 4),
    /// so <c>missed</c> is null, except for a target of 0 KK, which any withheld (non-zero) count misses:
    /// that says no more than the withholding itself.
    /// </summary>
    public static TargetFigure WithholdTarget(TargetFigure t) =>
        t with { HouseholdsOnDate = null, Missed = t.Households == 0 ? t.Missed : null, Suppressed = true };

    /// <summary>
    /// The child regions and their caseload that day, in code order, published beside the region's
    /// own total: the desa/kelurahan of a kecamatan under <see cref="SmallCountSuppression.PublishSiblings"/>.
    /// A desa's own page asks for its kecamatan's list (<see cref="SiblingWithholding"/>) to withhold the same counts.
    /// </summary>
    public async Task<IReadOnlyList<ChildFigure>> ChildrenAsync(RegionCode region, DateOnly at, CancellationToken ct = default)
    {
        if (region.Level == RegionLevel.Village)
        {
            return [];
        }

        var children = await db.Regions.AsNoTracking().Where(r => r.ParentCode == region).OrderBy(r => r.Code).ToListAsync(ct);
        var counts = await new DayCountQuery(db).ChildCaseloadAsync(region, at, ct);
        var withData = await new CompletenessQuery(db).ChildrenWithDataAsync(region, at, ct: ct);

        // Children are listed under the region's published total: one lone withheld count would be
        // that total minus the others, so the siblings (those with data) are published together.
        var reporting = children.Where(c => withData.Contains(c.Code.Value)).ToList();
        var shown = SmallCountSuppression.PublishSiblings(region.Level + 1, reporting.Select(c => counts.GetValueOrDefault(c.Code.Value).Households).ToList());
        var published = reporting.Select((c, i) => (c.Code.Value, shown[i])).ToDictionary(x => x.Value, x => x.Item2, StringComparer.Ordinal);
        return children
            .Select(c => withData.Contains(c.Code.Value)
                ? new ChildFigure(c.Code.Value, c.Name, c.Level, published[c.Code.Value])
                : new ChildFigure(c.Code.Value, c.Name, c.Level, null) { NoData = true })
            .ToList();
    }

    /// <summary>Exits from the caseload up to a day and how many of them an approved field visit backs; not withheld (for signed-in screens).</summary>
    public async Task<FieldProof> FieldProofAsync(RegionCode region, DateOnly at, CancellationToken ct = default)
    {
        var totals = await new DayCountQuery(db).TotalsAsync(region, at, ct);
        return new FieldProof(totals.GetValueOrDefault(DayCountMeasure.ExitedFromCaseload).Households, totals.GetValueOrDefault(DayCountMeasure.ExitedWithVisit).Households);
    }

    private async Task<FieldProof?> ProofAsync(RegionCode region, DateOnly at, PublicExits exits, CancellationToken ct)
    {
        var proof = await FieldProofAsync(region, at, ct);

        // A desa's small numbers stay private here too, on either side of the share; and the exits
        // total is not shown beside an exit count that is withheld (the total minus the shown ones would give it).
        var level = region.Level;
        return exits.Suppressed || SmallCountSuppression.Withholds(level, proof.Exits) || SmallCountSuppression.Withholds(level, proof.BackedByVisit)
            || SmallCountSuppression.Withholds(level, proof.Exits - proof.BackedByVisit) ? null : proof;
    }
}
