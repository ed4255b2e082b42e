using System.Globalization;
using Tuntas.Data.Audit;
using Tuntas.Data.Common;
using Tuntas.Domain.Access;

namespace Tuntas.Data.Interventions;

/// <summary>
/// Dinas Sosial closes an item of the follow-up list (a recipient an agency paid that the register
/// does not hold) with a note. The version is the one the closer saw: an item closed or changed
/// since is refused as a conflict rather than closed twice.
/// </summary>
public sealed class CloseFollowUp(UnitOfWork work, InterventionQueries queries) : IUseCase
{
    public Task<WriteResult<Done>> CloseAsync(RegionScope scope, long id, int version, string closer, string note, CancellationToken ct = default) =>
        work.RunOrRefuseAsync<Done>(async c =>
        {
            if (await queries.FindFollowUpAsync(scope, id, c) is not { } item)
            {
                return new WriteError.NotFound("follow-up item");
            }

            if (item.ResolvedAt is not null || item.Version != version)
            {
                return new WriteError.Conflict("follow-up item");
            }

            work.Db.Entry(item).Property(u => u.Version).OriginalValue = version;
            item.Resolve(work.Clock.UtcNow, note);
            await work.Db.SaveChangesAsync(c);
            work.Audit.Record(closer, "follow-up.close", AuditSubject.Named("unmatched-recipient", item.Id.ToString(CultureInfo.InvariantCulture), item.Region),
                new { resolved = false }, new { programme = item.ProgrammeCode, date = item.Date, resolution = note });
            return WriteResult<Done>.Ok(Done.Value);
        }, ct);
}
