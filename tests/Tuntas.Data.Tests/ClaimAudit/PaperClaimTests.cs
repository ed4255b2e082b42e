using Microsoft.EntityFrameworkCore;
using Tuntas.Data.ClaimAudit;
using Tuntas.Data.Monitoring;
using Tuntas.Data.Tests.Verification;
using Tuntas.Domain.Access;
using Tuntas.Domain.ClaimAudit;
using Tuntas.Domain.Interventions;
using Tuntas.Domain.Monitoring;
using Tuntas.Domain.Regions;
using Tuntas.Domain.Registry;
using Tuntas.Testing;

namespace Tuntas.Data.Tests.ClaimAudit;

/// <summary>
/// The anomaly flags on planted patterns: a kecamatan whose reduction is a "paper claim" is flagged
/// on every rule it breaks, and a clean history of the same size raises nothing.
/// </summary>
public class PaperClaimTests
{
    private static readonly RegionCode Bontang = RegionCode.From("64.74");
    private static readonly RegionCode BontangSelatan = RegionCode.From("64.74.01");
    private static readonly DateOnly TargetDate = new(2025, 12, 31);
    private const string Importer = "petugas.impor";

    /// <summary>Near the middle of Kelurahan Bontang Kuala, a few hundred metres apart.</summary>
    private static (double, double) NearKuala(int n) => (0.130 + (n % 5 * 0.001), 117.500 + (n % 3 * 0.001));

    /// <summary>The No. KK of family n, as <see cref="VervalKit.Family"/> makes it.</summary>
    private static string Kk(int n) => $"6474010101{n:000000}";

    [Theory, DatabaseData]
    public async Task PaperClaim_IsFlaggedOnEveryRuleItBreaks(TestProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var services = VervalKit.Services(database);
        var families = Enumerable.Range(1, 20).Select(n => VervalKit.Family(n)).ToArray();
        await VervalKit.SaveAsync(services, families);

        // Dinas Sosial lists and verifies the twenty families properly: approved visits with photos,
        // positions around the kelurahan. Two visits carry the same photo; one was recorded 22 km away.
        await VervalKit.RunAsync(services, async unit =>
        {
            foreach (var (family, i) in families.Select((f, i) => (f, i + 1)))
            {
                unit.Db.Attach(family);
                VervalKit.List(unit, family, new DateOnly(2025, 1, 10));
                var day = new DateOnly(2025, 2, 3).AddDays(i);
                await VervalKit.VisitAsync(unit, family, day, HouseholdStatus.Verified,
                    position: i == 3 ? (0.330, 117.500) : NearKuala(i), photo: i is 1 or 2 ? "rumah-yang-sama" : null,
                    formOpenedAt: i == 5 ? day.ToDateTime(new TimeOnly(2, 59, 30), DateTimeKind.Utc) : null);
            }

            // Family 4 is visited again a week later with every answer of the first visit: a copied sheet.
            await VervalKit.SubmitAsync(unit, families[3], new DateOnly(2025, 2, 14), HouseholdStatus.Verified);

            unit.Db.Targets.Add(new Target(Bontang, TargetDate, 0, "admin", VervalKit.Now.UtcDateTime));
        });

        // Then the graduations arrive as an imported history from an older system would hold them,
        // written straight into the tables past the rules of the domain: no visit, no delivery, one
        // person recording them all, sixteen of the twenty in the last weeks before the target; one
        // family is listed again by the classification afterwards.
        await using (var db = database.CreateContext())
        {
            for (var n = 1; n <= 16; n++)
            {
                await ImportedHistory.ChangeAsync(db, Kk(n), HouseholdStatus.Verified, HouseholdStatus.Graduated, new DateOnly(2025, 12, 2).AddDays(n), Importer);
            }

            for (var n = 17; n <= 20; n++)
            {
                await ImportedHistory.ChangeAsync(db, Kk(n), HouseholdStatus.Verified, HouseholdStatus.Graduated, new DateOnly(2025, n - 11, 15), Importer);
            }

            await ImportedHistory.ChangeAsync(db, Kk(20), HouseholdStatus.Graduated, HouseholdStatus.Listed, new DateOnly(2025, 10, 15), "sistem:klasifikasi");
            await DayCountStore.RebuildAsync(db, await DayCountStore.WindowAsync(db));
        }

        await using var read = database.CreateContext();
        var query = new AnomalyQuery(read);
        var report = (await query.RunAsync(new RegionScope(Bontang), Bontang, DateWindow.All))!;
        var byKind = report.Flags.GroupBy(f => f.Kind).ToDictionary(g => g.Key, g => g.ToList());
        List<string?> Households(AnomalyKind kind) => byKind[kind].Select(f => f.NoKk).Order(StringComparer.Ordinal).ToList();
        var all20 = Enumerable.Range(1, 20).Select(Kk).ToList<string?>();

        Assert.Equal(Enum.GetValues<AnomalyKind>(), byKind.Keys.Order());
        Assert.Equal(all20, Households(AnomalyKind.ExitWithoutVisit));
        Assert.All(byKind[AnomalyKind.ExitWithoutVisit], f => Assert.Equal("64.74.01.1001", f.Region.Value));

        var surge = Assert.Single(byKind[AnomalyKind.ExitSurgeBeforeTarget]);
        Assert.Equal((BontangSelatan, (string?)null), (surge.Region, surge.NoKk));
        Assert.StartsWith("16 households left the list in the 30 days up to region 64.74's target date 31 December 2025", surge.Detail, StringComparison.Ordinal);
        Assert.Contains("(4 exits from 10 January 2025 to 1 December 2025)", surge.Detail, StringComparison.Ordinal);

        var recorder = Assert.Single(byKind[AnomalyKind.VerifierExitRateOutlier]);
        Assert.Equal((Bontang, (string?)null), (recorder.Region, recorder.NoKk));
        Assert.StartsWith($"{Importer} recorded 20 status changes, 20 of them exits (100%)", recorder.Detail, StringComparison.Ordinal);

        Assert.Equal(all20, Households(AnomalyKind.GraduationWithoutIntervention));
        Assert.Equal([Kk(20)], Households(AnomalyKind.ReEntryAfterGraduation));
        Assert.Equal([Kk(1), Kk(2)], Households(AnomalyKind.SamePhotoDifferentHouseholds));
        Assert.Contains($"No. KK {Kk(2)}", byKind[AnomalyKind.SamePhotoDifferentHouseholds].Single(f => f.NoKk == Kk(1)).Detail, StringComparison.Ordinal);
        var far = Assert.Single(byKind[AnomalyKind.VisitFarFromVillage]);
        Assert.Equal(Kk(3), far.NoKk);
        var same = Assert.Single(byKind[AnomalyKind.VisitSameAsPrevious]);
        Assert.Equal((Kk(4), "The visit of 14 February 2025 repeats every observed answer of the visit of 7 February 2025."), (same.NoKk, same.Detail));
        var fast = Assert.Single(byKind[AnomalyKind.VisitFilledTooFast]);
        Assert.Equal((Kk(5), "The visit form of 8 February 2025 was sent 30 seconds after it was opened (under 120 seconds)."), (fast.NoKk, fast.Detail));

        // The kecamatan sees the same; a window of the first half of 2025 keeps only what happened in it.
        var kecamatan = (await query.RunAsync(new RegionScope(Bontang), BontangSelatan, DateWindow.All))!;
        Assert.Equal(report.Flags.Count, kecamatan.Flags.Count);
        var firstHalf = (await query.RunAsync(new RegionScope(Bontang), Bontang, new DateWindow(new DateOnly(2025, 1, 1), new DateOnly(2025, 6, 30))))!;
        Assert.Equal([Kk(17)], firstHalf.Flags.Where(f => f.Kind == AnomalyKind.ExitWithoutVisit).Select(f => f.NoKk));
        Assert.DoesNotContain(firstHalf.Flags, f => f.Kind is AnomalyKind.ExitSurgeBeforeTarget or AnomalyKind.ReEntryAfterGraduation);

        // Outside the caller's scope, and a region that does not exist: nothing (the callers answer 404).
        Assert.Null(await query.RunAsync(new RegionScope(RegionCode.From("64.08")), Bontang, DateWindow.All));
        Assert.Null(await query.RunAsync(RegionScope.National, RegionCode.From("64.74.09"), DateWindow.All));
        Assert.Empty((await query.RunAsync(RegionScope.National, RegionCode.From("64.74.02"), DateWindow.All))!.Flags);
    }

    [Theory, DatabaseData]
    public async Task CleanHistory_RaisesNoFlagAtAll(TestProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var services = VervalKit.Services(database);
        var families = Enumerable.Range(1, 20).Select(n => VervalKit.Family(n)).ToArray();
        await VervalKit.SaveAsync(services, families);
        const string Other = "dinsos.bontang.2";

        // Two verifiers share the work alike; every family is reached by PKH before it graduates, at
        // a steady pace of about one every 25 days; every visit is in the kelurahan with its own photo.
        await VervalKit.RunAsync(services, async unit =>
        {
            foreach (var (family, i) in families.Select((f, i) => (f, i + 1)))
            {
                unit.Db.Attach(family);
                VervalKit.List(unit, family, new DateOnly(2024, 1, 10));
                await VervalKit.VisitAsync(unit, family, new DateOnly(2024, 2, 1).AddDays(i), HouseholdStatus.Verified,
                    position: NearKuala(i), reviewer: i % 2 == 1 ? VervalKit.Reviewer : Other);
                unit.Db.Deliveries.Add(new Delivery("PKH", family.Id, null, "Dinas Sosial", new DeliveryReport { Date = new DateOnly(2024, 6, 1), Amount = 750_000 },
                    DeliverySource.Entered, Delivery.KeyForKk(family.NoKk.Value), VervalKit.Reviewer, VervalKit.Today, VervalKit.Now.UtcDateTime));
            }

            foreach (var (family, i) in families.Select((f, i) => (f, i + 1)))
            {
                await VervalKit.VisitAsync(unit, family, new DateOnly(2024, 9, 1).AddDays((i - 1) * 25), HouseholdStatus.Graduated, spending: 900_000,
                    position: NearKuala(i + 7), reviewer: i % 2 == 1 ? Other : VervalKit.Reviewer);
            }

            unit.Db.Targets.Add(new Target(Bontang, TargetDate, 0, "admin", VervalKit.Now.UtcDateTime));
        });

        await using var db = database.CreateContext();
        Assert.Equal(20, await db.StatusEvents.CountAsync(e => e.To == HouseholdStatus.Graduated));
        var query = new AnomalyQuery(db);
        foreach (var region in new[] { "64", "64.74", "64.74.01", VervalKit.BontangKuala })
        {
            var report = (await query.RunAsync(RegionScope.National, RegionCode.From(region), DateWindow.All))!;
            Assert.True(report.Flags.Count == 0, $"{region}: " + string.Join("\n", report.Flags.Select(f => $"{f.Kind.ToWire()} {f.NoKk} {f.Detail}")));
        }
    }
}
