using Tuntas.Domain.Monitoring;
using Tuntas.Domain.Registry;

namespace Tuntas.Domain.Tests.Monitoring;

public class DayCountLedgerTests
{
    private const string Village = "64.74.01.1001";
    private const string OtherVillage = "64.74.02.1001";
    private static readonly HandlingWindow Year = new(12);

    private static DateOnly D(int y, int m, int d) => new(y, m, d);

    /// <summary>The figure of a measure at the end of a day: the sum of the changes up to it.</summary>
    private static int At(IReadOnlyList<DayCountChange> changes, string village, string measure, DateOnly day) =>
        changes.Where(c => c.VillageCode == village && c.Measure == measure && c.Day <= day).Sum(c => c.Households);

    [Fact]
    public void EachDay_CountsTheHouseholdOnce_InTheStatusAndVillageOfItsLastChange()
    {
        var events = new[]
        {
            new CountedEvent(1, HouseholdStatus.Registered, HouseholdStatus.Listed, D(2023, 1, 10), Village, false),
            new CountedEvent(2, HouseholdStatus.Listed, HouseholdStatus.Verified, D(2023, 3, 1), Village, true),
            new CountedEvent(4, HouseholdStatus.Verified, HouseholdStatus.Verified, D(2024, 2, 1), OtherVillage, false), // moved
            new CountedEvent(3, HouseholdStatus.Verified, HouseholdStatus.Graduated, D(2024, 6, 30), OtherVillage, true),
        };
        var changes = DayCountLedger.Of(events, 4, [], Year);

        var listed = DayCountMeasure.Status(HouseholdStatus.Listed);
        var verified = DayCountMeasure.Status(HouseholdStatus.Verified);
        var graduated = DayCountMeasure.Status(HouseholdStatus.Graduated);
        Assert.Equal(0, At(changes, Village, listed, D(2023, 1, 9)));
        Assert.Equal(1, At(changes, Village, listed, D(2023, 1, 10)));
        Assert.Equal((0, 1), (At(changes, Village, listed, D(2023, 3, 1)), At(changes, Village, verified, D(2023, 3, 1))));
        Assert.Equal((0, 1), (At(changes, Village, verified, D(2024, 2, 1)), At(changes, OtherVillage, verified, D(2024, 2, 1))));
        Assert.Equal((0, 1), (At(changes, OtherVillage, verified, D(2024, 6, 30)), At(changes, OtherVillage, graduated, D(2030, 1, 1))));

        // The exit came from the caseload with a visit behind it; it is entered once, on its day.
        Assert.Equal(1, At(changes, OtherVillage, DayCountMeasure.ExitedWithVisit, D(2024, 6, 30)));
        Assert.Equal(1, changes.Where(c => c.Measure == DayCountMeasure.Entered(HouseholdStatus.Graduated)).Sum(c => c.Households));

        // People follow the households: 4 members wherever the household is counted.
        Assert.Equal(4, changes.Where(c => c.Measure == verified && c.Day <= D(2023, 12, 31)).Sum(c => c.People));
    }

    [Fact]
    public void TwoChangesOnOneDay_TheLaterIdWins_AndTheEarlierLeavesNothing()
    {
        var events = new[]
        {
            new CountedEvent(8, HouseholdStatus.Listed, HouseholdStatus.Excluded, D(2024, 5, 1), Village, true),
            new CountedEvent(7, HouseholdStatus.Registered, HouseholdStatus.Listed, D(2024, 5, 1), Village, false),
        };
        var changes = DayCountLedger.Of(events, 2, [], Year);

        Assert.DoesNotContain(changes, c => c.Measure == DayCountMeasure.Status(HouseholdStatus.Listed));
        Assert.Equal(1, At(changes, Village, DayCountMeasure.Status(HouseholdStatus.Excluded), D(2024, 5, 1)));
    }

    [Fact]
    public void InHandling_WhileVerifiedAndADeliveryFallsInTheWindow()
    {
        var events = new[]
        {
            new CountedEvent(1, HouseholdStatus.Registered, HouseholdStatus.Verified, D(2023, 1, 1), Village, true),
            new CountedEvent(2, HouseholdStatus.Verified, HouseholdStatus.Graduated, D(2025, 1, 1), Village, true),
        };
        var deliveries = new[] { new CountedDelivery(D(2022, 6, 1), D(2022, 6, 1)), new CountedDelivery(D(2023, 3, 15), D(2023, 5, 31)) };
        var changes = DayCountLedger.Of(events, 3, deliveries, Year);

        int InHandling(DateOnly day) => At(changes, Village, DayCountMeasure.InHandling, day);
        Assert.Equal(1, InHandling(D(2023, 1, 1)));   // the 2022 delivery's window reaches into 2023
        Assert.Equal(1, InHandling(D(2023, 5, 31)));
        Assert.Equal(0, InHandling(D(2022, 12, 31)));  // not yet verified
        Assert.Equal(1, InHandling(D(2024, 5, 30)));  // the window of 12 months still holds the period's last day
        Assert.Equal(0, InHandling(D(2024, 5, 31)));
        Assert.Equal(0, InHandling(D(2025, 1, 1)));
    }

    [Fact]
    public void HandlingWindow_CoversADay_ExactlyFromItUntilLastDayCovering()
    {
        var window = new HandlingWindow(12);
        for (var day = D(2023, 12, 1); day <= D(2024, 3, 31); day = day.AddDays(1))
        {
            var last = window.LastDayCovering(day);
            Assert.True(window.Start(last) <= day, $"{last} does not cover {day}");
            Assert.True(window.Start(last.AddDays(1)) > day, $"{last.AddDays(1)} still covers {day}");
        }
    }
}
