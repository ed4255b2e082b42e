using Microsoft.EntityFrameworkCore;
using Tuntas.Data.Common;
using Tuntas.Data.Verification;
using Tuntas.Domain.Interventions;

namespace Tuntas.Data.Interventions;

/// <summary>
/// A delivery recorded by hand (an agency officer or a facilitator on the household page): one
/// unit of work around <see cref="DeliveryService"/>. The same delivery submitted twice at once is
/// kept once by the database's unique key; the second is refused as a conflict.
/// </summary>
public sealed class RecordDelivery(UnitOfWork work, DeliveryService deliveries) : IUseCase
{
    public async Task<WriteResult<Delivery>> RecordAsync(
        DeliveryRecorder recorder, long householdId, long? personId, string programmeCode, DeliveryReport report, EvidenceFile? evidence, CancellationToken ct = default)
    {
        try
        {
            return await work.RunAsync(c => deliveries.RecordAsync(recorder, householdId, personId, programmeCode, report, evidence, work.Audit, c), ct);
        }
        catch (DbUpdateException)
        {
            return new WriteError.Conflict("delivery");
        }
    }
}
