using Tuntas.Domain.Registry;

namespace Tuntas.Domain.Verification;

/// <summary>
/// The statuses a household may move between. <c>listed</c> → <c>verified</c> → an exit
/// (<c>graduated</c>, <c>excluded</c>, <c>moved</c>, <c>deceased</c>, <c>merged</c>); a listed
/// household can also leave without being verified; a graduated or excluded household can re-enter
/// as listed. <c>moved</c>, <c>deceased</c> and <c>merged</c> are final.
/// </summary>
public static class HouseholdLifecycle
{
    private static readonly HouseholdStatus[] Exits =
        [HouseholdStatus.Graduated, HouseholdStatus.Excluded, HouseholdStatus.Moved, HouseholdStatus.Deceased, HouseholdStatus.Merged];

    private static readonly Dictionary<HouseholdStatus, HouseholdStatus[]> Allowed = new()
    {
        [HouseholdStatus.Registered] = [HouseholdStatus.Listed],
        [HouseholdStatus.Listed] = [HouseholdStatus.Verified, HouseholdStatus.Excluded, HouseholdStatus.Moved, HouseholdStatus.Deceased, HouseholdStatus.Merged],
        [HouseholdStatus.Verified] = Exits,
        [HouseholdStatus.Graduated] = [HouseholdStatus.Listed],
        [HouseholdStatus.Excluded] = [HouseholdStatus.Listed],
        [HouseholdStatus.Moved] = [],
        [HouseholdStatus.Deceased] = [],
        [HouseholdStatus.Merged] = [],
    };

    public static IReadOnlyList<HouseholdStatus> AllowedFrom(HouseholdStatus from) => Allowed[from];

    public static bool IsAllowed(HouseholdStatus from, HouseholdStatus to) => Allowed[from].Contains(to);

    /// <summary>A status that takes the household out of the caseload.</summary>
    public static bool IsExit(this HouseholdStatus status) => Exits.Contains(status);

    /// <summary>Counted as extreme poor: listed (unverified) or verified.</summary>
    public static bool IsCaseload(this HouseholdStatus status) => status is HouseholdStatus.Listed or HouseholdStatus.Verified;

    /// <summary>Whether the change needs an approved field visit behind it.</summary>
    public static bool NeedsApprovedVisit(HouseholdStatus to) => to == HouseholdStatus.Verified || to.IsExit();

    /// <summary>Whether that visit must carry evidence (a photo or a document).</summary>
    public static bool NeedsEvidence(HouseholdStatus to) => to.IsExit();
}
