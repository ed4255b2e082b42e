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
}
