using Microsoft.EntityFrameworkCore;
using Tuntas.Data.Access;
using Tuntas.Data.Common;
using Tuntas.Domain.Common;
using Tuntas.Domain.Regions;

namespace Tuntas.Data.Verification;

/// <summary>
/// Applies the criteria of a day again to the households of a region (or of the whole register),
/// after a criteria change say, as one unit of work: new candidates are listed, each change with its
/// audit entry.
/// </summary>
public sealed class ClassifyRegion(UnitOfWork work, ClassificationService classification) : IUseCase
{
    /// <returns>What was classified; refused (a broken rule) for a region not in the list.</returns>
    public Task<WriteResult<ClassificationSummary>> ClassifyAsync(RegionCode? region, DateOnly at, string actor, CancellationToken ct = default) =>
        work.RunAsync(async c =>
        {
            if (region is not null && !await work.Db.Regions.AnyAsync(r => r.Code == region, c))
            {
                throw new DomainException(
                    $"Region {region.Value} is not in the Kemendagri list.",
                    $"Wilayah {region.Value} tidak ada dalam daftar Kemendagri.");
            }

            var households = region is null ? work.Db.Households : work.Db.Households.InRegion(region);
            return await classification.ClassifyAsync(households, at, actor, work.Audit, c, bulk: true);
        }, ct);
}
