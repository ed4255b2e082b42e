using Microsoft.EntityFrameworkCore;
using Tuntas.Domain.Access;
using Tuntas.Domain.Registry;

namespace Tuntas.Data.Desil;

/// <summary>A family of a desil ranking the register does not hold, as the follow-up list shows it.</summary>
public sealed record DesilFollowUpItem(long Id, string NoKk, string? Name, int Desil, string Source, DateOnly Version, long Line, string FileName, DateTime ImportedAt);

/// <summary>Reads of the desil history and of the desil follow-up list.</summary>
public sealed class DesilQueries(TuntasDbContext db)
{
    /// <summary>A family's desil history, the newest version first.</summary>
    public async Task<IReadOnlyList<HouseholdDesil>> HistoryAsync(long householdId, CancellationToken ct = default) =>
        await db.HouseholdDesils.AsNoTracking().Where(d => d.HouseholdId == householdId)
            .OrderByDescending(d => d.Version).ThenByDescending(d => d.RecordedAt).ThenByDescending(d => d.Id).ToListAsync(ct);

    /// <summary>
    /// The families desil rankings named that the register does not hold, newest first: those of the
    /// imports made within the caller's region, and those whose No. KK was issued there.
    /// </summary>
    public async Task<IReadOnlyList<DesilFollowUpItem>> FollowUpAsync(RegionScope scope, int take = 500, CancellationToken ct = default)
    {
        var items = db.DesilFollowUps.AsNoTracking();
        if (scope.Region is { } region)
        {
            var code = region.Value;
            var below = code + ".";
            items = items.Where(f => (f.Region != null && (f.Region == code || f.Region.StartsWith(below)))
                || (f.NumberRegency != null && (f.NumberRegency == code || f.NumberRegency.StartsWith(below))));
        }

        return await items.Join(db.DesilImports.AsNoTracking(), f => f.ImportId, i => i.Id, (f, i) => new { f, i.FileName, i.ImportedAt })
            .OrderByDescending(x => x.f.Version).ThenByDescending(x => x.f.Id).Take(take)
            .Select(x => new DesilFollowUpItem(x.f.Id, x.f.NoKk, x.f.Name, x.f.Desil, x.f.Source, x.f.Version, x.f.Line, x.FileName, x.ImportedAt))
            .ToListAsync(ct);
    }
}
