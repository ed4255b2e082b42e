using Tuntas.Data.Common;
using Tuntas.Domain.Access;
using Tuntas.Domain.Common;
using Tuntas.Domain.Regions;
using Tuntas.Domain.UpdateCycles;

namespace Tuntas.Data.UpdateCycles;

/// <summary>
/// Dinas Sosial opens the monthly update cycle of a kabupaten/kota: one cycle per regency and month,
/// with its deadlines (the defaults unless given) and a line for every desa/kelurahan of the regency.
/// One unit of work.
/// </summary>
public sealed class OpenCycle(UnitOfWork work, UpdateCycleQueries queries) : IUseCase
{
    public Task<WriteResult<UpdateCycle>> OpenAsync(RegionScope scope, RegionCode regency, DateOnly month, CycleDeadlines? deadlines, string actor, CancellationToken ct = default) =>
        work.RunOrRefuseAsync<UpdateCycle>(async c =>
        {
            if (regency.Level != RegionLevel.Regency)
            {
                throw new DomainException(UpdateCycleErrors.NotARegency());
            }

            if (!scope.Contains(regency))
            {
                return new WriteError.NotFound("regency");
            }

            return WriteResult<UpdateCycle>.Ok(await OpenInAsync(work, queries, regency, month, deadlines ?? CycleDeadlines.Default, actor, c));
        }, ct);

    /// <summary>Opens a cycle inside the caller's unit of work (also used when a ranking needs the cycle of its month).</summary>
    internal static async Task<UpdateCycle> OpenInAsync(UnitOfWork work, UpdateCycleQueries queries, RegionCode regency, DateOnly month, CycleDeadlines deadlines, string actor, CancellationToken ct)
    {
        if (await queries.FindAsync(regency, month, ct) is { } existing)
        {
            throw new DomainException(UpdateCycleErrors.AlreadyOpen(regency.Value!, existing.MonthText));
        }

        var cycle = new UpdateCycle(regency, month, deadlines, actor, work.Clock.UtcNow);
        work.Db.UpdateCycles.Add(cycle);
        await work.Db.SaveChangesAsync(ct);
        var villages = (await queries.VillagesAndDistrictsAsync(regency, ct)).Where(r => r.Level == RegionLevel.Village).ToList();
        foreach (var village in villages)
        {
            work.Db.CycleVillages.Add(new CycleVillage(cycle.Id, village.Code));
        }

        await work.Db.SaveChangesAsync(ct);
        work.Audit.Record(actor, "cycle.open", AuditSubjectOf(cycle), null, new
        {
            regency = regency.Value,
            month = cycle.MonthText,
            deadlines = new { meeting = cycle.MeetingDay, proposals = cycle.ProposalDay, check = cycle.CheckDay, groundcheck = cycle.GroundcheckDay },
            villages = villages.Count,
        });
        return cycle;
    }

    private static Audit.AuditSubject AuditSubjectOf(UpdateCycle cycle) => Audit.AuditSubject.Of(cycle);
}
