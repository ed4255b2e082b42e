using Microsoft.EntityFrameworkCore;
using Tuntas.Data.Interventions;
using Tuntas.Data.Monitoring;
using Tuntas.Data.Tests.Interventions;
using Tuntas.Data.Tests.Verification;
using Tuntas.Domain.Access;
using Tuntas.Domain.Interventions;
using Tuntas.Domain.Regions;
using Tuntas.Domain.Registry;
using Tuntas.Testing;

namespace Tuntas.Data.Tests.Monitoring;

/// <summary>
/// The maintained day counts must say exactly what the status history says, whichever way the
/// history was written: verifier approvals and members (change tracker), recipient lists and
/// household imports (statements), deliveries recorded on a page.
/// </summary>
public class DayCountTests
{
    [Theory, DatabaseData]
    public async Task DayCounts_AgreeWithTheHistory_AfterEveryKindOfWrite(TestProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var services = VervalKit.Services(database);
        var families = await InterventionKit.VerifiedAsync(services, 6);

        // A recipient list (statement batches) reaches families 1 to 3.
        var list = InterventionKit.List(
            $"{InterventionKit.Nik(1)},,2025-03-01,600000,",
            $"{InterventionKit.Nik(2)},,2025-03-01,600000,",
            $",{InterventionKit.NoKk(3)},2025-03-01,600000,");
        Assert.Equal(3, (await InterventionKit.ImportAsync(services, list)).Inserted);

        // A delivery recorded on the household page (change tracker) reaches family 4, a new member joins family 1,
        // and family 2 graduates after a visit.
        await VervalKit.RunAsync(services, async unit =>
        {
            await new DeliveryService(unit.Db, unit.Clock).RecordAsync(
                new DeliveryRecorder("dinsos", RegionScope.National), families[3].Id, null, "SEMBAKO", new DeliveryReport { Date = new DateOnly(2025, 4, 1), Amount = 200_000 }, null, unit.Audit);
            var one = await unit.Db.Households.Include(h => h.Members).SingleAsync(h => h.Id == families[0].Id);
            one.AddMember(Nik.From("6474015505200001"), "Anak Baru", Sex.Female, new DateOnly(2020, 5, 15), FamilyRelation.Anak, VervalKit.Now.UtcDateTime);
            var two = await unit.Db.Households.SingleAsync(h => h.Id == families[1].Id);
            await VervalKit.VisitAsync(unit, two, new DateOnly(2025, 6, 1), HouseholdStatus.Graduated, spending: 900_000);
        });

        await using var db = database.CreateContext();
        string[] regions = ["64", "64.74", "64.74.01", VervalKit.BontangKuala, "64.74.02"];
        DateOnly[] days = [new(2025, 1, 9), InterventionKit.ListedOn, InterventionKit.VerifiedOn, new(2025, 3, 1), new(2025, 4, 1), new(2025, 6, 1), new(2026, 3, 1), new(2026, 4, 1), VervalKit.Today];
        var checkedFigures = await AssertAgreesWithHistoryAsync(db, regions, days);
        Assert.Contains(checkedFigures, f => f.ExtremePoor.InHandling == 4);
        Assert.Contains(checkedFigures, f => f.Exited.Graduated == 1 && f.ExtremePoor.Households == 5 && f.ExtremePoor.People == 6);
        await AssertSameAsRebuildAsync(db);
    }

    /// <summary>
    /// The headline, the children and the trend read from the day counts equal the same figures read
    /// from the history, for every region and day given; returns the headline figures compared.
    /// </summary>
    internal static async Task<IReadOnlyList<HeadlineFigures>> AssertAgreesWithHistoryAsync(TuntasDbContext db, IEnumerable<string> regions, IEnumerable<DateOnly> days)
    {
        var headline = new HeadlineQuery(db);
        var dashboard = new DashboardQuery(db, headline);
        var compared = new List<HeadlineFigures>();
        foreach (var code in regions.Select(RegionCode.From))
        {
            foreach (var day in days)
            {
                var fromCounts = await headline.ComputeAsync(code, day);
                var fromHistory = await headline.ComputeFromHistoryAsync(code, day);
                Assert.Equal(fromHistory, fromCounts);
                compared.Add(fromCounts!);

                var caseload = HeadlineQuery.InRegion(headline.LastEventsAsOf(day), code).Where(e => e.To == HouseholdStatus.Listed || e.To == HouseholdStatus.Verified);
                var children = (await dashboard.ChildrenAsync(code, day)).Where(c => c.Households > 0).ToDictionary(c => c.Code.Value, c => c.Households!.Value);
                var expected = code.Level == RegionLevel.Village ? [] : (await caseload.Select(e => e.VillageCode).ToListAsync())
                    .GroupBy(v => v.AtLevel(code.Level + 1)!.Value).ToDictionary(g => g.Key, g => g.Count());
                Assert.Equal(expected, children);

                var exits = await dashboard.ExitsAsync(code, day.AddMonths(-12), day);
                Assert.Equal(exits.Graduated, await dashboard.ExitedIn(code, day.AddMonths(-12), day, HouseholdStatus.Graduated).CountAsync());
            }

            var trend = await dashboard.TrendAsync(code, days.Max());
            foreach (var point in trend)
            {
                Assert.Equal((await headline.ComputeFromHistoryAsync(code, point.Day))!.ExtremePoor.Households, point.Households);
            }
        }

        return compared;
    }

    /// <summary>The counts kept change by change are the counts computed afresh.</summary>
    internal static async Task AssertSameAsRebuildAsync(TuntasDbContext db)
    {
        async Task<List<string>> Rows() => (await db.DayCounts.AsNoTracking().Where(c => c.Households != 0 || c.People != 0).ToListAsync())
            .Select(c => $"{c.Region.Value} {c.Parent?.Value} {c.Measure} {c.Day:yyyy-MM-dd} {c.Households} {c.People}").Order(StringComparer.Ordinal).ToList();
        var kept = await Rows();
        Assert.NotEmpty(kept);
        await DayCountStore.RebuildAsync(db, await DayCountStore.WindowAsync(db));
        Assert.Equal(await Rows(), kept);
    }
}
