using Microsoft.EntityFrameworkCore;
using Tuntas.Data.Audit;
using Tuntas.Data.Common;
using Tuntas.Domain.Common;
using Tuntas.Domain.Monitoring;
using Tuntas.Domain.Regions;

namespace Tuntas.Data.Monitoring;

/// <summary>
/// Sets a region's target: at most N extreme-poor households by a date. Earlier targets stay on
/// record; for the same date the newest one applies, and the audit entry shows the one it replaces.
/// The dashboard and <c>tuntas targets set</c> both set targets through this class.
/// </summary>
public sealed class SetTarget(UnitOfWork work) : IUseCase
{
    public Task<WriteResult<Target>> SetAsync(RegionCode region, DateOnly date, int households, string setBy, CancellationToken ct = default) =>
        work.RunAsync(async c =>
        {
            if (!await work.Db.Regions.AnyAsync(r => r.Code == region, c))
            {
                throw new DomainException(
                    $"Region {region.Value} is not in the Kemendagri list.",
                    $"Wilayah {region.Value} tidak ada dalam daftar Kemendagri.");
            }

            return await RecordAsync(work.Db, work.Audit, region, date, households, setBy, work.Clock.UtcNow, c);
        }, ct);

    /// <summary>
    /// The step itself, inside a unit of work already open: the target and its audit entry. The demo
    /// loader, which builds its whole scenario in one unit of work, sets its targets through here too.
    /// </summary>
    internal static async Task<Target> RecordAsync(TuntasDbContext db, AuditTrail audit, RegionCode region, DateOnly date, int households, string setBy, DateTime nowUtc, CancellationToken ct)
    {
        var target = new Target(region, date, households, setBy, nowUtc);
        var replaced = await db.Targets.AsNoTracking().Where(t => t.Region == region && t.Date == date).OrderByDescending(t => t.SetAt).FirstOrDefaultAsync(ct);
        db.Targets.Add(target);
        audit.Record(setBy, "target.set", AuditSubject.Named("target", region.Value, region.Value),
            replaced is null ? null : Snapshot(replaced), Snapshot(target));
        return target;
    }

    private static object Snapshot(Target t) => new { region = t.Region.Value, date = t.Date, households = t.Households };
}
