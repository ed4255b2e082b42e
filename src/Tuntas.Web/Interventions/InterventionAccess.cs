using Tuntas.Domain.Access;

namespace Tuntas.Web.Interventions;

/// <summary>Which roles use the intervention screens, and how. Everyone else gets 404 on them.</summary>
public static class InterventionAccess
{
    /// <summary>Record a delivery by hand: agency officers, facilitators, village operators and Dinas Sosial.</summary>
    public static bool MayRecord(Role role) => role is Role.Agency or Role.Facilitator or Role.Operator or Role.Verifier or Role.Admin;

    /// <summary>Import an agency's recipient list.</summary>
    public static bool MayImport(Role role) => role is Role.Agency or Role.Verifier or Role.Admin;

    /// <summary>Close an item of the follow-up list.</summary>
    public static bool MayCloseFollowUp(Role role) => role is Role.Verifier or Role.Admin;

    /// <summary>Create a graduation visit task.</summary>
    public static bool MayPlanVisits(Role role) => role is Role.Verifier or Role.Admin;

    /// <summary>Screens that list households (convergence, worklist, graduation readiness, follow-up): not the province, which sees aggregates only.</summary>
    public static bool MaySeeHouseholds(Role role) => role is not Role.Province;
}
