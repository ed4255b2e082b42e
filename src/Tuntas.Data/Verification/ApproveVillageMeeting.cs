using Tuntas.Data.Common;
using Tuntas.Domain.Access;

namespace Tuntas.Data.Verification;

/// <summary>
/// Dinas Sosial approves every decision of a village meeting at once: households to include are
/// listed, and each decided household without a pending task gets a visit task. One unit of work;
/// the meeting's version is the one the verifier saw.
/// </summary>
public sealed class ApproveVillageMeeting(UnitOfWork work, VervalQueries queries, VervalService verval) : IUseCase
{
    public Task<WriteResult<Done>> ApproveAsync(RegionScope scope, long roundId, long meetingId, int version, string verifier, CancellationToken ct = default) =>
        work.RunOrRefuseAsync<Done>(async c =>
        {
            if (await queries.FindMeetingAsync(scope, roundId, meetingId, c) is not { } meeting)
            {
                return new WriteError.NotFound("meeting");
            }

            work.Db.Entry(meeting).Property(m => m.Version).OriginalValue = version;
            await verval.ApproveMeetingAsync(meeting, verifier, work.Audit, c);
            return WriteResult<Done>.Ok(Done.Value);
        }, ct);
}
