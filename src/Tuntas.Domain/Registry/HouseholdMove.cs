using Tuntas.Domain.Regions;

namespace Tuntas.Domain.Registry;

/// <summary>
/// One move of a family to another desa/kelurahan: its residence history. The village a family
/// lived in on any day is read from these (<see cref="Household.VillageOn"/>), so that a status
/// decision dated before a move is counted where the family lived that day, whenever it is entered.
/// </summary>
public sealed class HouseholdMove
{
    internal HouseholdMove(Household household, RegionCode from, RegionCode to, DateOnly movedOn, string actor, string source, DateTime recordedAt)
    {
        HouseholdId = household.Id;
        FromVillageCode = from;
        ToVillageCode = to;
        MovedOn = movedOn;
        Actor = actor.Trim();
        Source = source;
        RecordedAt = recordedAt;
    }

    // For EF Core materialisation.
    private HouseholdMove()
    {
        FromVillageCode = ToVillageCode = null!;
        Actor = Source = null!;
    }

    public long Id { get; private set; }

    public long HouseholdId { get; private set; }

    public RegionCode FromVillageCode { get; private set; }

    public RegionCode ToVillageCode { get; private set; }

    /// <summary>The first day the family lives in <see cref="ToVillageCode"/>.</summary>
    public DateOnly MovedOn { get; private set; }

    public string Actor { get; private set; }

    /// <summary>What the move came from: <c>import</c> (a household file naming another village), <c>visit</c>.</summary>
    public string Source { get; private set; }

    public DateTime RecordedAt { get; private set; }
}
