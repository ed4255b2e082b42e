using Tuntas.Domain.Regions;

namespace Tuntas.Domain.Tests.Regions;

public class RegionClockTests
{
    [Theory]
    [InlineData("31.71", "WIB", 7)]
    [InlineData("61", "WIB", 7)]
    [InlineData("64.74.01.1001", "WITA", 8)]
    [InlineData("73", "WITA", 8)]
    [InlineData("81", "WIT", 9)]
    [InlineData("97", "WIT", 9)]
    public void ZoneOf_ProvinceDecidesTheZone(string region, string zone, int hours) =>
        Assert.Equal((zone, TimeSpan.FromHours(hours)), (RegionTimeZone.Of(RegionCode.From(region)).Name, RegionTimeZone.Of(RegionCode.From(region)).Offset));

    [Fact]
    public void Today_IsTheLocalDayOfTheRegion_KalimantanTimurByDefault()
    {
        // 16.30 UTC on 6 December: already 7 December in WITA and WIT, still 6 December in WIB.
        var clock = new RegionClock(new FixedTime(new DateTimeOffset(2026, 12, 6, 16, 30, 0, TimeSpan.Zero)));

        Assert.Equal(new DateOnly(2026, 12, 7), clock.Today());
        Assert.Equal(new DateOnly(2026, 12, 6), clock.Today(RegionCode.From("31")));
        Assert.Equal(new DateOnly(2026, 12, 7), clock.Today(RegionCode.From("94")));
        Assert.Equal((new DateTime(2026, 12, 7, 0, 30, 0), "WITA"), RegionClock.Local(clock.UtcNow, RegionCode.From("64.74")));
    }

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
