using Microsoft.EntityFrameworkCore;
using Tuntas.Data.Access;
using Tuntas.Data.Audit;
using Tuntas.Data.Verification;
using Tuntas.Domain.Common;
using Tuntas.Domain.Regions;
using Tuntas.Domain.Registry;
using Tuntas.Domain.Verification;
using Tuntas.Testing;
using static Tuntas.Data.Tests.Verification.VervalKit;

namespace Tuntas.Data.Tests.Verification;

public class VervalServiceTests
{
    [Theory, DatabaseData]
    public async Task CreateRound_ListedAndDueVerifiedGetTasks_AssignedToTheVillageOperator(TestProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var services = Services(database);
        var listed = Family(1, BontangKuala);
        var verifiedLongAgo = Family(2, BontangBaru);
        var verifiedRecently = Family(3, BontangKuala);
        var registered = Family(4, BontangKuala);
        var listedElsewhere = Family(5, "64.08.01.2001");
        await SaveAsync(services, listed, verifiedLongAgo, verifiedRecently, registered, listedElsewhere);
        await RunAsync(services, async unit =>
        {
            unit.Db.AttachRange(listed, verifiedLongAgo, verifiedRecently, listedElsewhere);
            List(unit, listed, new DateOnly(2026, 9, 1));
            List(unit, listedElsewhere, new DateOnly(2026, 9, 1));
            await VisitAsync(unit, verifiedLongAgo, new DateOnly(2025, 1, 10), HouseholdStatus.Verified);
            await VisitAsync(unit, verifiedRecently, new DateOnly(2026, 10, 1), HouseholdStatus.Verified);
        });

        RoundCreated? created = null;
        await RunAsync(services, async unit => created = await unit.Verval.CreateRoundAsync(
            RegionCode.From("64.74"), "Verval Triwulan IV 2026", new DateOnly(2026, 10, 1), new DateOnly(2026, 12, 31), 6, Reviewer, unit.Audit));

        Assert.Equal((1, 1, 1), (created!.ListedTasks, created.ReverificationTasks, created.Unassigned));
        await using var db = database.CreateContext();
        var tasks = await db.Tasks.Where(t => t.RoundId == created.Round.Id).OrderBy(t => t.HouseholdId)
            .Select(t => new { t.HouseholdId, t.Purpose, t.AssignedTo, t.DueOn, t.State }).ToListAsync();
        Assert.Equal(
            [
                new { listed.Id, Purpose = VisitPurpose.Verification, AssignedTo = (string?)Operator },
                new { verifiedLongAgo.Id, Purpose = VisitPurpose.Reverification, AssignedTo = (string?)null },
            ],
            tasks.Select(t => new { Id = t.HouseholdId, t.Purpose, t.AssignedTo }));
        Assert.All(tasks, t => Assert.Equal(new DateOnly(2026, 12, 31), t.DueOn));
        Assert.All(tasks, t => Assert.Equal(VisitTaskState.Open, t.State));
        Assert.Equal(2, await db.AuditEntries.CountAsync(e => e.Action == "task.create" && e.After!.Contains("Verval Triwulan IV 2026")));
    }

    [Theory, DatabaseData]
    public async Task ApproveVisit_RecommendingGraduation_MovesTheHouseholdWithEventAndAudit(TestProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var services = Services(database);
        var household = Family(1, BontangKuala);
        await SaveAsync(services, household);
        await RunAsync(services, async unit =>
        {
            unit.Db.Attach(household);
            await VisitAsync(unit, household, new DateOnly(2026, 3, 2), HouseholdStatus.Verified);
        });

        Visit? graduation = null;
        await RunAsync(services, async unit =>
        {
            var loaded = await unit.Db.Households.SingleAsync(h => h.Id == household.Id);
            graduation = await VisitAsync(unit, loaded, new DateOnly(2026, 11, 1), HouseholdStatus.Graduated, spending: 650_000, VisitPurpose.Graduation);
        });

        await using var db = database.CreateContext();
        var after = await db.Households.SingleAsync(h => h.Id == household.Id);
        Assert.Equal(HouseholdStatus.Graduated, after.Status);
        Assert.Equal(new DateOnly(2026, 11, 1), after.StatusSince);
        Assert.Equal(650_000, after.SpendingPerCapita);
        Assert.Equal(new DateOnly(2026, 11, 1), after.AssessedOn);
        Assert.False(after.IsCandidate);

        var events = await db.StatusEvents.Where(e => e.HouseholdId == household.Id).OrderBy(e => e.Id).ToListAsync();
        Assert.Equal(
            [(HouseholdStatus.Registered, HouseholdStatus.Listed), (HouseholdStatus.Listed, HouseholdStatus.Verified), (HouseholdStatus.Verified, HouseholdStatus.Graduated)],
            events.Select(e => (e.From, e.To)));
        var last = events[^1];
        Assert.Equal(new DateOnly(2026, 11, 1), last.EffectiveDate);
        Assert.Equal(Reviewer, last.Actor);
        Assert.Equal("visit", last.Source);
        Assert.Equal(graduation!.Id, last.VisitId);
        Assert.Equal($"Hasil kunjungan 01-11-2026 oleh {Visitor}, disetujui {Reviewer}.", last.Reason);

        var visit = await db.Visits.Include(v => v.Evidence).SingleAsync(v => v.Id == graduation.Id);
        Assert.Equal(ReviewState.Approved, visit.Review);
        Assert.Equal(Reviewer, visit.ReviewedBy);
        Assert.Single(visit.Evidence);
        Assert.Equal(VisitTaskState.Approved, (await db.Tasks.SingleAsync(t => t.Id == visit.TaskId)).State);

        var trail = await db.AuditEntries.Where(e => e.HouseholdId == household.Id).OrderBy(e => e.Sequence).ToListAsync();
        var statusEntry = trail.Last(e => e.Action == "household.status");
        Assert.Equal(Reviewer, statusEntry.Actor);
        Assert.Equal(household.NoKk.Value, statusEntry.EntityKey);
        Assert.Contains("\"status\":\"verified\"", statusEntry.Before, StringComparison.Ordinal);
        Assert.Contains("\"status\":\"graduated\"", statusEntry.After, StringComparison.Ordinal);
        Assert.Contains("\"effectiveDate\":\"2026-11-01\"", statusEntry.After, StringComparison.Ordinal);
        Assert.Contains(trail, e => e.Action == "visit.approve" && e.EntityKey == graduation.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.True((await AuditVerifier.VerifyAsync(db)).Intact);
    }

    [Theory, DatabaseData]
    public async Task ApproveVisit_StatusTheRulesRefuse_ThrowsAndLeavesTheHouseholdUnchanged(TestProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var services = Services(database);
        var household = Family(1, BontangKuala, spending: 280_000);
        await SaveAsync(services, household);
        Visit? submitted = null;
        await RunAsync(services, async unit =>
        {
            unit.Db.Attach(household);
            List(unit, household, new DateOnly(2026, 10, 1));
            submitted = await SubmitAsync(unit, household, new DateOnly(2026, 11, 2), HouseholdStatus.Graduated, spending: 700_000);
        });
        var (version, events, entries) = await SnapshotAsync(database, household.Id);

        await using (var unit = Open(services))
        {
            await unit.Audit.BeginAsync();
            var visit = await unit.Db.Visits.Include(v => v.Task).Include(v => v.Evidence).SingleAsync(v => v.Id == submitted!.Id);
            var loaded = await unit.Db.Households.SingleAsync(h => h.Id == household.Id);

            var error = await Assert.ThrowsAsync<DomainException>(() => unit.Verval.ApproveAsync(visit, loaded, Reviewer, null, unit.Audit));

            Assert.Contains("listed cannot become graduated", error.Message, StringComparison.Ordinal);
        }

        await using var db = database.CreateContext();
        var after = await db.Households.SingleAsync(h => h.Id == household.Id);
        Assert.Equal(HouseholdStatus.Listed, after.Status);
        Assert.Equal(280_000, after.SpendingPerCapita);
        Assert.Null(after.AssessedOn);
        Assert.Equal((version, events, entries), await SnapshotAsync(database, household.Id));
        var visitAfter = await db.Visits.SingleAsync(v => v.Id == submitted!.Id);
        Assert.Equal(ReviewState.Pending, visitAfter.Review);
        Assert.Equal(VisitTaskState.Submitted, (await db.Tasks.SingleAsync(t => t.Id == visitAfter.TaskId)).State);
        Assert.True((await AuditVerifier.VerifyAsync(db)).Intact);
    }

    [Theory, DatabaseData]
    public async Task ApproveVisit_TwoReviewersAtOnce_TheSecondGetsAConcurrencyError(TestProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var services = Services(database);
        var household = Family(1, BontangKuala);
        await SaveAsync(services, household);
        Visit? submitted = null;
        await RunAsync(services, async unit =>
        {
            unit.Db.Attach(household);
            List(unit, household, new DateOnly(2026, 10, 1));
            submitted = await SubmitAsync(unit, household, new DateOnly(2026, 11, 2), HouseholdStatus.Verified);
        });

        await using var first = Open(services);
        await using var second = Open(services);
        var firstVisit = await first.Db.Visits.Include(v => v.Task).Include(v => v.Evidence).SingleAsync(v => v.Id == submitted!.Id);
        var firstHousehold = await first.Db.Households.SingleAsync(h => h.Id == household.Id);
        var secondVisit = await second.Db.Visits.Include(v => v.Task).Include(v => v.Evidence).SingleAsync(v => v.Id == submitted!.Id);
        var secondHousehold = await second.Db.Households.SingleAsync(h => h.Id == household.Id);

        await first.Audit.BeginAsync();
        await first.Verval.ApproveAsync(firstVisit, firstHousehold, Reviewer, null, first.Audit);
        await first.Audit.CommitAsync();

        await second.Audit.BeginAsync();
        await second.Verval.ApproveAsync(secondVisit, secondHousehold, "dinsos.kedua", "Disetujui juga.", second.Audit);
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.Audit.CommitAsync());
        await second.Audit.DisposeAsync();

        await using var db = database.CreateContext();
        var visit = await db.Visits.SingleAsync(v => v.Id == submitted!.Id);
        Assert.Equal(Reviewer, visit.ReviewedBy);
        Assert.Equal(1, await db.StatusEvents.CountAsync(e => e.HouseholdId == household.Id && e.To == HouseholdStatus.Verified));
        Assert.False(await db.AuditEntries.AnyAsync(e => e.Actor == "dinsos.kedua"));
        Assert.True((await AuditVerifier.VerifyAsync(db)).Intact);
    }

    [Theory, DatabaseData]
    public async Task SubmitProposal_UsulAndSanggah_RaiseATaskDueIn14Days(TestProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var services = Services(database);
        var proposed = Family(1, BontangKuala);
        var objected = Family(2, BontangKuala);
        await SaveAsync(services, proposed, objected);
        await RunAsync(services, unit =>
        {
            unit.Db.AttachRange(proposed, objected);
            List(unit, objected, new DateOnly(2026, 9, 1));
            return Task.CompletedTask;
        });

        await RunAsync(services, async unit =>
        {
            unit.Db.AttachRange(proposed, objected);
            await unit.Verval.SubmitProposalAsync(ProposalKind.Usul, RegionCode.From(BontangKuala), proposed,
                "Kepala keluarga kehilangan pekerjaan sejak tiga bulan lalu.", "Ketua RT 07", "0812-0000-0000", Photo("usul"), Operator, unit.Audit);
            await unit.Verval.SubmitProposalAsync(ProposalKind.Sanggah, RegionCode.From(BontangKuala), objected,
                "Keluarga ini baru membeli mobil dan membuka toko.", "Warga RT 07", null, null, null, unit.Audit);
        });

        await using var db = database.CreateContext();
        var dueOn = Today.AddDays(14);
        var proposals = await db.Proposals.Include(p => p.Task).OrderBy(p => p.Id).ToListAsync();
        Assert.Equal([ProposalKind.Usul, ProposalKind.Sanggah], proposals.Select(p => p.Kind));
        Assert.All(proposals, p =>
        {
            Assert.Equal(new DateOnly(2026, 12, 6), p.DueOn);
            Assert.NotNull(p.Task);
            Assert.Equal(VisitPurpose.Proposal, p.Task.Purpose);
            Assert.Equal(dueOn, p.Task.DueOn);
            Assert.Equal(p.HouseholdId, p.Task.HouseholdId);
            Assert.Equal(Operator, p.Task.AssignedTo);
        });
        Assert.Equal([Operator, "publik"], await db.AuditEntries.Where(e => e.EntityType == "proposal").OrderBy(e => e.Sequence).Select(e => e.Actor).ToListAsync());
    }

    [Theory, DatabaseData]
    public async Task SubmitProposal_SanggahOnAHouseholdNotListed_IsRefused(TestProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var services = Services(database);
        var registered = Family(1, BontangKuala);
        await SaveAsync(services, registered);

        await using (var unit = Open(services))
        {
            await unit.Audit.BeginAsync();
            unit.Db.Attach(registered);
            var error = await Assert.ThrowsAsync<DomainException>(() => unit.Verval.SubmitProposalAsync(ProposalKind.Sanggah, RegionCode.From(BontangKuala), registered,
                "Keluarga ini sudah mampu.", "Warga", null, null, null, unit.Audit));
            Assert.Contains("not listed", error.Message, StringComparison.Ordinal);
        }

        await using var db = database.CreateContext();
        Assert.False(await db.Proposals.AnyAsync());
        Assert.False(await db.Tasks.AnyAsync());
    }

    [Theory, DatabaseData]
    public async Task Classify_ListsARegisteredCandidate_ButNotAnExcludedOne(TestProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var services = Services(database);
        var candidate = Family(1, BontangKuala, spending: 200_000);
        var excluded = Family(2, BontangKuala);
        var wellOff = Family(3, BontangBaru, spending: 900_000);
        await SaveAsync(services, candidate, excluded, wellOff);
        await RunAsync(services, async unit =>
        {
            unit.Db.Attach(excluded);
            List(unit, excluded, new DateOnly(2026, 9, 1));

            // Found poor, but excluded all the same (say the family has another KK that stays on the list).
            await VisitAsync(unit, excluded, new DateOnly(2026, 9, 15), HouseholdStatus.Excluded, spending: 200_000);
        });
        var excludedEvents = await CountEventsAsync(database, excluded.Id);

        ClassificationSummary? summary = null;
        await RunAsync(services, async unit => summary = await unit.Classification.ClassifyAsync(
            unit.Db.Households.InRegion(RegionCode.From("64.74")), new DateOnly(2026, 6, 30), "sistem:klasifikasi", unit.Audit));

        Assert.Equal((3, 2, 1), (summary!.Households, summary.Candidates, summary.Listed));
        await using var db = database.CreateContext();
        var listedEvent = await db.StatusEvents.SingleAsync(e => e.HouseholdId == candidate.Id);
        Assert.Equal((HouseholdStatus.Registered, HouseholdStatus.Listed), (listedEvent.From, listedEvent.To));
        Assert.Equal(new DateOnly(2026, 6, 30), listedEvent.EffectiveDate);
        Assert.Equal("sistem:klasifikasi", listedEvent.Actor);
        Assert.Equal("classification", listedEvent.Source);
        Assert.Contains("pengeluaran per kapita di bawah garis 2024", listedEvent.Reason, StringComparison.Ordinal);
        Assert.Null(listedEvent.VisitId);

        var statuses = await db.Households.OrderBy(h => h.Id).Select(h => new { h.Status, h.IsCandidate }).ToListAsync();
        Assert.Equal(
            [new { Status = HouseholdStatus.Listed, IsCandidate = true }, new { Status = HouseholdStatus.Excluded, IsCandidate = true }, new { Status = HouseholdStatus.Registered, IsCandidate = false }],
            statuses);
        Assert.Equal(excludedEvents, await CountEventsAsync(database, excluded.Id));
        Assert.Empty(await db.StatusEvents.Where(e => e.HouseholdId == wellOff.Id).ToListAsync());
        var kept = Classification.FromJson((await db.Households.SingleAsync(h => h.Id == candidate.Id)).ClassificationJson)!;
        Assert.Contains("Spending per person Rp200.000 is below the line Rp391.000: met.", kept.Explain(english: true));
    }

    private static async Task<int> CountEventsAsync(TestDatabase database, long householdId)
    {
        await using var db = database.CreateContext();
        return await db.StatusEvents.CountAsync(e => e.HouseholdId == householdId);
    }

    private static async Task<(int Version, int Events, int Entries)> SnapshotAsync(TestDatabase database, long householdId)
    {
        await using var db = database.CreateContext();
        var version = await db.Households.Where(h => h.Id == householdId).Select(h => h.Version).SingleAsync();
        return (version, await db.StatusEvents.CountAsync(e => e.HouseholdId == householdId), await db.AuditEntries.CountAsync());
    }
}
