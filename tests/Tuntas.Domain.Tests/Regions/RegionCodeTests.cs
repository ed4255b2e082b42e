using Tuntas.Domain.Regions;

namespace Tuntas.Domain.Tests.Regions;

public class RegionCodeTests
{
    [Theory]
    [InlineData("6474011001", "64.74.01.1001", RegionLevel.Village)]
    [InlineData("64.74.01.1001", "64.74.01.1001", RegionLevel.Village)]
    [InlineData("647401", "64.74.01", RegionLevel.District)]
    [InlineData("6474", "64.74", RegionLevel.Regency)]
    [InlineData("64", "64", RegionLevel.Province)]
    public void Parse_DottedOrNot_IsShownDotted(string text, string dotted, RegionLevel level)
    {
        var code = RegionCode.Parse(text).Value!;

        Assert.Equal(dotted, code.Value);
        Assert.Equal(level, code.Level);
    }

    [Theory]
    [InlineData("647", "3 digits")]
    [InlineData("64740110", "8 digits")]
    [InlineData("64.7a", "only digits")]
    [InlineData("6.474", "dotted in the wrong places")]
    public void Parse_Malformed_SaysWhy(string text, string reason)
    {
        var result = RegionCode.Parse(text);

        Assert.False(result.IsValid);
        Assert.Contains(reason, result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Parent_WalksUpOneLevel()
    {
        Assert.Equal("64.74.01", RegionCode.From("64.74.01.1001").Parent!.Value);
        Assert.Equal("64", RegionCode.From("64.74").Parent!.Value);
        Assert.Null(RegionCode.From("64").Parent);
    }

    [Fact]
    public void Contains_IsTrueForDescendantsOnly()
    {
        var bontang = RegionCode.From("64.74");

        Assert.True(bontang.Contains(RegionCode.From("64.74.01.1001")));
        Assert.True(bontang.Contains(bontang));
        Assert.False(bontang.Contains(RegionCode.From("64.08.01")));
        Assert.False(bontang.Contains(RegionCode.From("64")));
    }

    [Fact]
    public void IsKelurahan_FollowsTheFirstDigitOfTheVillagePart()
    {
        Assert.True(RegionCode.From("64.74.01.1001").IsKelurahan);
        Assert.False(RegionCode.From("64.08.01.2001").IsKelurahan);
    }
}
