using Microsoft.EntityFrameworkCore;
using Tuntas.Data.Interventions;
using Tuntas.Domain.Monitoring;
using Tuntas.Domain.Regions;
using Tuntas.Domain.Registry;
using Tuntas.Domain.Verification;

namespace Tuntas.Data.Monitoring;

/// <summary>
/// The headline figures of a region at the end of a day (contracts §4). A region without data that
/// day (<see cref="CompletenessQuery"/>) has null counts and <see cref="NoData"/> says why; a region
/// with child regions says in <see cref="Completeness"/> how many of them its totals include.
/// </summary>
public sealed record HeadlineFigures(string Region, string RegionName, DateOnly At, CaseloadFigures ExtremePoor, ExitFigures Exited, TargetFigure? Target)
{
    /// <summary>Why the counts are null: nothing was loaded for the region by that day; null when it has data.</summary>
    public NoData? NoData { get; init; }

    /// <summary>How many child regions have data that day (the others are left out of the totals); null for a desa/kelurahan.</summary>
    public Completeness? Completeness { get; init; }

    /// <summary>The criteria the region's households are classified with on that day; null when none are configured.</summary>
    public CriteriaVersion? Criteria { get; init; }

    /// <summary>The desil ranking the figures used: the latest version in force that day among the region's families; null without desil data.</summary>
    public DesilVersion? Desil { get; init; }
}

/// <summary>
/// The criteria version a figure was computed with: the year the criteria apply from, the region they
/// were set for (null: national), the poverty line's code (null: a figure typed in by hand), its
/// rupiah value and source, and which desil counts as extreme poor.
/// </summary>
public sealed record CriteriaVersion(int Year, string? Region, string? Line, long LinePerCapita, string Source, int DesilMax)
{
    public static CriteriaVersion Of(PovertyCriteria c) => new(c.Year, c.Region?.Value, c.LineCode, c.LinePerCapita, c.LineSource, c.DesilMax);
}

/// <summary>A desil ranking's name and version date (<c>DTSEN</c>, 2026-01-15).</summary>
public sealed record DesilVersion(string Source, DateOnly Version);

/// <summary>
/// Households listed or verified that day; <c>Verified + Unverified == Households</c>.
/// <c>InHandling</c>: the verified ones a programme reached in the window before that day.
/// Every count is null when the region has no data that day.
/// </summary>
public sealed record CaseloadFigures(int? Households, int? People, int? Verified, int? Unverified, int? InHandling)
{
    public static readonly CaseloadFigures None = new(null, null, null, null, null);
}

/// <summary>Households in each exit status that day; null when the region has no data that day.</summary>
public sealed record ExitFigures(int? Graduated, int? Excluded, int? Moved, int? Deceased, int? Merged)
{
    public static readonly ExitFigures None = new(null, null, null, null, null);
}

/// <summary>
/// The target shown for a region: at most <see cref="Households"/> by <see cref="Date"/>, set for
/// <see cref="Region"/>: the region itself or, when <see cref="Inherited"/>, its nearest ancestor with
/// a target. Once the date has passed (<see cref="Passed"/>), <see cref="HouseholdsOnDate"/> is the
/// region's own count at the end of that date (null without data then) and <see cref="Missed"/> says
/// whether it was above the target (null on the public figures when that count is withheld).
/// </summary>
public sealed record TargetFigure(DateOnly Date, int Households)
{
    public string Region { get; init; } = "";

    public string RegionName { get; init; } = "";

    public bool Inherited { get; init; }

    public bool Passed { get; init; }

    public bool? Missed { get; init; }

    public int? HouseholdsOnDate { get; init; }

    /// <summary>True on the public figures when <see cref="HouseholdsOnDate"/> is withheld (a small desa count): <see cref="Missed"/> is then null too, except for a target of 0 KK, which any withheld count misses.</summary>
    public bool Suppressed { get; init; }

    /// <summary><c>daerah</c>: set for the region or an ancestor (<c>tuntas targets</c>); <c>nasional</c>: none is, and the national target applies (<see cref="NationalTarget"/>).</summary>
    public string Source { get; init; } = TargetSources.Regional;

    /// <summary>What sets the target: <c>Inpres 8/2025</c> for the national one; null for a regional target.</summary>
    public string? Basis { get; init; }
}

/// <summary>The words of <see cref="TargetFigure.Source"/>.</summary>
public static class TargetSources
{
    public const string Regional = "daerah";

    public const string National = "nasional";
}

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

        if (await NoDataAsync(region, name, at, ct) is { } none)
        {
            return none;
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

        if (await NoDataAsync(region, name, at, ct) is { } none)
        {
            return none;
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
        return new HeadlineFigures(
            region.Value,
            name,
            at,
            new CaseloadFigures(Count(HouseholdStatus.Listed) + Count(HouseholdStatus.Verified), people, Count(HouseholdStatus.Verified), Count(HouseholdStatus.Listed), inHandling),
            new ExitFigures(Count(HouseholdStatus.Graduated), Count(HouseholdStatus.Excluded), Count(HouseholdStatus.Moved), Count(HouseholdStatus.Deceased), Count(HouseholdStatus.Merged)),
            await TargetAsync(region, at, ct))
        {
            Completeness = await DataQuery.OfChildrenAsync(region, at, ct: ct),
            Criteria = await CriteriaAsync(region, at, ct),
            Desil = await DesilVersionAsync(region, at, ct),
        };
    }

    /// <summary>The criteria version the figures of a region on a day are computed with (<see cref="PovertyCriteria.ForRegion"/>).</summary>
    public async Task<CriteriaVersion?> CriteriaAsync(RegionCode region, DateOnly at, CancellationToken ct = default) =>
        PovertyCriteria.ForRegion(await db.Criteria.AsNoTracking().Where(c => c.Year <= at.Year).ToListAsync(ct), region, at) is { } c
            ? CriteriaVersion.Of(c)
            : null;

    /// <summary>The latest desil version in force at the end of <paramref name="at"/> among the families living in the region; null when none has one.</summary>
    public async Task<DesilVersion?> DesilVersionAsync(RegionCode region, DateOnly at, CancellationToken ct = default)
    {
        var households = Access.ScopeQueries.InRegion(db.Households.AsNoTracking(), region).Select(h => h.Id);
        var latest = await db.HouseholdDesils.AsNoTracking()
            .Where(d => d.Version <= at && households.Contains(d.HouseholdId))
            .OrderByDescending(d => d.Version).ThenByDescending(d => d.Id)
            .Select(d => new { d.Source, d.Version })
            .FirstOrDefaultAsync(ct);
        return latest is null ? null : new DesilVersion(latest.Source, latest.Version);
    }

    private CompletenessQuery DataQuery => new(db);

    /// <summary>The figures of a region without data that day (null counts and the reason), or null when it has data.</summary>
    private async Task<HeadlineFigures?> NoDataAsync(RegionCode region, string name, DateOnly at, CancellationToken ct) =>
        await DataQuery.NoDataAsync(region, at, ct: ct) is { } none
            ? new HeadlineFigures(region.Value, name, at, CaseloadFigures.None, ExitFigures.None, await TargetAsync(region, at, ct))
            {
                NoData = none,
                Completeness = await DataQuery.OfChildrenAsync(region, at, ct: ct),
                Criteria = await CriteriaAsync(region, at, ct),
            }
            : null;

    /// <summary>
    /// The target shown for a region on a day, the same on every page: the applicable target of the
    /// region, or of its nearest ancestor that has targets (inherited), else the national target
    /// (<see cref="NationalTarget"/>, source <c>nasional</c>); once its date has passed, the region's own
    /// count on that date and whether the target was missed.
    /// </summary>
    public async Task<TargetFigure?> TargetAsync(RegionCode region, DateOnly at, CancellationToken ct = default)
    {
        var lineage = Enum.GetValues<RegionLevel>().Select(region.AtLevel).OfType<RegionCode>().ToList();
        var targets = await db.Targets.AsNoTracking().Where(t => lineage.Contains(t.Region)).ToListAsync(ct);
        var nearest = targets.GroupBy(t => t.Region.Value).OrderByDescending(g => g.Key.Length).FirstOrDefault();
        TargetFigure figure;
        if (nearest is null || Target.Applicable(nearest, at) is not { } target)
        {
            figure = new TargetFigure(NationalTarget.Date, NationalTarget.Households)
            {
                Region = "",
                RegionName = "Indonesia",
                Inherited = false,
                Source = TargetSources.National,
                Basis = NationalTarget.Basis,
            };
        }
        else
        {
            var name = await db.Regions.AsNoTracking().Where(r => r.Code == target.Region).Select(r => r.Name).SingleAsync(ct);
            figure = new TargetFigure(target.Date, target.Households) { Region = target.Region.Value, RegionName = name, Inherited = target.Region != region };
        }

        if (figure.Date >= at)
        {
            return figure;
        }

        int? onDate = await DataQuery.HasHouseholdsAsync(region, figure.Date, ct)
            ? (await new DayCountQuery(db).TotalsAsync(region, figure.Date, ct)).GetValueOrDefault(DayCountMeasure.Caseload).Households
            : null;
        return figure with { Passed = true, HouseholdsOnDate = onDate, Missed = onDate > figure.Households };
    }
}
