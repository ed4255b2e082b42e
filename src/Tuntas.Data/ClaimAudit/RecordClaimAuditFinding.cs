using Tuntas.Data.Access;
using Tuntas.Data.Common;
using Tuntas.Domain.Access;
using Tuntas.Domain.ClaimAudit;

namespace Tuntas.Data.ClaimAudit;

/// <summary>
/// Records what an independent re-check found for one drawn household, with the follow-up visit task
/// for a household found wrong, as one unit of work. The checker must be a verifier (or an
/// administrator) of the household's region. With <c>expectedVersion</c> (the version the checker
/// saw), a finding entered meanwhile by someone else wins and this one is refused.
/// </summary>
public sealed class RecordClaimAuditFinding(UnitOfWork work, ClaimAuditQueries queries, UserAccounts accounts, ClaimAuditService service) : IUseCase
{
    /// <returns>
    /// The item as recorded; not found when the household is not in the audit's sample (or the audit
    /// does not exist); not allowed when <paramref name="checker"/> is not a verifier of its region.
    /// </returns>
    public Task<WriteResult<ClaimAuditItem>> RecordAsync(
        long auditId, string noKk, int? expectedVersion, RecheckFinding finding, string? note, DateOnly checkedOn, string checker, CancellationToken ct = default) =>
        work.RunOrRefuseAsync<ClaimAuditItem>(async c =>
        {
            var sample = await queries.GetAsync(auditId, RegionScope.National, c);
            if (sample?.Items.SingleOrDefault(i => i.NoKk == noKk.Trim()) is not { } item)
            {
                return new WriteError.NotFound("claim audit household");
            }

            var user = await accounts.FindExactAsync(checker, c);
            if (user is null || user.Role is not (Role.Verifier or Role.Admin) || !user.Scope.Contains(item.District))
            {
                return new WriteError.NotAllowed("claim audit findings");
            }

            return WriteResult<ClaimAuditItem>.Ok(await service.RecordFindingAsync(auditId, noKk, expectedVersion, finding, note, checkedOn, checker, work.Audit, c));
        }, ct);
}
