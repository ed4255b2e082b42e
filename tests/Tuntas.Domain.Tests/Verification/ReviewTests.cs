using Tuntas.Domain.Common;
using Tuntas.Domain.Regions;
using Tuntas.Domain.Registry;
using Tuntas.Domain.Verification;

namespace Tuntas.Domain.Tests.Verification;

/// <summary>What a visitor may submit, and the four-eyes rule of Dinas Sosial's review of visits and village meetings.</summary>
public class ReviewTests
{
    private static readonly DateTime Now = new(2026, 11, 22, 3, 0, 0, DateTimeKind.Utc);
    private static readonly DateOnly Today = new(2026, 11, 22);
    private static readonly RegionCode BontangKuala = RegionCode.From("64.74.01.1001");

    private static VisitTask NewTask() => new(1, VisitPurpose.Verification, Today.AddDays(14), "dinsos.bontang", Now);

    private static VisitReport Report() => new() { VisitedOn = Today, Found = true };

    [Fact]
    public void Submit_VisitDatedInTheFuture_IsRefused()
    {
        var task = NewTask();

        var error = Assert.Throws<DomainException>(() => Visit.Submit(task, Report() with { VisitedOn = Today.AddDays(1) }, "pendamping", Today, Now));

        Assert.Contains("in the future", error.Message, StringComparison.Ordinal);
        Assert.Equal(VisitTaskState.Open, task.State);
    }

    [Fact]
    public void Submit_NegativeSpending_IsRefused()
    {
        var error = Assert.Throws<DomainException>(() => Visit.Submit(NewTask(), Report() with { SpendingPerCapita = -1 }, "pendamping", Today, Now));

        Assert.Contains("Spending cannot be negative", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0.13, null)]
    [InlineData(null, 117.5)]
    [InlineData(91.0, 117.5)]
    [InlineData(0.13, 181.0)]
    public void Submit_InvalidOrHalfGpsPosition_IsRefused(double? latitude, double? longitude)
    {
        var error = Assert.Throws<DomainException>(() =>
            Visit.Submit(NewTask(), Report() with { Latitude = latitude, Longitude = longitude }, "pendamping", Today, Now));

        Assert.Contains("GPS position is not valid", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Submit_MergeWithoutTheOtherNoKk_IsRefused()
    {
        Assert.Throws<DomainException>(() => Visit.Submit(NewTask(), Report() with { Recommendation = HouseholdStatus.Merged }, "pendamping", Today, Now));
    }

    [Fact]
    public void Submit_SecondVisitForTheSameTask_IsRefused()
    {
        var task = NewTask();
        Visit.Submit(task, Report(), "pendamping", Today, Now);

        Assert.Throws<DomainException>(() => Visit.Submit(task, Report(), "pendamping", Today, Now));
        Assert.Equal(VisitTaskState.Submitted, task.State);
    }

    [Theory]
    [InlineData("pendamping.bontangutara")]
    [InlineData("Pendamping.BontangUtara")]
    public void Approve_ByTheVisitor_IsRefused(string reviewer)
    {
        var task = NewTask();
        var visit = Visit.Submit(task, Report(), "pendamping.bontangutara", Today, Now);

        var error = Assert.Throws<DomainException>(() => visit.Approve(reviewer, null, Now));

        Assert.Contains("cannot review it", error.Message, StringComparison.Ordinal);
        Assert.False(visit.IsApproved);
        Assert.Equal(ReviewState.Pending, visit.Review);
        Assert.Equal(VisitTaskState.Submitted, task.State);
    }

    [Fact]
    public void Approve_ByAnotherPerson_ClosesTheTask()
    {
        var task = NewTask();
        var visit = Visit.Submit(task, Report(), "pendamping.bontangutara", Today, Now);

        visit.Approve("dinsos.bontang", "Lengkap.", Now);

        Assert.True(visit.IsApproved);
        Assert.Equal("dinsos.bontang", visit.ReviewedBy);
        Assert.Equal(VisitTaskState.Approved, task.State);
        Assert.Throws<DomainException>(() => visit.Approve("dinsos.bontang", null, Now));
    }

    [Fact]
    public void Return_WithoutANote_IsRefused_WithOne_ReopensTheTask()
    {
        var task = NewTask();
        var visit = Visit.Submit(task, Report(), "pendamping.bontangutara", Today, Now);

        Assert.Throws<DomainException>(() => visit.Return("dinsos.bontang", " ", Now));
        visit.Return("dinsos.bontang", "Foto rumah tidak jelas.", Now);

        Assert.Equal(ReviewState.Returned, visit.Review);
        Assert.Equal(VisitTaskState.Returned, task.State);
        Assert.True(task.IsOpen);
    }

    private static VillageMeeting Meeting()
    {
        var meeting = new VillageMeeting(1, BontangKuala, Today, 24, "Lurah, Ketua RT", "operator.bontangkuala", Now);
        meeting.Decide(7, MeetingDecisionKind.Confirm, null);
        return meeting;
    }

    [Fact]
    public void ApproveMeeting_WithoutMinutes_IsRefused()
    {
        var meeting = Meeting();

        var error = Assert.Throws<DomainException>(() => meeting.Approve("dinsos.bontang", Now));

        Assert.Contains("minutes (berita acara)", error.Message, StringComparison.Ordinal);
        Assert.False(meeting.IsApproved);
    }

    [Fact]
    public void ApproveMeeting_ByTheRecorder_IsRefused()
    {
        var meeting = Meeting();
        meeting.AttachMinutes("berita-acara.pdf", new string('b', 64), null);

        var error = Assert.Throws<DomainException>(() => meeting.Approve("Operator.BontangKuala", Now));

        Assert.Contains("recorded the meeting cannot approve it", error.Message, StringComparison.Ordinal);
        Assert.False(meeting.IsApproved);
    }

    [Fact]
    public void ApproveMeeting_WithMinutesByAnotherPerson_ClosesItsDecisions()
    {
        var meeting = Meeting();
        meeting.AttachMinutes("berita-acara.pdf", new string('b', 64), null);

        meeting.Approve("dinsos.bontang", Now);

        Assert.True(meeting.IsApproved);
        Assert.Equal("dinsos.bontang", meeting.ApprovedBy);
        Assert.Throws<DomainException>(() => meeting.Decide(8, MeetingDecisionKind.Include, null));
    }

    [Fact]
    public void Proposal_IsDueIn14Days()
    {
        var proposal = new Proposal(ProposalKind.Usul, BontangKuala, null, "Kepala keluarga kehilangan pekerjaan.", "Ketua RT 07", null, "operator.bontangkuala", Today, Now);

        Assert.Equal(new DateOnly(2026, 12, 6), proposal.DueOn);
    }

    [Fact]
    public void Proposal_SanggahByStaffWithoutTheHousehold_IsRefused()
    {
        Assert.Throws<DomainException>(() =>
            new Proposal(ProposalKind.Sanggah, BontangKuala, null, "Keluarga ini sudah mampu.", "Warga", null, "operator.bontangkuala", Today, Now));
    }

    [Fact]
    public void Proposal_SanggahFromThePublicWithoutAMatchedHousehold_IsAccepted()
    {
        var proposal = new Proposal(ProposalKind.Sanggah, BontangKuala, null, "Keluarga ini sudah mampu.", "Warga", null, null, Today, Now);

        Assert.Equal((ProposalKind.Sanggah, (long?)null), (proposal.Kind, proposal.HouseholdId));
    }

    [Fact]
    public void Submit_VisitDatedMoreThan60DaysAgo_IsRefused()
    {
        var error = Assert.Throws<DomainException>(() => Visit.Submit(NewTask(), Report() with { VisitedOn = Today.AddDays(-61) }, "pendamping", Today, Now));

        Assert.Contains("more than 60 days ago", error.Message, StringComparison.Ordinal);
        Assert.Contains("lebih dari 60 hari", error.Indonesian, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(HouseholdStatus.Verified)]
    [InlineData(HouseholdStatus.Graduated)]
    [InlineData(HouseholdStatus.Excluded)]
    public void Submit_HouseholdNotFound_CannotBeVerifiedGraduatedOrExcluded(HouseholdStatus recommendation)
    {
        var error = Assert.Throws<DomainException>(() => Visit.Submit(NewTask(), Report() with { Found = false, Recommendation = recommendation }, "pendamping", Today, Now));

        Assert.Contains("not found", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Submit_HouseholdNotFound_MayBeRecommendedAsMoved()
    {
        var visit = Visit.Submit(NewTask(), Report() with { Found = false, Recommendation = HouseholdStatus.Moved }, "pendamping", Today, Now);

        Assert.Equal(HouseholdStatus.Moved, visit.Recommendation);
    }
}
