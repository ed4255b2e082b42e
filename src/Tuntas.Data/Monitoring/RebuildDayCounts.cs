using Microsoft.EntityFrameworkCore;
using Tuntas.Data.Common;
using Tuntas.Domain.Monitoring;
using Tuntas.Domain.Regions;

namespace Tuntas.Data.Monitoring;

/// <summary>Recomputes the day counts from every household's history (<c>tuntas figures rebuild</c>).</summary>
public sealed class RebuildDayCounts(TuntasDbContext db, RegionClock clock) : IUseCase
{
    /// <returns>The households whose history was read and the rows of counts written.</returns>
    public async Task<(int Households, int Rows)> RunAsync(HandlingWindow window, CancellationToken ct = default)
    {
        var households = await DayCountStore.RebuildAsync(db, window, ct: ct, time: clock.Time);
        return (households, await db.DayCounts.CountAsync(ct));
    }
}
