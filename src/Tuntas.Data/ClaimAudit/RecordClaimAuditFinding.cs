using Tuntas.Data.Common;
using Tuntas.Domain.ClaimAudit;

namespace Tuntas.Data.ClaimAudit;

/// <summary>
/// Records what an independent re-check found for one drawn household, with the follow-up visit task
/// for a household found wrong, as one unit of work. With <c>expectedVersion</c> (the version the
/// checker saw), a finding entered meanwhile by someone else wins and this one is refused.
/// </summary>
public sealed class RecordClaimAuditFinding(UnitOfWork work, ClaimAuditService service) : IUseCase
{
    public Task<WriteResult<ClaimAuditItem>> RecordAsync(
        long auditId, string noKk, int? expectedVersion, RecheckFinding finding, string? note, DateOnly checkedOn, string checker, CancellationToken ct = default) =>
        work.RunAsync(c => service.RecordFindingAsync(auditId, noKk, expectedVersion, finding, note, checkedOn, checker, work.Audit, c), ct);
}
