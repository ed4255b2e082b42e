using Tuntas.Domain.ClaimAudit;
using Tuntas.Domain.Common;
using Tuntas.Domain.Regions;
using Tuntas.Domain.Registry;

namespace Tuntas.Domain.Tests.ClaimAudit;

public class ClaimAuditItemTests
{
    private static readonly DateTime Now = new(2025, 5, 1, 2, 0, 0, DateTimeKind.Utc);
    private static readonly DateOnly Today = new(2025, 5, 1);

    private static ClaimAuditSample Sample(int items)
    {
        var population = Enumerable.Range(0, 175).Select(i => new SampleCandidate($"6474010101{i:D6}", RegionCode.From("64.74.01"))).ToList();
        var drawn = SampleDraw.Draw(population, items, "seed", false);
        var sample = new ClaimAuditSample(RegionCode.From("64.74"), HouseholdStatus.Graduated, new DateOnly(2023, 1, 1), new DateOnly(2025, 4, 9), drawn, false, "dinsos.audit", Now);
        foreach (var (candidate, i) in drawn.Sample.Select((c, i) => (c, i)))
        {
            sample.Add(i + 1, candidate.NoKk, candidate.District, new OriginalDecision("operator.a", "dinsos.bontang", "dinsos.bontang"));
        }

        return sample;
    }

    [Theory]
    [InlineData("operator.a")]
    [InlineData("DINSOS.BONTANG")]
    public void WhoeverMadeOrApprovedTheOriginalVisit_CannotRecheckIt(string checker)
    {
        var item = Sample(3).Items[0];

        var error = Assert.Throws<DomainException>(() => item.Record(RecheckFinding.Confirmed, null, Today, checker, Today, Now));
        Assert.Contains("re-check", error.Message, StringComparison.Ordinal);
        Assert.Throws<DomainException>(() => item.AssignTo(checker));
        Assert.Null(item.Finding);
    }

    [Fact]
    public void AWrongFinding_NeedsANote_AndAFindingIsFinal()
    {
        var item = Sample(3).Items[0];

        Assert.Throws<DomainException>(() => item.Record(RecheckFinding.Wrong, " ", Today, "dinsos.audit", Today, Now));
        item.Record(RecheckFinding.Wrong, "Masih tidak bekerja, lantai tanah.", Today, "dinsos.audit", Today, Now);
        Assert.Throws<DomainException>(() => item.Record(RecheckFinding.Confirmed, null, Today, "dinsos.audit", Today, Now));
        Assert.Throws<DomainException>(() => Sample(1).Items[0].Record(RecheckFinding.Confirmed, null, Today.AddDays(1), "dinsos.audit", Today, Now));
    }

    [Fact]
    public void WhenEveryHouseholdIsChecked_TheAuditIsCompleteAndEstimated()
    {
        var sample = Sample(30);
        foreach (var (item, i) in sample.Items.Select((x, i) => (x, i)))
        {
            Assert.Null(sample.Tally().Estimate);
            item.Record(i < 3 ? RecheckFinding.Wrong : RecheckFinding.Confirmed, i < 3 ? "Masih miskin ekstrem." : null, Today, "dinsos.audit", Today, Now);
        }

        var tally = sample.Tally();
        Assert.True(tally.Complete);
        Assert.Equal(Now, sample.CompletedAt);
        Assert.Equal((27, 3, 0), (tally.Confirmed, tally.Wrong, tally.CouldNotVerify));
        Assert.Equal((5, 43), (tally.Estimate!.LowErrors, tally.Estimate.HighErrors));
    }

    [Fact]
    public void CouldNotVerify_StaysInTheSample_AndCountsAsNotConfirmed()
    {
        var sample = Sample(4);
        sample.Items[0].Record(RecheckFinding.CouldNotVerify, "Rumah kosong, tetangga tidak tahu.", Today, "x", Today, Now);
        sample.Items[1].Record(RecheckFinding.Wrong, "Masih miskin.", Today, "x", Today, Now);
        sample.Items[2].Record(RecheckFinding.Confirmed, null, Today, "x", Today, Now);
        sample.Items[3].Record(RecheckFinding.Confirmed, null, Today, "x", Today, Now);

        // Found wrong: 1 of the 4 drawn; not confirmed: the wrong one and the one not found, 2 of 4.
        var tally = sample.Tally();
        Assert.Equal((4, 1), (tally.Estimate!.Sample, tally.Estimate.Errors));
        Assert.Equal((4, 2), (tally.NotConfirmedEstimate!.Sample, tally.NotConfirmedEstimate.Errors));
    }
}
