using Tuntas.Domain.ClaimAudit;

namespace Tuntas.Domain.Tests.ClaimAudit;

/// <summary>
/// A household that could not be found stays in the sample and counts against the claim: the estimate
/// is over the households drawn, not over those that happened to be found.
/// </summary>
public class ClaimAuditTallyTests
{
    private static ClaimAuditTally Tally(int population, int confirmed, int wrong, int notFound, int pending = 0) =>
        ClaimAuditTally.Of(population, confirmed + wrong + notFound + pending, [
            .. Enumerable.Repeat<RecheckFinding?>(RecheckFinding.Confirmed, confirmed),
            .. Enumerable.Repeat<RecheckFinding?>(RecheckFinding.Wrong, wrong),
            .. Enumerable.Repeat<RecheckFinding?>(RecheckFinding.CouldNotVerify, notFound),
            .. Enumerable.Repeat<RecheckFinding?>(null, pending),
        ]);

    [Fact]
    public void ThirtyDrawn_FiveNotFound_NoneWrong_LeavesTwelveToFiftyEightOf175NotConfirmed()
    {
        var t = Tally(175, confirmed: 25, wrong: 0, notFound: 5);

        Assert.Equal((30, 25, 0, 5, 5), (t.SampleSize, t.Confirmed, t.Wrong, t.CouldNotVerify, t.NotConfirmed));
        var u = t.NotConfirmedEstimate!;
        Assert.Equal((30, 5, 12, 58), (u.Sample, u.Errors, u.LowErrors, u.HighErrors));

        // Found wrong, out of all 30 drawn (not "0 wrong of 25", whose interval would be 0 to 22).
        var e = t.Estimate!;
        Assert.Equal((30, 0, 0, 18), (e.Sample, e.Errors, e.LowErrors, e.HighErrors));
    }

    [Fact]
    public void AnAuditWhoseEveryHouseholdWasNotFound_HasAResult_AllUnconfirmed()
    {
        var t = Tally(175, confirmed: 0, wrong: 0, notFound: 30);

        Assert.True(t.Complete);
        var u = Assert.IsType<ErrorRateEstimate>(t.NotConfirmedEstimate);
        Assert.Equal((1.0, 157, 175), (u.ErrorRate, u.LowErrors, u.HighErrors));
        Assert.NotNull(t.Estimate);
    }

    [Fact]
    public void WhileARecheckIsPending_ThereIsNoResultYet()
    {
        var t = Tally(175, confirmed: 20, wrong: 1, notFound: 2, pending: 7);

        Assert.False(t.Complete);
        Assert.Null(t.NotConfirmedEstimate);
        Assert.Null(t.Estimate);
    }
}
