using Tuntas.Domain.Monitoring;
using Tuntas.Domain.Regions;

namespace Tuntas.Domain.Tests.Monitoring;

public class SmallCountSuppressionTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(4)]
    public void Publish_DesaCountFromOneToFour_IsWithheld(int count)
    {
        Assert.Null(SmallCountSuppression.Publish(RegionLevel.Village, count));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(5)]
    [InlineData(182)]
    public void Publish_DesaCountOfZeroOrFiveAndMore_IsShown(int count)
    {
        Assert.Equal(count, SmallCountSuppression.Publish(RegionLevel.Village, count));
    }

    [Theory]
    [InlineData(RegionLevel.District)]
    [InlineData(RegionLevel.Regency)]
    [InlineData(RegionLevel.Province)]
    public void Publish_KecamatanAndAbove_NeverWithhold(RegionLevel level)
    {
        Assert.Equal([1, 2, 3, 4], new[] { 1, 2, 3, 4 }.Select(c => SmallCountSuppression.Publish(level, c)));
    }

    [Fact]
    public void PublishSplit_OnePartWithheldUnderAShownTotal_WithholdsTheOtherPartToo()
    {
        // 7 = 5 + 2: showing 7 and 5 would give the 2 away.
        Assert.Equal((7, null, null), SmallCountSuppression.PublishSplit(RegionLevel.Village, 7, 5, 2));
    }

    [Fact]
    public void PublishSplit_BothPartsShown_ShowsAll()
    {
        Assert.Equal((12, 7, 5), SmallCountSuppression.PublishSplit(RegionLevel.Village, 12, 7, 5));
        Assert.Equal((7, 7, 0), SmallCountSuppression.PublishSplit(RegionLevel.Village, 7, 7, 0));
    }

    [Fact]
    public void PublishSplit_TotalWithheld_KeepsAZeroPart()
    {
        Assert.Equal((null, 0, null), SmallCountSuppression.PublishSplit(RegionLevel.Village, 3, 0, 3));
    }

    [Fact]
    public void PublishSplit_AtKecamatan_ShowsSmallParts()
    {
        Assert.Equal((7, 5, 2), SmallCountSuppression.PublishSplit(RegionLevel.District, 7, 5, 2));
    }

    /// <summary>The parent's total less the published siblings: all a reader can work out about the withheld ones.</summary>
    private static int Remainder(IReadOnlyList<int> counts, IReadOnlyList<int?> shown) => counts.Sum() - shown.Sum(c => c ?? 0);

    [Fact]
    public void PublishSiblings_OneDesaWithheld_AlsoWithholdsTheSmallestOtherNonZeroDesa_AndNeitherCanBeWorkedOut()
    {
        // A kecamatan of 22 KK: showing 22, 0, 12, 7 and 0 would give the 3 away (22 - 19).
        int[] counts = [3, 0, 12, 7, 0];

        var shown = SmallCountSuppression.PublishSiblings(RegionLevel.Village, counts);

        Assert.Equal([null, 0, 12, null, 0], shown);
        var remainder = Remainder(counts, shown);
        Assert.Equal(10, remainder);
        Assert.All(Enumerable.Range(0, counts.Length).Where(i => shown[i] is null), i => Assert.NotEqual(counts[i], remainder));
    }

    [Fact]
    public void PublishSiblings_OneWithheldAndEveryOtherZero_WithholdsAnotherZero()
    {
        var shown = SmallCountSuppression.PublishSiblings(RegionLevel.Village, [0, 2, 0, 0]);

        Assert.Equal([null, null, 0, 0], shown);
    }

    [Fact]
    public void PublishSiblings_OfEqualSmallestCounts_WithholdsTheFirst()
    {
        Assert.Equal([null, null, 6, 9], SmallCountSuppression.PublishSiblings(RegionLevel.Village, [6, 4, 6, 9]));
    }

    [Fact]
    public void PublishSiblings_NoneWithheld_ChangesNothing()
    {
        Assert.Equal([0, 5, 12, 0], SmallCountSuppression.PublishSiblings(RegionLevel.Village, [0, 5, 12, 0]));
    }

    [Fact]
    public void PublishSiblings_TwoAlreadyWithheld_WithholdsNothingMore()
    {
        int[] counts = [1, 9, 4, 30];

        var shown = SmallCountSuppression.PublishSiblings(RegionLevel.Village, counts);

        Assert.Equal([null, 9, null, 30], shown);
        Assert.Equal(5, Remainder(counts, shown));
    }

    [Theory]
    [InlineData(new[] { 1, 9, 1, 30 }, new[] { -1, -1, -1, 30 })]
    [InlineData(new[] { 4, 12, 4, 30 }, new[] { -1, -1, -1, 30 })]
    [InlineData(new[] { 1, 1, 1, 6, 7 }, new[] { -1, -1, -1, -1, 7 })]
    public void PublishSiblings_WithheldCountsWhoseSumGivesThemAway_WithholdOneMore(int[] counts, int[] expected)
    {
        var shown = SmallCountSuppression.PublishSiblings(RegionLevel.Village, counts);

        // Two withheld desa adding up to 2 would be 1 each, to 8 would be 4 each: a third keeps them unknown.
        Assert.Equal(expected.Select(e => e < 0 ? (int?)null : e), shown);
    }

    [Fact]
    public void PublishSiblings_KecamatanUnderARegency_AreAllShown()
    {
        Assert.Equal([1, 30, 0], SmallCountSuppression.PublishSiblings(RegionLevel.District, [1, 30, 0]));
    }

    [Fact]
    public void PublishSiblings_OnlyChild_StaysWithheldAlone()
    {
        Assert.Equal([null], SmallCountSuppression.PublishSiblings(RegionLevel.Village, [3]));
        Assert.Empty(SmallCountSuppression.PublishSiblings(RegionLevel.Village, []));
    }
}
