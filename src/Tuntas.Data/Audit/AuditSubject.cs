using System.Globalization;
using Tuntas.Domain.Registry;
using Tuntas.Domain.Verification;

namespace Tuntas.Data.Audit;

/// <summary>
/// The record an audit entry is about. Keys are read when the unit of work is committed, after the
/// database has given new records their ids.
/// </summary>
public sealed record AuditSubject(string Type, Func<string> Key, Func<long?> HouseholdId, Func<string?> Region)
{
    private static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);

    public static AuditSubject Of(Household h) => new("household", () => h.NoKk.Value, () => h.Id, () => h.VillageCode.Value);

    public static AuditSubject Of(VisitTask t, Household h) => new("task", () => Id(t.Id), () => h.Id, () => h.VillageCode.Value);

    public static AuditSubject Of(Visit v, Household h) => new("visit", () => Id(v.Id), () => h.Id, () => h.VillageCode.Value);

    public static AuditSubject Of(VervalRound r) => new("round", () => Id(r.Id), () => null, () => r.Region.Value);

    public static AuditSubject Of(VillageMeeting m) => new("meeting", () => Id(m.Id), () => null, () => m.Village.Value);

    public static AuditSubject Of(Proposal p) => new("proposal", () => Id(p.Id), () => p.HouseholdId, () => p.Village.Value);

    public static AuditSubject Of(PovertyCriteria c) => new("criteria", () => Id(c.Id), () => null, () => c.Region?.Value);

    public static AuditSubject Of(Tuntas.Domain.Interventions.Programme p) => new("programme", () => p.Code, () => null, () => null);

    public static AuditSubject Of(Tuntas.Domain.Interventions.Delivery d, string village) => new("delivery", () => Id(d.Id), () => d.HouseholdId, () => village);

    public static AuditSubject Of(Tuntas.Domain.ClaimAudit.ClaimAuditSample s) => new("claim-audit", () => Id(s.Id), () => null, () => s.Region.Value);

    public static AuditSubject Of(Tuntas.Domain.UpdateCycles.UpdateCycle c) => new("update-cycle", () => Id(c.Id), () => null, () => c.Regency.Value);

    public static AuditSubject Of(Tuntas.Domain.UpdateCycles.CycleVillage v) => new("cycle-village", () => Id(v.Id), () => null, () => v.Village.Value);

    public static AuditSubject Of(Tuntas.Domain.UpdateCycles.CycleProposal p) => new("cycle-proposal", () => Id(p.Id), () => p.HouseholdId, () => p.Village.Value);

    public static AuditSubject Named(string type, string key, string? region = null) => new(type, () => key, () => null, () => region);
}
