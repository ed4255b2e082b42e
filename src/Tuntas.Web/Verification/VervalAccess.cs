using Tuntas.Domain.Access;

namespace Tuntas.Web.Verification;

/// <summary>Which roles take part in verval, and how. Everyone else gets 404 on these screens.</summary>
public static class VervalAccess
{
    /// <summary>Field visits: village operators, facilitators, and Dinas Sosial (who then cannot review their own visit).</summary>
    public static bool MayVisit(Role role) => role is Role.Operator or Role.Facilitator or Role.Verifier or Role.Admin;

    /// <summary>Approve or return visits and village meetings.</summary>
    public static bool MayReview(Role role) => role is Role.Verifier or Role.Admin;

    /// <summary>Open rounds and assign tasks.</summary>
    public static bool MayPlan(Role role) => role is Role.Verifier or Role.Admin;

    /// <summary>Enter an usul or sanggah for a resident, or record a village meeting.</summary>
    public static bool MayPropose(Role role) => MayVisit(role);
}
