using Tuntas.Data.Common;
using Tuntas.Domain.Access;
using Tuntas.Domain.Verification;

namespace Tuntas.Data.Verification;

/// <summary>
/// A field visit sent in for review, with the evidence already stored. One unit of work; the task's
/// version is the one the visitor opened the form on, so a second submission for the same task (from
/// another phone, or the same form sent twice) is refused as a conflict.
/// </summary>
public sealed class SubmitVisit(UnitOfWork work, VervalQueries queries, VervalService verval) : IUseCase
{
    /// <returns>The household's id on success.</returns>
    public Task<WriteResult<long>> SubmitAsync(RegionScope scope, long taskId, int version, VisitReport report, IReadOnlyList<EvidenceFile> evidence, string visitor, CancellationToken ct = default) =>
        work.RunOrRefuseAsync<long>(async c =>
        {
            if (await queries.FindTaskAsync(scope, taskId, c) is not var (task, household))
            {
                return new WriteError.NotFound("task");
            }

            // Checked here for a submission already stored, and by the database for one made at the same moment.
            if (task.Version != version)
            {
                return new WriteError.Conflict("task");
            }

            work.Db.Entry(task).Property(t => t.Version).OriginalValue = version;
            verval.SubmitVisit(task, household, report, evidence, visitor, work.Audit);
            return WriteResult<long>.Ok(household.Id);
        }, ct);
}
