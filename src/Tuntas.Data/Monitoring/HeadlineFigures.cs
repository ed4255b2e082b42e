using Microsoft.EntityFrameworkCore;
using Tuntas.Data.Interventions;
using Tuntas.Domain.Monitoring;
using Tuntas.Domain.Regions;
using Tuntas.Domain.Registry;
using Tuntas.Domain.Verification;

namespace Tuntas.Data.Monitoring;

/// <summary>The headline figures of a region at the end of a day (contracts §4).</summary>
public sealed record HeadlineFigures(string Region, string RegionName, DateOnly At, CaseloadFigures ExtremePoor, ExitFigures Exited, TargetFigure? Target);

/// <summary>
/// Households listed or verified that day; <c>Verified + Unverified == Households</c>.
/// <c>InHandling</c>: the verified ones a programme reached in the window before that day.
/// </summary>
public sealed record CaseloadFigures(int Households, int People, int Verified, int Unverified, int InHandling);

public sealed record ExitFigures(int Graduated, int Excluded, int Moved, int Deceased, int Merged);

public sealed record TargetFigure(DateOnly Date, int Households);

/// <summary>
/// Figures computed from the dated status history, never from the current status column: a
/// household's status on a day is the last change with an effective date on or before it.
/// </summary>
public sealed class HeadlineQuery(TuntasDbContext db, InterventionOptions? interventions = null)
{
    /// <summary>Each household's status at the end of <paramref name="at"/>, for households that had any change by then.</summary>
    public IQueryable<HouseholdStatusEvent> LastEventsAsOf(DateOnly at) =>
        db.StatusEvents.Where(e => e.EffectiveDate <= at && !db.StatusEvents.Any(o =>
            o.HouseholdId == e.HouseholdId && o.EffectiveDate <= at && (o.EffectiveDate > e.EffectiveDate || (o.EffectiveDate == e.EffectiveDate && o.Id > e.Id))));

    /// <summary>
    /// The households whose status at the end of a day is one of <paramref name="statuses"/>, counted
    /// in the region where they lived when that status took effect.
    /// </summary>
    public IQueryable<Household> HouseholdsAsOf(RegionCode region, DateOnly at, params HouseholdStatus[] statuses)
    {
        var ids = InRegion(LastEventsAsOf(at), region).Where(e => statuses.Contains(e.To)).Select(e => e.HouseholdId);
        return db.Households.Where(h => ids.Contains(h.Id));
    }

    /// <summary>The verified households a programme reached in the window before the end of <paramref name="at"/>: "in handling".</summary>
    public IQueryable<Household> InHandlingAsOf(RegionCode region, DateOnly at)
    {
        var verified = HouseholdsAsOf(region, at, HouseholdStatus.Verified).Select(h => h.Id);
        var window = Options.WindowStart(at);
        var reached = db.Deliveries
            .Where(d => verified.Contains(d.HouseholdId) && d.Date <= at && (d.PeriodEnd ?? d.Date) >= window)
            .Select(d => d.HouseholdId);
        return db.Households.Where(h => reached.Contains(h.Id));
    }

    /// <summary>Events in a region and below: an equality on the column of that level.</summary>
    public static IQueryable<HouseholdStatusEvent> InRegion(IQueryable<HouseholdStatusEvent> events, RegionCode region) => region.Level switch
    {
        RegionLevel.Province => events.Where(e => e.ProvinceCode == region),
        RegionLevel.Regency => events.Where(e => e.RegencyCode == region),
        RegionLevel.District => events.Where(e => e.DistrictCode == region),
        _ => events.Where(e => e.VillageCode == region),
    };

    /// <summary>
    /// The figures, or null when the region does not exist: read from the maintained day counts
    /// (a few hundred rows at most, whatever the size of the register). "In handling" is read there
    /// too when the counts were built with the same handling window; otherwise from the history.
    /// </summary>
    public async Task<HeadlineFigures?> ComputeAsync(RegionCode region, DateOnly at, CancellationToken ct = default)
    {
        var name = await db.Regions.AsNoTracking().Where(r => r.Code == region).Select(r => r.Name).SingleOrDefaultAsync(ct);
        if (name is null)
        {
            return null;
        }

        var totals = await new DayCountQuery(db).TotalsAsync(region, at, ct);
        DayCountSum Sum(string measure) => totals.GetValueOrDefault(measure);
        var counts = Enum.GetValues<HouseholdStatus>().ToDictionary(s => s, s => Sum(DayCountMeasure.Status(s)).Households);
        var people = Sum(DayCountMeasure.Status(HouseholdStatus.Listed)).People + Sum(DayCountMeasure.Status(HouseholdStatus.Verified)).People;
        var window = await DayCountStore.WindowAsync(db, ct);
        var inHandling = window.Months == Options.HandlingMonths
            ? Sum(DayCountMeasure.InHandling).Households
            : await InHandlingAsOf(region, at).CountAsync(ct);
        return await FiguresAsync(region, name, at, counts, people, inHandling, ct);
    }

    /// <summary>
    /// The same figures read straight from the status history (each household's last change on or
    /// before the day): the reference the day counts are checked against (<c>tuntas figures check</c>).
    /// </summary>
    public async Task<HeadlineFigures?> ComputeFromHistoryAsync(RegionCode region, DateOnly at, CancellationToken ct = default)
    {
        var name = await db.Regions.AsNoTracking().Where(r => r.Code == region).Select(r => r.Name).SingleOrDefaultAsync(ct);
        if (name is null)
        {
            return null;
        }

        var counts = await InRegion(LastEventsAsOf(at), region)
            .GroupBy(e => e.To)
            .Select(g => new { Status = g.Key, Households = g.Count() })
            .ToDictionaryAsync(x => x.Status, x => x.Households, ct);

        var caseload = HouseholdsAsOf(region, at, HouseholdStatus.Listed, HouseholdStatus.Verified).Select(h => h.Id);
        var people = await db.People.CountAsync(p => caseload.Contains(p.HouseholdId), ct);
        var inHandling = await InHandlingAsOf(region, at).CountAsync(ct);
        return await FiguresAsync(region, name, at, counts, people, inHandling, ct);
    }

    private InterventionOptions Options => interventions ?? InterventionOptions.Default;

    private async Task<HeadlineFigures> FiguresAsync(RegionCode region, string name, DateOnly at, IReadOnlyDictionary<HouseholdStatus, int> counts, int people, int inHandling, CancellationToken ct)
    {
        int Count(HouseholdStatus s) => counts.GetValueOrDefault(s);
        var targets = await db.Targets.AsNoTracking().Where(t => t.Region == region).ToListAsync(ct);
        var target = Target.Applicable(targets, at);

        return new HeadlineFigures(
            region.Value,
            name,
            at,
            new CaseloadFigures(Count(HouseholdStatus.Listed) + Count(HouseholdStatus.Verified), people, Count(HouseholdStatus.Verified), Count(HouseholdStatus.Listed), inHandling),
            new ExitFigures(Count(HouseholdStatus.Graduated), Count(HouseholdStatus.Excluded), Count(HouseholdStatus.Moved), Count(HouseholdStatus.Deceased), Count(HouseholdStatus.Merged)),
            target is null ? null : new TargetFigure(target.Date, target.Households));
    }
}
