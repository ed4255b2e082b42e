namespace Tuntas.Domain.Registry;

/// <summary>
/// One dated change of a household's status: the history that every headline figure is computed
/// from. The effective date is the day the change holds from (a report date); the recorded time is
/// when it was entered (UTC).
/// </summary>
public sealed class HouseholdStatusEvent
{
    internal HouseholdStatusEvent(Household household, HouseholdStatus from, HouseholdStatus to, StatusChange change, Regions.RegionCode village, DateTime recordedAt)
        : this(household, from, to, village, change.EffectiveDate, recordedAt, change.Actor, change.Reason, change.Source, change.Visit, change.MergeInto)
    {
    }

    internal HouseholdStatusEvent(Household household, HouseholdStatus from, HouseholdStatus to, Regions.RegionCode village, DateOnly effectiveDate, DateTime recordedAt,
        string actor, string reason, string source, Verification.Visit? visit, Household? mergedInto)
    {
        Household = household;
        VillageCode = village;
        DistrictCode = village.AtLevel(Regions.RegionLevel.District)!;
        RegencyCode = village.AtLevel(Regions.RegionLevel.Regency)!;
        ProvinceCode = village.AtLevel(Regions.RegionLevel.Province)!;
        From = from;
        To = to;
        EffectiveDate = effectiveDate;
        RecordedAt = recordedAt;
        Actor = actor.Trim();
        Reason = reason.Trim();
        Source = source;
        VisitId = visit?.Id is > 0 ? visit.Id : null;
        Visit = visit;
        MergedIntoId = mergedInto?.Id;
        MergedInto = mergedInto;
    }

    // For EF Core materialisation.
    private HouseholdStatusEvent()
    {
        Actor = Reason = Source = null!;
        VillageCode = DistrictCode = RegencyCode = ProvinceCode = null!;
    }

    public long Id { get; private set; }

    public long HouseholdId { get; private set; }

    public Household? Household { get; private set; }

    // Where the household lived when the change took effect, at every level. A family that moves
    // later gets an event of its own on the day of the move (the same status, the new village), so
    // the last event on or before any day says both its status and where it lived.
    public Regions.RegionCode VillageCode { get; private set; }

    public Regions.RegionCode DistrictCode { get; private set; }

    public Regions.RegionCode RegencyCode { get; private set; }

    public Regions.RegionCode ProvinceCode { get; private set; }

    public HouseholdStatus From { get; private set; }

    public HouseholdStatus To { get; private set; }

    public DateOnly EffectiveDate { get; private set; }

    public DateTime RecordedAt { get; private set; }

    /// <summary>The user name (or <c>sistem:…</c> for an automatic change) that made the change.</summary>
    public string Actor { get; private set; }

    public string Reason { get; private set; }

    /// <summary>
    /// What the change came from: <c>classification</c>, <c>visit</c>, <c>meeting</c>, <c>proposal</c>;
    /// <c>move</c> for an event that only carries the status into a new village (From equals To).
    /// </summary>
    public string Source { get; private set; }

    /// <summary>The approved verification visit behind the change (required for verification and exits).</summary>
    public long? VisitId { get; private set; }

    public Verification.Visit? Visit { get; private set; }

    /// <summary>For <see cref="HouseholdStatus.Merged"/>: the household that stays.</summary>
    public long? MergedIntoId { get; private set; }

    public Household? MergedInto { get; private set; }
}

/// <summary>A request to change a household's status, with everything the rules ask for.</summary>
public sealed record StatusChange(HouseholdStatus To, DateOnly EffectiveDate, string Actor, string Reason, string Source)
{
    /// <summary>The approved visit that backs the change; required to verify and for every exit.</summary>
    public Verification.Visit? Visit { get; init; }

    /// <summary>For a merge: the household that stays.</summary>
    public Household? MergeInto { get; init; }
}
