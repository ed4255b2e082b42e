using Tuntas.Domain.Regions;

namespace Tuntas.Data.Monitoring;

/// <summary>
/// The change of one measure (a status, households in handling, exits…; see
/// <see cref="Tuntas.Domain.Monitoring.DayCountMeasure"/>) in one region on one day. The figure
/// as of a day is the sum of the changes up to it. Maintained by <see cref="DayCountStore"/> on
/// every write of a status change, a member or a delivery; never edited by hand.
/// </summary>
public sealed class RegionDayCount
{
    public required RegionCode Region { get; init; }

    /// <summary>The region one level up (null for a province): the key of the child rankings.</summary>
    public RegionCode? Parent { get; init; }

    public required string Measure { get; init; }

    public required DateOnly Day { get; init; }

    public int Households { get; init; }

    /// <summary>The members of those households (their current number).</summary>
    public int People { get; init; }
}

/// <summary>The single row that says how the day counts were built: the handling window they assume.</summary>
public sealed class DayCountState
{
    public const int SingleId = 1;

    /// <summary>The layout of the measures this code writes; counts built with another layout are rebuilt by <c>tuntas init</c>.</summary>
    /// <remarks>3: <see cref="Tuntas.Domain.Monitoring.DayCountMeasure.ExitedWithVisit"/> counts only visits Dinas Sosial approved.</remarks>
    public const int CurrentLayout = 3;

    public int Id { get; init; } = SingleId;

    public int HandlingMonths { get; set; }

    public int Layout { get; set; }

    public DateTime BuiltAt { get; set; }
}
