using Tuntas.Data.Common;
using Tuntas.Domain.Access;

namespace Tuntas.Data.Verification;

/// <summary>
/// Dinas Sosial's decision on a submitted visit: approve it (the household takes over what was
/// found and moves to the recommended status, effective the day of the visit) or return it with a
/// note. One unit of work; the visit's version is the one the reviewer saw, so a decision made in
/// the meantime by someone else wins and this one is refused as a conflict.
/// </summary>
public sealed class ReviewVisit(UnitOfWork work, VervalQueries queries, VervalService verval) : IUseCase
{
    public Task<WriteResult<long>> ApproveAsync(RegionScope scope, long visitId, int version, string reviewer, string? note, CancellationToken ct = default) =>
        DecideAsync(scope, visitId, version, (visit, household, c) => verval.ApproveAsync(visit, household, reviewer, note, work.Audit, c), ct);

    public Task<WriteResult<long>> ReturnAsync(RegionScope scope, long visitId, int version, string reviewer, string? note, CancellationToken ct = default) =>
        DecideAsync(scope, visitId, version, (visit, household, _) =>
        {
            verval.Return(visit, household, reviewer, note ?? "", work.Audit);
            return Task.CompletedTask;
        }, ct);

    /// <returns>The household's id on success.</returns>
    private Task<WriteResult<long>> DecideAsync(RegionScope scope, long visitId, int version, Func<Domain.Verification.Visit, Domain.Registry.Household, CancellationToken, Task> decide, CancellationToken ct) =>
        work.RunOrRefuseAsync<long>(async c =>
        {
            if (await queries.FindVisitAsync(scope, visitId, c) is not var (visit, household))
            {
                return new WriteError.NotFound("visit");
            }

            // Checked here for a decision already stored, and by the database for one made at the same moment.
            if (visit.Version != version)
            {
                return new WriteError.Conflict("visit");
            }

            work.Db.Entry(visit).Property(v => v.Version).OriginalValue = version;
            await decide(visit, household, c);
            return WriteResult<long>.Ok(household.Id);
        }, ct);
}
