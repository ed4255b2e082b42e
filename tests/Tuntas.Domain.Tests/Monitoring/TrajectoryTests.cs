using Tuntas.Domain.Monitoring;

namespace Tuntas.Domain.Tests.Monitoring;

public class TrajectoryTests
{
    private static TrendPoint P(int year, int month, int day, int households) => new(new DateOnly(year, month, day), households);

    [Fact]
    public void Days_AreTheLast24MonthEnds_EndingOnTheDayItself()
    {
        var days = Trajectory.Days(new DateOnly(2025, 4, 9), firstEvent: null);
        Assert.Equal(24, days.Count);
        Assert.Equal(new DateOnly(2023, 5, 31), days[0]);
        Assert.Equal(new DateOnly(2024, 2, 29), days[9]);
        Assert.Equal(new DateOnly(2025, 3, 31), days[^2]);
        Assert.Equal(new DateOnly(2025, 4, 9), days[^1]);
    }

    [Fact]
    public void Days_StartAtTheMonthOfTheFirstEvent_WhenTheHistoryIsShorter()
    {
        var days = Trajectory.Days(new DateOnly(2024, 6, 30), new DateOnly(2024, 1, 15));
        Assert.Equal([new(2024, 1, 31), new(2024, 2, 29), new(2024, 3, 31), new(2024, 4, 30), new(2024, 5, 31), new DateOnly(2024, 6, 30)], days);
    }

    [Fact]
    public void TargetLine_IsStraightFromTheBaselineToTheTarget_AndFlatAfterIt()
    {
        var baseline = P(2024, 1, 1, 100);
        var target = new DateOnly(2024, 12, 31);
        Assert.Equal(100, Trajectory.TargetLine(baseline, target, 0, new DateOnly(2024, 1, 1)));
        var half = new DateOnly(2024, 1, 1).AddDays((target.DayNumber - new DateOnly(2024, 1, 1).DayNumber) / 2);
        Assert.Equal(50, Trajectory.TargetLine(baseline, target, 0, half), 0.5);
        Assert.Equal(0, Trajectory.TargetLine(baseline, target, 0, target));
        Assert.Equal(0, Trajectory.TargetLine(baseline, target, 0, new DateOnly(2025, 6, 30)));
        Assert.Equal(20, Trajectory.TargetLine(baseline, target, 20, new DateOnly(2025, 1, 1)));
    }

    [Fact]
    public void Projection_AtAFallingPace_ReachesZeroLinearly()
    {
        // 60 households fewer in the 184 days to the last point, 120 left: zero 368 days after it.
        var points = new[] { P(2024, 1, 31, 200), P(2024, 6, 30, 180), P(2024, 12, 31, 120), };
        var projection = Trajectory.Project(points)!;
        Assert.Equal(new DateOnly(2024, 6, 30), projection.PaceFrom);
        Assert.Equal(new DateOnly(2026, 1, 3), projection.ZeroOn);
        Assert.True(projection.PerMonth < -9.9 && projection.PerMonth > -10.1, projection.PerMonth.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData(120)]
    [InlineData(150)]
    public void Projection_AtAFlatOrRisingPace_IsNeverReached(int last)
    {
        var projection = Trajectory.Project([P(2024, 6, 30, 120), P(2024, 12, 31, last)])!;
        Assert.Null(projection.ZeroOn);
        Assert.True(projection.PerMonth >= 0);
    }

    [Fact]
    public void Projection_NeedsTwoPoints_AndIsTheLastDayWhenZeroIsReached()
    {
        Assert.Null(Trajectory.Project([P(2024, 6, 30, 120)]));
        Assert.Equal(new DateOnly(2024, 12, 31), Trajectory.Project([P(2024, 6, 30, 10), P(2024, 12, 31, 0)])!.ZeroOn);
    }
}
