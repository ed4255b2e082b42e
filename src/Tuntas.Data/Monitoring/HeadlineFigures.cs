using Microsoft.EntityFrameworkCore;
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
public sealed class HeadlineQuery(TuntasDbContext db, Interventions.InterventionOptions? interventions = null)
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
        var window = (interventions ?? new Interventions.InterventionOptions()).WindowStart(at);
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

    /// <summary>The figures, or null when the region does not exist.</summary>
    public async Task<HeadlineFigures?> ComputeAsync(RegionCode region, DateOnly at, CancellationToken ct = default)
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
        int Count(HouseholdStatus s) => counts.GetValueOrDefault(s);

        var caseload = HouseholdsAsOf(region, at, HouseholdStatus.Listed, HouseholdStatus.Verified).Select(h => h.Id);
        var people = await db.People.CountAsync(p => caseload.Contains(p.HouseholdId), ct);

        var inHandling = await InHandlingAsOf(region, at).CountAsync(ct);

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
