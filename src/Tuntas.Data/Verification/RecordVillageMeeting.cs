using Microsoft.EntityFrameworkCore;
using Tuntas.Data.Common;
using Tuntas.Domain.Access;
using Tuntas.Domain.Regions;
using Tuntas.Domain.Verification;

namespace Tuntas.Data.Verification;

/// <summary>
/// A village meeting (musyawarah desa) of a round: who came, the signed minutes when they are at hand,
/// and the decision on each household of the village that was discussed. Also attaches minutes to a
/// meeting saved without them. Each is one unit of work; Dinas Sosial approves the meeting later
/// (<see cref="ApproveVillageMeeting"/>).
/// </summary>
public sealed class RecordVillageMeeting(UnitOfWork work, VervalQueries queries, VervalService verval) : IUseCase
{
    /// <summary>Records a meeting; decisions on households of other villages are left out.</summary>
    /// <returns>The meeting as stored.</returns>
    public Task<WriteResult<VillageMeeting>> RecordAsync(
        RegionScope scope, long roundId, RegionCode village, DateOnly heldOn, int attendance, string? attendees, EvidenceFile? minutes,
        IReadOnlyDictionary<long, MeetingDecisionKind> decisions, string actor, CancellationToken ct = default) =>
        work.RunOrRefuseAsync<VillageMeeting>(async c =>
        {
            if (!scope.Contains(village) || await queries.FindRoundAsync(scope, roundId, c) is not { } round)
            {
                return new WriteError.NotFound("round");
            }

            var ids = decisions.Keys.ToList();
            var households = await work.Db.Households.Where(h => h.VillageCode == village && ids.Contains(h.Id)).ToListAsync(c);
            return WriteResult<VillageMeeting>.Ok(verval.RecordMeeting(round, village, heldOn, attendance, attendees, minutes,
                households.Select(h => (h, decisions[h.Id], (string?)null)), actor, work.Audit));
        }, ct);

    /// <summary>Attaches the signed minutes to a meeting saved without them (before approval); the version is the one the user saw.</summary>
    public Task<WriteResult<Done>> AttachMinutesAsync(RegionScope scope, long roundId, long meetingId, int version, EvidenceFile minutes, string actor, CancellationToken ct = default) =>
        work.RunOrRefuseAsync<Done>(async c =>
        {
            if (await queries.FindMeetingAsync(scope, roundId, meetingId, c) is not { } meeting)
            {
                return new WriteError.NotFound("meeting");
            }

            work.Db.Entry(meeting).Property(m => m.Version).OriginalValue = version;
            verval.AttachMinutes(meeting, minutes, actor, work.Audit);
            return WriteResult<Done>.Ok(Done.Value);
        }, ct);
}
