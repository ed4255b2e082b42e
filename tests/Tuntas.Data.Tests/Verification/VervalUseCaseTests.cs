using Microsoft.EntityFrameworkCore;
using Tuntas.Data.Audit;
using Tuntas.Data.Common;
using Tuntas.Data.Verification;
using Tuntas.Domain.Access;
using Tuntas.Domain.Regions;
using Tuntas.Domain.Registry;
using Tuntas.Domain.Verification;
using Tuntas.Testing;
using static Tuntas.Data.Tests.Verification.VervalKit;

namespace Tuntas.Data.Tests.Verification;

/// <summary>The verval use cases: each keeps its whole change or, refused, nothing, and says why in a typed error.</summary>
public class VervalUseCaseTests
{
    private static readonly RegionScope Bontang = new(RegionCode.From("64.74"));

    private static readonly VisitReport Report = new()
    {
        VisitedOn = Today,
        Found = true,
        MetPerson = "Kepala keluarga",
        SpendingPerCapita = 250_000,
        Indicators = PovertyIndicators.EarthOrPlasterFloor,
        Recommendation = HouseholdStatus.Verified,
    };

    [Theory, DatabaseData]
    public async Task CreateRound_ThenAssignTask_GivesTheTaskToAnotherPerson_AndRefusesSomeoneOutsideTheRegion(TestProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var services = Services(database);
        var household = Family(1, BontangKuala);
        await SaveAsync(services, household);
        await RunAsync(services, unit =>
        {
            unit.Db.Attach(household);
            List(unit, household, new DateOnly(2026, 10, 1));
            return Task.CompletedTask;
        });

        WriteResult<RoundCreated> created;
        await using (var unit = Open(services))
        {
            created = await unit.Scope<CreateRound>().CreateAsync(Bontang, RegionCode.From("64.74"), "Verval Triwulan IV 2026", new DateOnly(2026, 10, 1), new DateOnly(2026, 12, 31), 6, Reviewer);
        }

        Assert.True(created.Succeeded);
        Assert.Equal(1, created.Value!.ListedTasks);
        var roundId = created.Value.Round.Id;

        await using (var unit = Open(services))
        {
            var outside = await unit.Scope<CreateRound>().CreateAsync(Bontang, RegionCode.From("64.08"), "Di luar wilayah", new DateOnly(2026, 10, 1), new DateOnly(2026, 12, 31), 6, Reviewer);
            Assert.IsType<WriteError.NotAllowed>(outside.Error);
        }

        await using var check = database.CreateContext();
        var task = await check.Tasks.SingleAsync(t => t.RoundId == roundId);
        Assert.Equal(Operator, task.AssignedTo);

        await using (var unit = Open(services))
        {
            var refused = await unit.Scope<AssignTask>().AssignAsync(Bontang, roundId, task.Id, task.Version, "orang.lain", Reviewer);
            Assert.IsType<WriteError.RuleBroken>(refused.Error);
            var elsewhere = await unit.Scope<AssignTask>().AssignAsync(Bontang, roundId + 1, task.Id, task.Version, null, Reviewer);
            Assert.IsType<WriteError.NotFound>(elsewhere.Error);
            var unassigned = await unit.Scope<AssignTask>().AssignAsync(Bontang, roundId, task.Id, task.Version, null, Reviewer);
            Assert.True(unassigned.Succeeded);
        }

        await using var db = database.CreateContext();
        Assert.Null((await db.Tasks.SingleAsync(t => t.Id == task.Id)).AssignedTo);
        Assert.Equal(1, await db.AuditEntries.CountAsync(e => e.Action == "task.assign"));
        Assert.Equal(1, await db.Rounds.CountAsync());
        Assert.True((await AuditVerifier.VerifyAsync(db)).Intact);
    }

    [Theory, DatabaseData]
    public async Task SubmitVisit_TheSameFormSentTwice_TheSecondIsAConflictAndKeepsNothing(TestProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var services = Services(database);
        var household = Family(1, BontangKuala);
        await SaveAsync(services, household);
        long taskId = 0;
        int version = 0;
        await RunAsync(services, async unit =>
        {
            unit.Db.Attach(household);
            List(unit, household, new DateOnly(2026, 10, 1));
            var task = await unit.Verval.CreateTaskAsync(household, VisitPurpose.Verification, Today.AddDays(14), Reviewer, unit.Audit);
            await unit.Db.SaveChangesAsync();
            (taskId, version) = (task.Id, task.Version);
        });

        await using (var unit = Open(services))
        {
            var first = await unit.Scope<SubmitVisit>().SubmitAsync(Bontang, taskId, version, Report, [Photo("rumah")], Visitor);
            Assert.True(first.Succeeded);
            Assert.Equal(household.Id, first.Value);
        }

        await using (var unit = Open(services))
        {
            var second = await unit.Scope<SubmitVisit>().SubmitAsync(Bontang, taskId, version, Report, [Photo("rumah-lagi")], Visitor);
            Assert.IsType<WriteError.Conflict>(second.Error);
            var outside = await unit.Scope<SubmitVisit>().SubmitAsync(new RegionScope(RegionCode.From("64.08")), taskId, version + 1, Report, [], Visitor);
            Assert.IsType<WriteError.NotFound>(outside.Error);
        }

        await using var db = database.CreateContext();
        Assert.Equal(1, await db.Visits.CountAsync());
        Assert.Equal(1, await db.Evidence.CountAsync());
        Assert.Equal(VisitTaskState.Submitted, (await db.Tasks.SingleAsync()).State);
        Assert.True((await AuditVerifier.VerifyAsync(db)).Intact);
    }

    [Theory, DatabaseData]
    public async Task VillageMeeting_RecordedWithoutMinutes_ThenMinutesAttached_ThenApproved_ListsTheFamily(TestProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var services = Services(database);
        var household = Family(1, BontangKuala);
        var elsewhere = Family(2, BontangBaru);
        await SaveAsync(services, household, elsewhere);
        long roundId;
        await using (var unit = Open(services))
        {
            roundId = (await unit.Scope<CreateRound>().CreateAsync(Bontang, RegionCode.From("64.74"), "Verval Triwulan IV 2026", new DateOnly(2026, 10, 1), new DateOnly(2026, 12, 31), 6, Reviewer)).Value!.Round.Id;
        }

        long meetingId;
        await using (var unit = Open(services))
        {
            var decisions = new Dictionary<long, MeetingDecisionKind> { [household.Id] = MeetingDecisionKind.Include, [elsewhere.Id] = MeetingDecisionKind.Include };
            var future = await unit.Scope<RecordVillageMeeting>().RecordAsync(Bontang, roundId, RegionCode.From(BontangKuala), Today.AddDays(1), 20, null, null, decisions, Operator);
            Assert.IsType<WriteError.RuleBroken>(future.Error);
            var recorded = await unit.Scope<RecordVillageMeeting>().RecordAsync(Bontang, roundId, RegionCode.From(BontangKuala), Today, 20, "Kepala desa, RT 01-07", null, decisions, Operator);
            Assert.True(recorded.Succeeded);
            meetingId = recorded.Value!.Id;
        }

        await using (var unit = Open(services))
        {
            var withoutMinutes = await unit.Scope<ApproveVillageMeeting>().ApproveAsync(Bontang, roundId, meetingId, 0, Reviewer);
            Assert.IsType<WriteError.RuleBroken>(withoutMinutes.Error);
        }

        int version;
        await using (var unit = Open(services))
        {
            version = (await unit.Db.Meetings.AsNoTracking().SingleAsync(m => m.Id == meetingId)).Version;
            Assert.True((await unit.Scope<RecordVillageMeeting>().AttachMinutesAsync(Bontang, roundId, meetingId, version, Photo("berita-acara"), Operator)).Succeeded);
        }

        await using (var unit = Open(services))
        {
            var stale = await unit.Scope<ApproveVillageMeeting>().ApproveAsync(Bontang, roundId, meetingId, version, Reviewer);
            Assert.IsType<WriteError.Conflict>(stale.Error);
            var current = (await unit.Db.Meetings.AsNoTracking().SingleAsync(m => m.Id == meetingId)).Version;
            Assert.True((await unit.Scope<ApproveVillageMeeting>().ApproveAsync(Bontang, roundId, meetingId, current, Reviewer)).Succeeded);
        }

        await using var db = database.CreateContext();
        var meeting = await db.Meetings.Include(m => m.Decisions).SingleAsync();
        Assert.True(meeting.IsApproved);
        Assert.Equal([household.Id], meeting.Decisions.Select(d => d.HouseholdId));
        Assert.Equal(HouseholdStatus.Listed, (await db.Households.SingleAsync(h => h.Id == household.Id)).Status);
        Assert.Equal(HouseholdStatus.Registered, (await db.Households.SingleAsync(h => h.Id == elsewhere.Id)).Status);
        Assert.Equal(VisitPurpose.MeetingDecision, (await db.Tasks.SingleAsync(t => t.HouseholdId == household.Id)).Purpose);
        Assert.True((await AuditVerifier.VerifyAsync(db)).Intact);
    }

    [Theory, DatabaseData]
    public async Task ReceiveProposal_AnUsulIsKept_ASanggahOnAFamilyNotListedIsRefusedAndKeepsNothing(TestProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var services = Services(database);
        var registered = Family(1, BontangKuala);
        await SaveAsync(services, registered);
        var village = RegionCode.From(BontangKuala);

        await using (var unit = Open(services))
        {
            var refused = await unit.Scope<ReceiveProposal>().ReceiveAsync(
                new ProposalReceived(ProposalKind.Sanggah, village, registered.Id, "Keluarga ini sudah mampu.", "Warga", null, null), submittedBy: null);
            Assert.IsType<WriteError.RuleBroken>(refused.Error);
            var unknown = await unit.Scope<ReceiveProposal>().ReceiveAsync(
                new ProposalReceived(ProposalKind.Usul, village, registered.Id + 100, "Keluarga ini perlu dibantu segera.", "Warga", null, null), submittedBy: null);
            Assert.IsType<WriteError.NotFound>(unknown.Error);
        }

        await using (var check = database.CreateContext())
        {
            Assert.False(await check.Proposals.AnyAsync());
            Assert.False(await check.Tasks.AnyAsync());
        }

        await using (var unit = Open(services))
        {
            var kept = await unit.Scope<ReceiveProposal>().ReceiveAsync(
                new ProposalReceived(ProposalKind.Usul, village, registered.Id, "Kepala keluarga kehilangan pekerjaan sejak tiga bulan lalu.", "Ketua RT 07", null, Photo("usul")), Operator);
            Assert.True(kept.Succeeded);
            Assert.True(kept.Value!.Id > 0);
        }

        await using var db = database.CreateContext();
        var proposal = await db.Proposals.Include(p => p.Task).SingleAsync();
        Assert.Equal(Today.AddDays(14), proposal.DueOn);
        Assert.Equal(registered.Id, proposal.Task!.HouseholdId);
        Assert.True((await AuditVerifier.VerifyAsync(db)).Intact);
    }
}
