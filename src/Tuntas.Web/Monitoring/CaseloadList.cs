using Tuntas.Domain.Registry;

namespace Tuntas.Web.Monitoring;

/// <summary>
/// The sets of households behind the dashboard's numbers, named in links (<c>status=</c>):
/// the caseload (listed or verified), one status, or the verified households in handling.
/// </summary>
public enum CaseloadList
{
    ExtremePoor,
    Listed,
    Verified,
    InHandling,
    Graduated,
    Excluded,
    Moved,
    Deceased,
    Merged,
}

public static class CaseloadLists
{
    public static string ToWire(this CaseloadList list) => list switch
    {
        CaseloadList.ExtremePoor => "extremePoor",
        CaseloadList.InHandling => "inHandling",
        _ => list.ToString().ToLowerInvariant(),
    };

    public static CaseloadList? Parse(string? text) =>
        Enum.GetValues<CaseloadList>().Cast<CaseloadList?>()
            .FirstOrDefault(l => string.Equals(l!.Value.ToWire(), text?.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>The statuses of a list; empty for <see cref="CaseloadList.InHandling"/>, which is not a status.</summary>
    public static HouseholdStatus[] Statuses(this CaseloadList list) => list switch
    {
        CaseloadList.ExtremePoor => [HouseholdStatus.Listed, HouseholdStatus.Verified],
        CaseloadList.Listed => [HouseholdStatus.Listed],
        CaseloadList.Verified => [HouseholdStatus.Verified],
        CaseloadList.Graduated => [HouseholdStatus.Graduated],
        CaseloadList.Excluded => [HouseholdStatus.Excluded],
        CaseloadList.Moved => [HouseholdStatus.Moved],
        CaseloadList.Deceased => [HouseholdStatus.Deceased],
        CaseloadList.Merged => [HouseholdStatus.Merged],
        _ => [],
    };
}
