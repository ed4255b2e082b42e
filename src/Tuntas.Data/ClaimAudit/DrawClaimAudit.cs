using Microsoft.EntityFrameworkCore;
using Tuntas.Data.Common;
using Tuntas.Domain.ClaimAudit;
using Tuntas.Domain.Common;

namespace Tuntas.Data.ClaimAudit;

/// <summary>
/// Draws a claim audit's sample and assigns its re-checks, as one unit of work: the draw, its seed
/// and the hash of its population reach the audit trail in the same commit as the sample.
/// </summary>
public sealed class DrawClaimAudit(UnitOfWork work, ClaimAuditService service) : IUseCase
{
    /// <returns>The sample drawn; refused (a broken rule) for a region not in the list or a period that cannot be audited.</returns>
    public Task<WriteResult<ClaimAuditSample>> DrawAsync(DrawRequest request, string actor, CancellationToken ct = default) =>
        work.RunAsync(async c =>
        {
            if (!await work.Db.Regions.AnyAsync(r => r.Code == request.Region, c))
            {
                throw new DomainException(
                    $"Region {request.Region.Value} is not in the Kemendagri list.",
                    $"Wilayah {request.Region.Value} tidak ada dalam daftar Kemendagri.");
            }

            return await service.DrawAsync(request, actor, work.Audit, c);
        }, ct);
}
