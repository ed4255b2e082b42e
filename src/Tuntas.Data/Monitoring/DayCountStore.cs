using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Tuntas.Data.Database;
using Tuntas.Domain.Monitoring;
using Tuntas.Domain.Regions;
using Tuntas.Domain.Registry;
using Tuntas.Domain.Verification;

namespace Tuntas.Data.Monitoring;

/// <summary>The sums of day-count changes by region, measure and day, at all four region levels.</summary>
public sealed class DayCountDelta
{
    private readonly Dictionary<(string Region, string Measure, DateOnly Day), (int Households, int People)> _changes = new();

    public int Count => _changes.Count;

    /// <summary>Adds a village-level change to that village and every region above it.</summary>
    public void Add(DayCountChange change, int sign = 1)
    {
        var village = RegionCode.From(change.VillageCode);
        foreach (var level in Levels)
        {
            if (village.AtLevel(level) is { } region)
            {
                var key = (region.Value, change.Measure, change.Day);
                var (h, p) = _changes.GetValueOrDefault(key);
                _changes[key] = (h + (sign * change.Households), p + (sign * change.People));
            }
        }
    }

    /// <summary>The non-zero sums in a fixed order (so that concurrent writers lock rows in the same order).</summary>
    public IEnumerable<(RegionCode Region, string Measure, DateOnly Day, int Households, int People)> NonZero() =>
        _changes.Where(c => c.Value != (0, 0))
            .OrderBy(c => c.Key.Region, StringComparer.Ordinal).ThenBy(c => c.Key.Measure, StringComparer.Ordinal).ThenBy(c => c.Key.Day)
            .Select(c => (RegionCode.From(c.Key.Region), c.Key.Measure, c.Key.Day, c.Value.Households, c.Value.People));

    private static readonly RegionLevel[] Levels = [RegionLevel.Province, RegionLevel.Regency, RegionLevel.District, RegionLevel.Village];
}

/// <summary>
/// Reads and writes <see cref="RegionDayCount"/>: a household's contributions computed from its
/// history (<see cref="DayCountLedger"/>), the upsert of their sums, and <see cref="RebuildAsync"/>,
/// which recomputes everything from the histories. Kept true on every write by the one
/// <see cref="DayCountTracker"/> of a unit of work.
/// </summary>
public static class DayCountStore
{
    private const int Chunk = 4000;

    private const string Upsert = """
        INSERT INTO "RegionDayCounts" ("Region", "Parent", "Measure", "Day", "Households", "People")
        VALUES (@p0, @p1, @p2, @p3, @p4, @p5)
        ON CONFLICT ("Region", "Measure", "Day") DO UPDATE SET
            "Households" = "RegionDayCounts"."Households" + excluded."Households",
            "People" = "RegionDayCounts"."People" + excluded."People"
        """;

    /// <summary>The handling window the day counts were built with; 12 months before the first build.</summary>
    public static async Task<HandlingWindow> WindowAsync(TuntasDbContext db, CancellationToken ct = default)
    {
        var months = await db.DayCountStates.AsNoTracking().Where(s => s.Id == DayCountState.SingleId).Select(s => (int?)s.HandlingMonths).SingleOrDefaultAsync(ct);
        return new HandlingWindow(months ?? Interventions.InterventionOptions.Default.HandlingMonths);
    }

    /// <summary>True once the day counts have been built (by <c>tuntas init</c> or a rebuild) with the current layout of measures.</summary>
    public static Task<bool> BuiltAsync(TuntasDbContext db, CancellationToken ct = default) =>
        db.DayCountStates.AsNoTracking().AnyAsync(s => s.Id == DayCountState.SingleId && s.Layout == DayCountState.CurrentLayout, ct);

    /// <summary>Deletes the day counts and computes them again from every household's history, with <paramref name="window"/>.</summary>
    public static async Task<int> RebuildAsync(TuntasDbContext db, HandlingWindow window, IProgress<int>? progress = null, CancellationToken ct = default, TimeProvider? time = null)
    {
        var own = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        try
        {
            await db.DayCounts.ExecuteDeleteAsync(ct);
            var ids = await db.StatusEvents.AsNoTracking().Select(e => e.HouseholdId).Distinct().OrderBy(id => id).ToListAsync(ct);
            var delta = new DayCountDelta();
            var done = 0;
            foreach (var chunk in ids.Chunk(Chunk * 5))
            {
                await AddContributionsAsync(db, chunk, window, delta, 1, ct);
                done += chunk.Length;
                progress?.Report(done);
            }

            await ApplyAsync(db, delta, ct);
            var state = await db.DayCountStates.SingleOrDefaultAsync(s => s.Id == DayCountState.SingleId, ct);
            if (state is null)
            {
                state = new DayCountState();
                db.DayCountStates.Add(state);
            }

            state.HandlingMonths = window.Months;
            state.Layout = DayCountState.CurrentLayout;
            state.BuiltAt = (time ?? TimeProvider.System).GetUtcNow().UtcDateTime;
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
            if (own is not null)
            {
                await own.CommitAsync(ct);
            }

            return ids.Count;
        }
        finally
        {
            if (own is not null)
            {
                await own.DisposeAsync();
            }
        }
    }

    /// <summary>Adds (<paramref name="sign"/> 1) or takes away (−1) what <paramref name="households"/> contribute now.</summary>
    internal static async Task AddContributionsAsync(TuntasDbContext db, IReadOnlyCollection<long> households, HandlingWindow window, DayCountDelta delta, int sign, CancellationToken ct)
    {
        foreach (var chunk in households.Chunk(Chunk))
        {
            var events = (await db.StatusEvents.AsNoTracking().Where(e => chunk.Contains(e.HouseholdId))
                    .Select(e => new { e.HouseholdId, e.Id, e.From, e.To, e.EffectiveDate, e.VillageCode, WithVisit = e.Visit != null && e.Visit.Review == ReviewState.Approved })
                    .ToListAsync(ct))
                .ToLookup(e => e.HouseholdId);
            if (events.Count == 0)
            {
                continue;
            }

            var people = await db.People.AsNoTracking().Where(p => chunk.Contains(p.HouseholdId))
                .GroupBy(p => p.HouseholdId).Select(g => new { g.Key, Count = g.Count() })
                .ToDictionaryAsync(x => x.Key, x => x.Count, ct);
            var deliveries = (await db.Deliveries.AsNoTracking().Where(d => chunk.Contains(d.HouseholdId))
                    .Select(d => new { d.HouseholdId, d.Date, d.PeriodEnd })
                    .ToListAsync(ct))
                .ToLookup(d => d.HouseholdId, d => new CountedDelivery(d.Date, d.PeriodEnd ?? d.Date));
            foreach (var history in events)
            {
                var counted = history.Select(e => new CountedEvent(e.Id, e.From, e.To, e.EffectiveDate, e.VillageCode.Value, e.WithVisit));
                foreach (var change in DayCountLedger.Of(counted, people.GetValueOrDefault(history.Key), deliveries[history.Key], window))
                {
                    delta.Add(change, sign);
                }
            }
        }
    }

    internal static async Task ApplyAsync(TuntasDbContext db, DayCountDelta delta, CancellationToken ct)
    {
        var connection = db.Database.GetDbConnection();
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        var batch = new StatementBatch(connection, transaction);
        foreach (var (region, measure, day, households, people) in delta.NonZero())
        {
            batch.Add(Upsert, region.Value, region.Parent?.Value, measure, day, households, people);
            if (batch.Count == 2000)
            {
                await batch.ExecuteAsync(ct);
                batch = new StatementBatch(connection, transaction);
            }
        }

        await batch.ExecuteAsync(ct);
    }

    /// <summary>The households whose contributions a save of the change tracker may change, before the save (temporary keys left out).</summary>
    internal static HashSet<long> Touched(Microsoft.EntityFrameworkCore.ChangeTracking.ChangeTracker tracker, out List<Microsoft.EntityFrameworkCore.ChangeTracking.EntityEntry> entries)
    {
        var ids = new HashSet<long>();
        entries = [];
        foreach (var entry in tracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted)
                || entry.Entity is not (HouseholdStatusEvent or Person or Tuntas.Domain.Interventions.Delivery or Visit))
            {
                continue;
            }

            entries.Add(entry);
            var key = entry.Property("HouseholdId");
            if (entry.State != EntityState.Added)
            {
                ids.Add((long)key.OriginalValue!);
            }

            if (!key.IsTemporary && key.CurrentValue is long current and > 0)
            {
                ids.Add(current);
            }
        }

        return ids;
    }

    /// <summary>After the save: the same households, now with the keys the database gave new rows.</summary>
    internal static IEnumerable<long> Saved(IEnumerable<Microsoft.EntityFrameworkCore.ChangeTracking.EntityEntry> entries) =>
        entries.Select(e => e.Entity switch
        {
            HouseholdStatusEvent s => s.HouseholdId,
            Person p => p.HouseholdId,
            Visit v => v.HouseholdId,
            Tuntas.Domain.Interventions.Delivery d => d.HouseholdId,
            _ => 0,
        }).Where(id => id > 0);
}

/// <summary>
/// The one place where the day counts follow a write. A unit of work announces, before writing,
/// the households whose status history, members or deliveries it will change
/// (<see cref="BeforeChangeAsync"/>: their contributions are read then); the change tracker does so
/// for every save, bulk writers for the rows they write. When the unit of work commits,
/// <see cref="ApplyAsync"/> reads the same households' contributions after the write and stores the
/// difference, in the same transaction.
/// </summary>
public sealed class DayCountTracker(TuntasDbContext db)
{
    private readonly HashSet<long> _households = [];
    private DayCountDelta _delta = new();
    private HandlingWindow? _window;

    /// <summary>Reads the contributions of <paramref name="households"/> not announced yet, before they change.</summary>
    public async Task BeforeChangeAsync(IEnumerable<long> households, CancellationToken ct = default)
    {
        var fresh = households.Where(id => id > 0 && _households.Add(id)).ToList();
        if (fresh.Count > 0)
        {
            await DayCountStore.AddContributionsAsync(db, fresh, await WindowAsync(ct), _delta, -1, ct);
        }
    }

    /// <summary>Households created in this unit of work: they contributed nothing before.</summary>
    public void Created(IEnumerable<long> households)
    {
        foreach (var id in households.Where(id => id > 0))
        {
            _households.Add(id);
        }
    }

    /// <summary>Adds the announced households' contributions after the write and stores the difference.</summary>
    public async Task ApplyAsync(CancellationToken ct = default)
    {
        if (_households.Count == 0)
        {
            return;
        }

        await DayCountStore.AddContributionsAsync(db, _households, await WindowAsync(ct), _delta, 1, ct);
        await DayCountStore.ApplyAsync(db, _delta, ct);
        Reset();
    }

    /// <summary>Forgets what was announced (the unit of work was rolled back).</summary>
    public void Reset()
    {
        _households.Clear();
        _delta = new DayCountDelta();
    }

    private async Task<HandlingWindow> WindowAsync(CancellationToken ct) => _window ??= await DayCountStore.WindowAsync(db, ct);
}
