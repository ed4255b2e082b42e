using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tuntas.Data.Audit;
using Tuntas.Data.Demo;
using Tuntas.Data.Monitoring;
using Tuntas.Domain.ClaimAudit;
using Tuntas.Domain.Regions;
using Tuntas.Domain.Registry;
using Tuntas.Domain.Verification;
using Tuntas.Testing;

namespace Tuntas.Data.Tests.Verification;

public class DemoScenarioTests
{
    private static readonly HouseholdStatus[] NeedAVisit =
        [HouseholdStatus.Verified, HouseholdStatus.Graduated, HouseholdStatus.Excluded, HouseholdStatus.Moved, HouseholdStatus.Deceased, HouseholdStatus.Merged];

    // One test per provider on purpose: the demo takes seconds to load, so everything that needs
    // it is asserted on the one load.
    [Theory, DatabaseData]
    public async Task Demo_ShowsTheFiguresOfTheArticles_BackedByVisitsAndAnIntactAuditTrail(TestProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var services = VervalKit.Services(database);
        await using (var scope = services.CreateAsyncScope())
        {
            var loaded = await scope.ServiceProvider.GetRequiredService<DemoLoader>().LoadAsync(2025);
            Assert.True(loaded.HouseholdsAdded > 0);
        }

        await using var db = database.CreateContext();
        var query = new HeadlineQuery(db);
        async Task<HeadlineFigures> Figures(string region, int year, int month, int day) =>
            (await query.ComputeAsync(RegionCode.From(region), new DateOnly(year, month, day)))!;

        // Kota Bontang: 182 verified at the end of 2022, 7 left on 9 April 2025.
        var bontang2022 = await Figures("64.74", 2022, 12, 31);
        Assert.Equal("Kota Bontang", bontang2022.RegionName);
        Assert.Equal((182, 182, 0), (bontang2022.ExtremePoor.Households, bontang2022.ExtremePoor.Verified, bontang2022.ExtremePoor.Unverified));
        Assert.Equal(0, bontang2022.Exited.Graduated);
        var bontang2025 = await Figures("64.74", 2025, 4, 9);
        Assert.Equal((7, 7, 0), (bontang2025.ExtremePoor.Households, bontang2025.ExtremePoor.Verified, bontang2025.ExtremePoor.Unverified));
        Assert.Equal(new ExitFigures(175, 0, 0, 0, 0), bontang2025.Exited);
        Assert.InRange(bontang2025.ExtremePoor.People!.Value, 7, 7 * 12);
        Assert.Equal(7, bontang2025.ExtremePoor.InHandling);
        Assert.Equal(new TargetFigure(new DateOnly(2025, 12, 31), 0) { Region = "64.74", RegionName = "Kota Bontang" }, bontang2025.Target);

        // Kabupaten Kutai Timur on 30 June 2024.
        var ancalong = await Figures("64.08.01", 2024, 6, 30);
        var bengkal = await Figures("64.08.03", 2024, 6, 30);
        var kutim = await Figures("64.08", 2024, 6, 30);
        Assert.Equal((500, 500), (ancalong.ExtremePoor.Households, ancalong.ExtremePoor.Verified));
        Assert.Equal((400, 400), (bengkal.ExtremePoor.Households, bengkal.ExtremePoor.Verified));
        Assert.InRange(kutim.ExtremePoor.People!.Value, 4_800, 5_200);
        Assert.True(kutim.ExtremePoor.Households > 900, $"Kutai Timur has {kutim.ExtremePoor.Households} households, fewer than its two kecamatan");
        Assert.True(kutim.Exited.Excluded > 0, "some listed families were found not to qualify");
        Assert.Equal(new TargetFigure(new DateOnly(2024, 12, 31), 0) { Region = "64.08", RegionName = "Kabupaten Kutai Timur" }, kutim.Target);

        // Provinsi Kalimantan Timur holds both.
        var bontangThen = await Figures("64.74", 2024, 6, 30);
        var kaltim = await Figures("64", 2024, 6, 30);
        Assert.True(kaltim.ExtremePoor.Households >= kutim.ExtremePoor.Households + bontangThen.ExtremePoor.Households);
        Assert.True(kaltim.ExtremePoor.People >= kutim.ExtremePoor.People + bontangThen.ExtremePoor.People);

        // Every verification and every exit is backed by an approved visit with evidence.
        var backed = await db.StatusEvents.Where(e => NeedAVisit.Contains(e.To))
            .Select(e => new
            {
                e.To,
                Approved = db.Visits.Any(v => v.Id == e.VisitId && v.Review == ReviewState.Approved && v.HouseholdId == e.HouseholdId),
                Evidence = db.Evidence.Count(x => x.VisitId == e.VisitId),
            })
            .ToListAsync();
        Assert.True(backed.Count(b => b.To == HouseholdStatus.Graduated) >= 175);
        Assert.All(backed, b => Assert.True(b.Approved && b.Evidence > 0, $"a change to {b.To} without an approved visit with evidence"));

        // Every Bontang family that graduated had received at least one programme by then.
        var bontang = RegionCode.From("64.74");
        var graduations = await db.StatusEvents.AsNoTracking().Where(e => e.To == HouseholdStatus.Graduated && e.RegencyCode == bontang)
            .Select(e => new { e.HouseholdId, e.EffectiveDate }).ToListAsync();
        var firstDelivery = (await db.Deliveries.AsNoTracking().Select(d => new { d.HouseholdId, d.Date }).ToListAsync())
            .GroupBy(d => d.HouseholdId).ToDictionary(g => g.Key, g => g.Min(d => d.Date));
        Assert.Equal(175, graduations.Count);
        Assert.All(graduations, g => Assert.True(firstDelivery.TryGetValue(g.HouseholdId, out var first) && first <= g.EffectiveDate, $"household {g.HouseholdId} graduated without a programme"));
        Assert.Equal(5, await db.UnmatchedRecipients.CountAsync());

        // The maintained day counts say what the history says, in every region of the demo.
        string[] regions = ["64", "64.74", "64.74.01", "64.08", "64.08.01", "64.08.03", "64.08.01.2001"];
        DateOnly[] days = [new(2022, 12, 31), new(2023, 6, 30), new(2024, 6, 30), new(2025, 4, 9), new(2025, 12, 31)];
        await Monitoring.DayCountTests.AssertAgreesWithHistoryAsync(db, regions, days);
        await Monitoring.DayCountTests.AssertSameAsRebuildAsync(db);

        // The anomaly flags (docs/claim-audit.md): the demo's histories are clean and raise none, in
        // Bontang or in Kutai Timur. Every exit rests on an approved visit with a photo of its own,
        // each kept within about a kilometre of its desa's centre; every graduate was reached by a
        // programme first; one verifier records each regency's changes; exits keep a steady pace.
        var anomalies = new Tuntas.Data.ClaimAudit.AnomalyQuery(db);
        foreach (var region in new[] { "64.74", "64.08" })
        {
            var flags = (await anomalies.RunAsync(Domain.Access.RegionScope.National, RegionCode.From(region), DateWindow.All))!.Flags;
            Assert.True(flags.Count == 0, $"{region}:\n" + string.Join("\n", flags.Select(f => $"{f.Kind.ToWire()} {f.Region.Value} {f.NoKk} {f.Detail}")));
        }

        // The scenario is replayed on its own days: after the entry that says a replay follows, the
        // chain runs forward in time from September 2022, each visit is entered on the day it was
        // made and reviewed within two days, each family was registered on its regency's load day,
        // and only the work in progress today carries the time of loading.
        var trail = await db.AuditEntries.AsNoTracking().OrderBy(e => e.Sequence).Select(e => new { e.Sequence, e.RecordedAt, e.Action }).ToListAsync();
        var marker = trail.Single(e => e.Action == "demo.load");
        var replay = trail.SkipWhile(e => e.Sequence <= marker.Sequence).ToList();
        Assert.Equal(DemoLoader.ScenarioStart, DateOnly.FromDateTime(replay[0].RecordedAt));
        Assert.All(replay.Zip(replay.Skip(1)), p => Assert.True(p.First.RecordedAt <= p.Second.RecordedAt,
            $"entry {p.Second.Sequence} ({p.Second.Action}, {p.Second.RecordedAt:O}) is recorded before entry {p.First.Sequence} ({p.First.RecordedAt:O})"));
        string[] present = ["round.create", "task.create", "meeting.record", "proposal.usul"];
        var atLoad = replay.Where(e => e.RecordedAt >= marker.RecordedAt).ToList();
        Assert.All(atLoad, e => Assert.Contains(e.Action, present));
        Assert.True(atLoad.Count < 20, $"{atLoad.Count} entries carry the time of loading");
        var visits = await db.Visits.AsNoTracking().Select(v => new { v.Id, v.VisitedOn, v.SubmittedAt, v.ReviewedAt }).ToListAsync();
        Assert.All(visits, v =>
        {
            Assert.Equal(v.VisitedOn, RegionClock.DayAt(v.SubmittedAt));
            Assert.InRange(RegionClock.DayAt(v.ReviewedAt!.Value), v.VisitedOn, v.VisitedOn.AddDays(2));
        });
        var registered = await db.Households.AsNoTracking().Select(h => new { h.RegencyCode, h.CreatedAt }).ToListAsync();
        Assert.All(registered, h => Assert.Equal(h.RegencyCode == bontang ? DemoLoader.ScenarioStart : DemoLoader.KutaiTimurLoaded, RegionClock.DayAt(h.CreatedAt)));
        Assert.All(await db.StatusEvents.AsNoTracking().Where(e => e.VisitId != null).Select(e => new { e.EffectiveDate, e.RecordedAt }).ToListAsync(),
            e => Assert.InRange(RegionClock.DayAt(e.RecordedAt), e.EffectiveDate, e.EffectiveDate.AddDays(2)));

        // The audit trail is intact, and notices tampering.
        var verified = await AuditVerifier.VerifyAsync(db);
        Assert.True(verified.Intact, verified.FirstBreak?.Problem);
        Assert.True(verified.Entries > backed.Count);
        var victim = await db.AuditEntries.AsNoTracking().Where(e => e.Action == "household.status").OrderBy(e => e.Sequence).Skip(100).FirstAsync();
        await db.Database.ExecuteSqlRawAsync("UPDATE \"AuditEntries\" SET \"Actor\" = {0} WHERE \"Id\" = {1}", "someone.else", victim.Id);
        var tampered = await AuditVerifier.VerifyAsync(db);
        Assert.False(tampered.Intact);
        Assert.Equal(victim.Sequence, tampered.FirstBreak!.Sequence);
        Assert.Equal(victim.Id, tampered.FirstBreak.EntryId);

        await db.Database.ExecuteSqlRawAsync("UPDATE \"AuditEntries\" SET \"Actor\" = {0} WHERE \"Id\" = {1}", victim.Actor, victim.Id);
        Assert.True((await AuditVerifier.VerifyAsync(db)).Intact);

        await db.Database.ExecuteSqlRawAsync("DELETE FROM \"AuditEntries\" WHERE \"Id\" = {0}", victim.Id);
        var removed = await AuditVerifier.VerifyAsync(db);
        Assert.False(removed.Intact);
        Assert.Equal(victim.Sequence - 1, removed.Entries);
    }
}
