using Tuntas.Data.Common;
using Tuntas.Domain.Access;
using Tuntas.Domain.Common;

namespace Tuntas.Data.Verification;

/// <summary>
/// Gives a round's visit task to an operator or facilitator (or back to nobody). Only someone whose
/// own region covers the household's village can open the task. One unit of work; the task's version
/// is the one the planner saw.
/// </summary>
public sealed class AssignTask(UnitOfWork work, VervalQueries queries, VervalService verval) : IUseCase
{
    public Task<WriteResult<Done>> AssignAsync(RegionScope scope, long roundId, long taskId, int version, string? userName, string actor, CancellationToken ct = default) =>
        work.RunOrRefuseAsync<Done>(async c =>
        {
            if (await queries.FindTaskAsync(scope, taskId, c) is not var (task, household) || task.RoundId != roundId)
            {
                return new WriteError.NotFound("task");
            }

            if (userName is not null)
            {
                var region = await queries.UserRegionAsync(userName, c);
                if (!(await queries.AssigneesAsync(scope, c)).Contains(userName) || region is null || !region.Contains(household.VillageCode))
                {
                    throw new DomainException("That person does not exist or is outside the region.", "Petugas itu tidak ada atau di luar wilayah.");
                }
            }

            work.Db.Entry(task).Property(t => t.Version).OriginalValue = version;
            verval.Assign(task, household, userName, actor, work.Audit);
            return WriteResult<Done>.Ok(Done.Value);
        }, ct);
}
