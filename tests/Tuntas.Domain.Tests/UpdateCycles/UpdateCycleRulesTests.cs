using Tuntas.Domain.Common;
using Tuntas.Domain.Regions;
using Tuntas.Domain.UpdateCycles;

namespace Tuntas.Domain.Tests.UpdateCycles;

public class UpdateCycleRulesTests
{
    private static readonly RegionCode Bontang = RegionCode.From("64.74");
    private static readonly RegionCode BontangKuala = RegionCode.From("64.74.01.1001");
    private static readonly DateTime Now = new(2026, 2, 1, 0, 0, 0, DateTimeKind.Utc);

    private static UpdateCycle February(CycleDeadlines? deadlines = null) => new(Bontang, new DateOnly(2026, 2, 20), deadlines ?? CycleDeadlines.Default, "dinsos", Now);

    [Fact]
    public void Deadlines_DefaultToMeetingsBy14_ProposalsBy11_AndADayPastAShortMonthIsItsLastDay()
    {
        var cycle = February();

        Assert.Equal(new DateOnly(2026, 2, 1), cycle.Month);
        Assert.Equal(new DateOnly(2026, 2, 14), cycle.Due(CycleStep.Meeting));
        Assert.Equal(new DateOnly(2026, 2, 11), cycle.Due(CycleStep.Proposals));
        Assert.Equal(new DateOnly(2026, 2, 17), cycle.Due(CycleStep.Check));
        Assert.Equal(new DateOnly(2026, 2, 28), cycle.Due(CycleStep.Groundcheck));
    }

    [Fact]
    public void Deadlines_OutOfOrderOrOutsideTheMonth_AreRefused_AndACycleIsForARegency()
    {
        Assert.Equal("UpdateCycles.DeadlineOrder", Assert.Throws<DomainException>(() => February(new CycleDeadlines(14, 11, 10, 28))).Error!.Code);
        Assert.Equal("UpdateCycles.DeadlineDay", Assert.Throws<DomainException>(() => February(new CycleDeadlines(32, 11, 17, 31))).Error!.Code);
        Assert.Equal("UpdateCycles.NotARegency", Assert.Throws<DomainException>(() => new UpdateCycle(BontangKuala, new DateOnly(2026, 2, 1), CycleDeadlines.Default, "dinsos", Now)).Error!.Code);
    }

    [Fact]
    public void AVillageWithNothingDone_IsLateOnEveryStepPastItsDeadline_AndPendingBefore()
    {
        var cycle = February();
        var village = new CycleVillage(1, BontangKuala);

        var onTwelfth = VillageProgress.Of(cycle, village, [], new DateOnly(2026, 2, 12));
        var onFourteenth = VillageProgress.Of(cycle, village, [], new DateOnly(2026, 2, 14));
        var onFifteenth = VillageProgress.Of(cycle, village, [], new DateOnly(2026, 2, 15));

        Assert.Equal([StepState.Pending, StepState.Late, StepState.Pending, StepState.Pending], onTwelfth.Steps.Select(s => s.State));
        Assert.Equal(StepState.Pending, onFourteenth[CycleStep.Meeting].State);
        Assert.Equal(StepState.Late, onFifteenth[CycleStep.Meeting].State);
        Assert.True(onFifteenth.AnyLate);
    }

    [Fact]
    public void AMeetingWithoutMinutes_IsNotDone_AndOneOutsideTheMonthOrInTheFuture_IsRefused()
    {
        var cycle = February();
        var village = new CycleVillage(1, BontangKuala);
        var today = new DateOnly(2026, 2, 20);

        Assert.Equal("UpdateCycles.MeetingOutsideMonth", Assert.Throws<DomainException>(() => village.RecordMeeting(cycle, new DateOnly(2026, 1, 31), "op", today)).Error!.Code);
        Assert.Equal("UpdateCycles.DateInFuture", Assert.Throws<DomainException>(() => village.RecordMeeting(cycle, new DateOnly(2026, 2, 21), "op", today)).Error!.Code);
        village.RecordMeeting(cycle, new DateOnly(2026, 2, 10), "op", today);
        Assert.Equal(StepState.Late, VillageProgress.Of(cycle, village, [], today)[CycleStep.Meeting].State);

        village.AttachMinutes("berita-acara.pdf", new string('a', 64), null);

        var meeting = VillageProgress.Of(cycle, village, [], today)[CycleStep.Meeting];
        Assert.Equal((StepState.Done, new DateOnly(2026, 2, 10)), (meeting.State, meeting.DoneOn));
    }

    [Fact]
    public void CheckAndGroundcheck_AreDone_WhenEveryProposalIsDecided_AndEveryAcceptedOneFieldChecked()
    {
        var cycle = February();
        var village = new CycleVillage(1, BontangKuala);
        var accepted = Proposal("6474010101000001", CycleProposalKind.New);
        var refused = Proposal("6474010101000002", CycleProposalKind.Exit);
        village.FinishProposals("op", new DateOnly(2026, 2, 9));

        var waiting = VillageProgress.Of(cycle, village, [accepted, refused], new DateOnly(2026, 2, 16));
        accepted.Check(true, null, "dinsos", new DateOnly(2026, 2, 16));
        Assert.Equal("UpdateCycles.RefuseWithoutReason", Assert.Throws<DomainException>(() => refused.Check(false, " ", "dinsos", new DateOnly(2026, 2, 18))).Error!.Code);
        refused.Check(false, "Sudah pindah ke kabupaten lain.", "dinsos", new DateOnly(2026, 2, 18));
        var checkedLate = VillageProgress.Of(cycle, village, [accepted, refused], new DateOnly(2026, 2, 18));
        Assert.Equal("UpdateCycles.GroundcheckNotAccepted", Assert.Throws<DomainException>(() => refused.RecordGroundcheck(GroundcheckOutcome.Confirmed, new DateOnly(2026, 2, 18), null, "pendamping", new DateOnly(2026, 2, 18))).Error!.Code);
        accepted.RecordGroundcheck(GroundcheckOutcome.Confirmed, new DateOnly(2026, 2, 20), "Rumah papan.", "pendamping", new DateOnly(2026, 2, 20));
        var done = VillageProgress.Of(cycle, village, [accepted, refused], new DateOnly(2026, 2, 20));

        Assert.Equal((StepState.Done, StepState.Pending, StepState.Pending), (waiting[CycleStep.Proposals].State, waiting[CycleStep.Check].State, waiting[CycleStep.Groundcheck].State));
        Assert.Equal((StepState.DoneLate, new DateOnly(2026, 2, 18)), (checkedLate[CycleStep.Check].State, checkedLate[CycleStep.Check].DoneOn!.Value));
        Assert.Equal(StepState.Done, done[CycleStep.Groundcheck].State);
        Assert.Equal("UpdateCycles.AlreadyChecked", Assert.Throws<DomainException>(() => accepted.Check(false, "lagi", "dinsos", new DateOnly(2026, 2, 20))).Error!.Code);
    }

    [Fact]
    public void AProposal_NeedsSixteenDigitNumbers_AName_AndAReason_AndReadsTheSiksNgWords()
    {
        Assert.Equal("UpdateCycles.BadNoKk", Assert.Throws<DomainException>(() => new CycleProposal(1, BontangKuala, "6474", "6474011708850002", "Budi", CycleProposalKind.New, "Baru pindah", null, "op", Now)).Error!.Code);
        Assert.Equal("UpdateCycles.BadNik", Assert.Throws<DomainException>(() => new CycleProposal(1, BontangKuala, "6474010101000001", "6.47401E+15", "Budi", CycleProposalKind.New, "Baru pindah", null, "op", Now)).Error!.Code);
        Assert.Equal("UpdateCycles.ReasonMissing", Assert.Throws<DomainException>(() => new CycleProposal(1, BontangKuala, "6474010101000001", "6474011708850002", "Budi", CycleProposalKind.New, "", null, "op", Now)).Error!.Code);
        Assert.Equal(CycleProposalKind.Correction, CycleProposalKindWords.Parse("Perbaikan Data"));
        Assert.Equal(CycleProposalKind.New, CycleProposalKindWords.Parse("usulan baru"));
        Assert.Equal(CycleProposalKind.Exit, CycleProposalKindWords.Parse("Exit"));
        Assert.Null(CycleProposalKindWords.Parse("hapus"));
        Assert.Equal(["Usulan Baru", "Perbaikan Data", "Usulan Keluar"], Enum.GetValues<CycleProposalKind>().Select(k => k.ToSiksNg()));
    }

    [Theory]
    [InlineData(3, 6, true)]
    [InlineData(6, 4, true)]
    [InlineData(4, 5, true)]
    [InlineData(1, 4, false)]
    [InlineData(5, 10, false)]
    [InlineData(null, 2, false)]
    public void ADesilJump_CrossesOnlyBetweenOneToFourAndFivePlus(int? before, int after, bool crosses) =>
        Assert.Equal(crosses, new DesilJump(1, before, after, new DateOnly(2026, 2, 1)).Crosses);

    [Fact]
    public void DistrictSummary_CountsVillagesDoneAndLate_PerKecamatan()
    {
        var cycle = February();
        var today = new DateOnly(2026, 2, 15);
        var late = VillageProgress.Of(cycle, new CycleVillage(1, BontangKuala), [], today);
        var other = VillageProgress.Of(cycle, new CycleVillage(1, RegionCode.From("64.74.02.1001")), [], new DateOnly(2026, 2, 1));

        var summary = DistrictProgress.Of([late, other], c => c.Value!);

        Assert.Equal([("64.74.01", 1, 0, 1), ("64.74.02", 1, 0, 0)], summary.Select(d => (d.District.Value!, d.Villages, d.Done, d.Late)));
    }

    private static CycleProposal Proposal(string noKk, CycleProposalKind kind) =>
        new(1, BontangKuala, noKk, "6474011708850002", "Budi Santoso", kind, "Rumah tidak layak huni.", null, "op", Now);
}
