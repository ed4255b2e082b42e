using Tuntas.Domain.Common;
using Tuntas.Domain.Regions;
using Tuntas.Domain.Registry;
using Tuntas.Domain.Verification;

namespace Tuntas.Domain.Tests.Verification;

public class HouseholdLifecycleTests
{
    private static readonly DateTime Now = new(2026, 11, 22, 3, 0, 0, DateTimeKind.Utc);
    private static readonly DateOnly Today = new(2026, 11, 22);

    /// <summary>The first day a walk starts on; every later step is a day after the one before.</summary>
    private static readonly DateOnly Start = new(2026, 1, 5);

    /// <summary>
    /// The transitions the lifecycle allows, written out here as the specification rather than read
    /// from <see cref="HouseholdLifecycle"/>, so that a wrong table in the code makes these tests fail.
    /// </summary>
    private static readonly HashSet<(HouseholdStatus From, HouseholdStatus To)> Allowed =
    [
        (HouseholdStatus.Registered, HouseholdStatus.Listed),
        (HouseholdStatus.Listed, HouseholdStatus.Verified),
        (HouseholdStatus.Listed, HouseholdStatus.Excluded),
        (HouseholdStatus.Listed, HouseholdStatus.Moved),
        (HouseholdStatus.Listed, HouseholdStatus.Deceased),
        (HouseholdStatus.Listed, HouseholdStatus.Merged),
        (HouseholdStatus.Verified, HouseholdStatus.Graduated),
        (HouseholdStatus.Verified, HouseholdStatus.Excluded),
        (HouseholdStatus.Verified, HouseholdStatus.Moved),
        (HouseholdStatus.Verified, HouseholdStatus.Deceased),
        (HouseholdStatus.Verified, HouseholdStatus.Merged),
        (HouseholdStatus.Graduated, HouseholdStatus.Listed),
        (HouseholdStatus.Excluded, HouseholdStatus.Listed),
    ];

    public static TheoryData<HouseholdStatus, HouseholdStatus> AllPairs()
    {
        var data = new TheoryData<HouseholdStatus, HouseholdStatus>();
        foreach (var from in Enum.GetValues<HouseholdStatus>())
        {
            foreach (var to in Enum.GetValues<HouseholdStatus>())
            {
                data.Add(from, to);
            }
        }

        return data;
    }

    private static Household NewHousehold(string noKk = "6474010101200001") =>
        new(NomorKk.From(noKk), RegionCode.From("64.74.01.1001"), Now);

    /// <summary>A visit approved by Dinas Sosial, by default with one photo.</summary>
    private static Visit ApprovedVisit(Household household, DateOnly visitedOn, bool evidence = true)
    {
        var task = new VisitTask(household.Id, VisitPurpose.Verification, visitedOn.AddDays(14), "x", Now);
        var visit = Visit.Submit(task, new VisitReport { VisitedOn = visitedOn, Found = true }, "visitor", visitedOn, Now);
        if (evidence)
        {
            visit.AddEvidence(EvidenceKind.Photo, "rumah.jpg", "image/jpeg", 1024, new string('a', 64), null);
        }

        visit.Approve("reviewer", null, Now);
        return visit;
    }

    /// <summary>A change with everything any rule may ask for: an approved visit with evidence and, for a merge, the household that stays.</summary>
    private static StatusChange FullChange(Household household, HouseholdStatus to, DateOnly on) =>
        new(to, on, "dinsos.bontang", "Hasil kunjungan lapangan.", "visit")
        {
            Visit = ApprovedVisit(household, on),
            MergeInto = to == HouseholdStatus.Merged ? NewHousehold("6474010101209999") : null,
        };

    /// <summary>Walks a new household to <paramref name="status"/> through allowed transitions; returns the day of the last step.</summary>
    private static DateOnly WalkTo(Household household, HouseholdStatus status)
    {
        HouseholdStatus[] path = status switch
        {
            HouseholdStatus.Registered => [],
            HouseholdStatus.Listed => [HouseholdStatus.Listed],
            HouseholdStatus.Verified => [HouseholdStatus.Listed, HouseholdStatus.Verified],
            HouseholdStatus.Graduated => [HouseholdStatus.Listed, HouseholdStatus.Verified, HouseholdStatus.Graduated],
            _ => [HouseholdStatus.Listed, status],
        };
        var day = Start;
        foreach (var step in path)
        {
            day = day.AddDays(1);
            household.ChangeStatus(FullChange(household, step, day), Today, Now);
        }

        return day;
    }

    [Theory]
    [MemberData(nameof(AllPairs))]
    public void ChangeStatus_EveryPair_FollowsTheLifecycle(HouseholdStatus from, HouseholdStatus to)
    {
        var household = NewHousehold();
        var day = WalkTo(household, from).AddDays(1);
        Assert.Equal(from, household.Status);
        var eventsBefore = household.StatusHistory.Count;

        if (Allowed.Contains((from, to)))
        {
            var recorded = household.ChangeStatus(FullChange(household, to, day), Today, Now);

            Assert.Equal(to, household.Status);
            Assert.Equal(day, household.StatusSince);
            Assert.Equal((from, to), (recorded.From, recorded.To));
            Assert.Equal(eventsBefore + 1, household.StatusHistory.Count);
            return;
        }

        var error = Assert.Throws<DomainException>(() => household.ChangeStatus(FullChange(household, to, day), Today, Now));

        Assert.Contains(to.ToWire(), error.Message, StringComparison.Ordinal);
        if (from != to)
        {
            Assert.Contains($"{from.ToWire()} cannot become {to.ToWire()}", error.Message, StringComparison.Ordinal);
            Assert.Contains(from.ToIndonesian(), error.Indonesian, StringComparison.Ordinal);
            Assert.Contains(to.ToIndonesian(), error.Indonesian, StringComparison.Ordinal);
        }

        Assert.Equal(from, household.Status);
        Assert.Equal(eventsBefore, household.StatusHistory.Count);
    }

    [Theory]
    [InlineData(HouseholdStatus.Moved)]
    [InlineData(HouseholdStatus.Deceased)]
    [InlineData(HouseholdStatus.Merged)]
    public void ChangeStatus_FromAFinalStatus_SaysItIsFinal(HouseholdStatus final)
    {
        var household = NewHousehold();
        var day = WalkTo(household, final).AddDays(1);

        var error = Assert.Throws<DomainException>(() => household.ChangeStatus(FullChange(household, HouseholdStatus.Listed, day), Today, Now));

        Assert.Contains("this status is final", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(HouseholdStatus.Graduated)]
    [InlineData(HouseholdStatus.Excluded)]
    [InlineData(HouseholdStatus.Moved)]
    [InlineData(HouseholdStatus.Deceased)]
    public void ChangeStatus_ExitWithoutApprovedVisit_IsRefused(HouseholdStatus exit)
    {
        var household = NewHousehold();
        var day = WalkTo(household, HouseholdStatus.Verified).AddDays(1);

        var error = Assert.Throws<DomainException>(() =>
            household.ChangeStatus(new StatusChange(exit, day, "dinsos.bontang", "Sudah membaik.", "visit"), Today, Now));

        Assert.Contains("needs a field visit approved by Dinas Sosial", error.Message, StringComparison.Ordinal);
        Assert.Equal(HouseholdStatus.Verified, household.Status);
    }

    [Fact]
    public void ChangeStatus_ExitWithApprovedVisitWithoutEvidence_IsRefused()
    {
        var household = NewHousehold();
        var day = WalkTo(household, HouseholdStatus.Verified).AddDays(1);
        var change = new StatusChange(HouseholdStatus.Graduated, day, "dinsos.bontang", "Sudah membaik.", "visit") { Visit = ApprovedVisit(household, day, evidence: false) };

        var error = Assert.Throws<DomainException>(() => household.ChangeStatus(change, Today, Now));

        Assert.Contains("needs evidence", error.Message, StringComparison.Ordinal);
        Assert.Equal(HouseholdStatus.Verified, household.Status);
    }

    [Fact]
    public void ChangeStatus_VerifyWithoutEvidence_IsAccepted()
    {
        var household = NewHousehold();
        var day = WalkTo(household, HouseholdStatus.Listed).AddDays(1);
        var change = new StatusChange(HouseholdStatus.Verified, day, "dinsos.bontang", "Sesuai data.", "visit") { Visit = ApprovedVisit(household, day, evidence: false) };

        household.ChangeStatus(change, Today, Now);

        Assert.Equal(HouseholdStatus.Verified, household.Status);
    }

    [Fact]
    public void ChangeStatus_VerifyWithVisitStillPending_IsRefused()
    {
        var household = NewHousehold();
        var day = WalkTo(household, HouseholdStatus.Listed).AddDays(1);
        var task = new VisitTask(household.Id, VisitPurpose.Verification, day.AddDays(14), "x", Now);
        var pending = Visit.Submit(task, new VisitReport { VisitedOn = day, Found = true }, "visitor", day, Now);
        pending.AddEvidence(EvidenceKind.Photo, "rumah.jpg", "image/jpeg", 1024, new string('a', 64), null);

        var error = Assert.Throws<DomainException>(() =>
            household.ChangeStatus(new StatusChange(HouseholdStatus.Verified, day, "dinsos.bontang", "Sesuai data.", "visit") { Visit = pending }, Today, Now));

        Assert.Contains("approved by Dinas Sosial", error.Message, StringComparison.Ordinal);
        Assert.Equal(HouseholdStatus.Listed, household.Status);
    }

    [Fact]
    public void ChangeStatus_EffectiveDateInTheFuture_IsRefused()
    {
        var household = NewHousehold();

        var error = Assert.Throws<DomainException>(() =>
            household.ChangeStatus(new StatusChange(HouseholdStatus.Listed, Today.AddDays(1), "sistem:klasifikasi", "Memenuhi kriteria.", "classification"), Today, Now));

        Assert.Contains("2026-11-23 is in the future", error.Message, StringComparison.Ordinal);
        Assert.Equal(HouseholdStatus.Registered, household.Status);
    }

    [Fact]
    public void ChangeStatus_EffectiveToday_IsAccepted()
    {
        var household = NewHousehold();

        household.ChangeStatus(new StatusChange(HouseholdStatus.Listed, Today, "sistem:klasifikasi", "Memenuhi kriteria.", "classification"), Today, Now);

        Assert.Equal(Today, household.StatusSince);
    }

    [Fact]
    public void ChangeStatus_EffectiveBeforeTheLastChange_IsRefused()
    {
        var household = NewHousehold();
        var last = WalkTo(household, HouseholdStatus.Verified);
        var earlier = last.AddDays(-1);
        var change = new StatusChange(HouseholdStatus.Graduated, earlier, "dinsos.bontang", "Sudah membaik.", "visit") { Visit = ApprovedVisit(household, earlier) };

        var error = Assert.Throws<DomainException>(() => household.ChangeStatus(change, Today, Now));

        Assert.Contains("before the last change (2026-01-07)", error.Message, StringComparison.Ordinal);
        Assert.Equal(HouseholdStatus.Verified, household.Status);
        Assert.Equal(last, household.StatusSince);
    }

    [Fact]
    public void ChangeStatus_EffectiveBeforeTheVisitBehindIt_IsRefused()
    {
        var household = NewHousehold();
        var day = WalkTo(household, HouseholdStatus.Listed).AddDays(1);
        var change = new StatusChange(HouseholdStatus.Verified, day, "dinsos.bontang", "Sesuai data.", "visit") { Visit = ApprovedVisit(household, day.AddDays(3)) };

        var error = Assert.Throws<DomainException>(() => household.ChangeStatus(change, Today, Now));

        Assert.Contains("before the visit", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "Memenuhi kriteria.", "person who makes it")]
    [InlineData("   ", "Memenuhi kriteria.", "person who makes it")]
    [InlineData("sistem:klasifikasi", "", "needs a reason")]
    [InlineData("sistem:klasifikasi", " \t", "needs a reason")]
    public void ChangeStatus_WithoutActorOrReason_IsRefused(string actor, string reason, string expected)
    {
        var household = NewHousehold();

        var error = Assert.Throws<DomainException>(() =>
            household.ChangeStatus(new StatusChange(HouseholdStatus.Listed, Today, actor, reason, "classification"), Today, Now));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.Equal(HouseholdStatus.Registered, household.Status);
        Assert.Empty(household.StatusHistory);
    }

    [Fact]
    public void ChangeStatus_MergeIntoItself_IsRefused()
    {
        var household = NewHousehold();
        var day = WalkTo(household, HouseholdStatus.Verified).AddDays(1);

        void Merge(Household into) => household.ChangeStatus(
            new StatusChange(HouseholdStatus.Merged, day, "dinsos.bontang", "Duplikat.", "visit") { Visit = ApprovedVisit(household, day), MergeInto = into }, Today, Now);

        Assert.Contains("names the other household", Assert.Throws<DomainException>(() => Merge(household)).Message, StringComparison.Ordinal);
        Assert.Contains("names the other household", Assert.Throws<DomainException>(() => Merge(NewHousehold())).Message, StringComparison.Ordinal);
        Assert.Equal(HouseholdStatus.Verified, household.Status);
    }

    [Fact]
    public void ChangeStatus_MergeWithoutTheHouseholdThatStays_IsRefused()
    {
        var household = NewHousehold();
        var day = WalkTo(household, HouseholdStatus.Verified).AddDays(1);

        Assert.Throws<DomainException>(() => household.ChangeStatus(
            new StatusChange(HouseholdStatus.Merged, day, "dinsos.bontang", "Duplikat.", "visit") { Visit = ApprovedVisit(household, day) }, Today, Now));
        Assert.Equal(HouseholdStatus.Verified, household.Status);
    }

    [Fact]
    public void ChangeStatus_GraduatedHousehold_CanReEnterAndBeVerifiedAgain()
    {
        var household = NewHousehold();
        var day = WalkTo(household, HouseholdStatus.Graduated);

        household.ChangeStatus(new StatusChange(HouseholdStatus.Listed, day.AddDays(30), "sistem:klasifikasi", "Memenuhi kriteria lagi.", "classification"), Today, Now);
        household.ChangeStatus(FullChange(household, HouseholdStatus.Verified, day.AddDays(40)), Today, Now);

        Assert.Equal(HouseholdStatus.Verified, household.Status);
        Assert.Equal(
            [HouseholdStatus.Listed, HouseholdStatus.Verified, HouseholdStatus.Graduated, HouseholdStatus.Listed, HouseholdStatus.Verified],
            household.StatusHistory.Select(e => e.To));
    }

    [Fact]
    public void ChangeStatus_VisitOfAnotherHousehold_IsRefused()
    {
        // Ids come from the database; set them as a saved household and visit would have them.
        var household = NewHousehold();
        var other = NewHousehold("6474010101200002");
        typeof(Household).GetProperty(nameof(Household.Id))!.SetValue(household, 1L);
        typeof(Household).GetProperty(nameof(Household.Id))!.SetValue(other, 2L);
        var day = WalkTo(household, HouseholdStatus.Listed).AddDays(1);
        var change = new StatusChange(HouseholdStatus.Verified, day, "dinsos.bontang", "Sesuai data.", "visit") { Visit = ApprovedVisit(other, day) };

        var error = Assert.Throws<DomainException>(() => household.ChangeStatus(change, Today, Now));

        Assert.Contains("belongs to another household", error.Message, StringComparison.Ordinal);
        Assert.Equal(HouseholdStatus.Listed, household.Status);
    }

    [Fact]
    public void ChangeStatus_RecordsFromToDateActorReasonAndVisit()
    {
        var household = NewHousehold();
        var day = WalkTo(household, HouseholdStatus.Verified).AddDays(1);
        var visit = ApprovedVisit(household, day.AddDays(-1));
        var recordedAt = Now.AddMinutes(5);

        var recorded = household.ChangeStatus(
            new StatusChange(HouseholdStatus.Graduated, day, "  dinsos.bontang ", " Kepala keluarga bekerja tetap. ", "visit") { Visit = visit }, Today, recordedAt);

        Assert.Equal(HouseholdStatus.Verified, recorded.From);
        Assert.Equal(HouseholdStatus.Graduated, recorded.To);
        Assert.Equal(day, recorded.EffectiveDate);
        Assert.Equal("dinsos.bontang", recorded.Actor);
        Assert.Equal("Kepala keluarga bekerja tetap.", recorded.Reason);
        Assert.Equal("visit", recorded.Source);
        Assert.Same(visit, recorded.Visit);
        Assert.Equal(recordedAt, recorded.RecordedAt);
        Assert.Same(household, recorded.Household);
        Assert.Same(recorded, household.StatusHistory[^1]);
        Assert.Equal(day, household.StatusSince);
    }

    [Fact]
    public void ChangeStatus_MergeRecordsTheHouseholdThatStays()
    {
        var household = NewHousehold();
        var stays = NewHousehold("6474010101200002");
        var day = WalkTo(household, HouseholdStatus.Listed).AddDays(1);

        var recorded = household.ChangeStatus(
            new StatusChange(HouseholdStatus.Merged, day, "dinsos.bontang", "Duplikat KK.", "visit") { Visit = ApprovedVisit(household, day), MergeInto = stays }, Today, Now);

        Assert.Same(stays, recorded.MergedInto);
        Assert.Equal(HouseholdStatus.Merged, household.Status);
    }

    [Fact]
    public void Assess_PendingVisit_IsRefused()
    {
        var household = NewHousehold();
        var task = new VisitTask(household.Id, VisitPurpose.Verification, Today, "x", Now);
        var visit = Visit.Submit(task, new VisitReport { VisitedOn = Today, Found = true, SpendingPerCapita = 250_000 }, "visitor", Today, Now);

        Assert.Throws<DomainException>(() => household.Assess(visit, Now));
        Assert.Null(household.SpendingPerCapita);
        Assert.Null(household.AssessedOn);
    }

    [Fact]
    public void Assess_ApprovedVisit_TakesOverWhatWasFound()
    {
        var household = NewHousehold();
        var task = new VisitTask(household.Id, VisitPurpose.Verification, Today, "x", Now);
        var found = PovertyIndicators.EarthOrPlasterFloor | PovertyIndicators.NoOwnToilet;
        var visit = Visit.Submit(task, new VisitReport { VisitedOn = Today.AddDays(-2), Found = true, SpendingPerCapita = 250_000, Indicators = found, NoShelter = false }, "visitor", Today, Now);
        visit.Approve("reviewer", null, Now);

        household.Assess(visit, Now);

        Assert.Equal(250_000, household.SpendingPerCapita);
        Assert.Equal(found, household.Indicators);
        Assert.False(household.NoShelter);
        Assert.Equal(Today.AddDays(-2), household.AssessedOn);
    }
}
