using Microsoft.EntityFrameworkCore;
using Tuntas.Data.Access;
using Tuntas.Data.Common;
using Tuntas.Data.Verification;
using Tuntas.Domain.Access;
using Tuntas.Domain.Verification;

namespace Tuntas.Data.Interventions;

/// <summary>
/// Sends the field team to a household ready to graduate: a graduation visit task, due a number of
/// days from today. Graduation is shown by a verified re-assessment, never by the screen itself.
/// </summary>
public sealed class PlanGraduationVisit(UnitOfWork work, VervalService verval) : IUseCase
{
    public Task<WriteResult<Done>> PlanAsync(RegionScope scope, long householdId, DateOnly due, string planner, CancellationToken ct = default) =>
        work.RunOrRefuseAsync<Done>(async c =>
        {
            if (await work.Db.Households.InScope(scope).SingleOrDefaultAsync(h => h.Id == householdId, c) is not { } household)
            {
                return new WriteError.NotFound("household");
            }

            await verval.CreateTaskAsync(household, VisitPurpose.Graduation, due, planner, work.Audit, c);
            return WriteResult<Done>.Ok(Done.Value);
        }, ct);
}
