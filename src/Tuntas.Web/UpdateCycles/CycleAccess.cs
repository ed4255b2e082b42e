using Tuntas.Domain.Access;

namespace Tuntas.Web.UpdateCycles;

/// <summary>Which roles take part in the monthly update cycle, and how. Everyone else gets 404 on its screens.</summary>
public static class CycleAccess
{
    /// <summary>See cycles and their villages (analysts read only).</summary>
    public static bool MayRead(Role role) => role is Role.Operator or Role.Facilitator or Role.Verifier or Role.Analyst or Role.Admin;

    /// <summary>Open a cycle, check proposals and download them for SIKS-NG: Dinas Sosial.</summary>
    public static bool MayManage(Role role) => role is Role.Verifier or Role.Admin;

    /// <summary>Record a village's meeting and enter its proposals: its operator, the facilitator, or Dinas Sosial for them.</summary>
    public static bool MayEnter(Role role) => role is Role.Operator or Role.Facilitator or Role.Verifier or Role.Admin;

    /// <summary>Record a groundcheck: PKH facilitators, or Dinas Sosial.</summary>
    public static bool MayGroundcheck(Role role) => role is Role.Facilitator or Role.Verifier or Role.Admin;
}
