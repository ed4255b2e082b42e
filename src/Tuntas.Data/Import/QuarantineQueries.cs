using Microsoft.EntityFrameworkCore;
using Tuntas.Domain.Access;

namespace Tuntas.Data.Import;

/// <summary>
/// Reads the quarantine: rejected rows still waiting for correction that a caller may see, those of
/// the caller's region and those of the caller's own uploads.
/// </summary>
public sealed class QuarantineQueries(TuntasDbContext db)
{
    /// <summary>The newest waiting rows (at most <paramref name="limit"/>) grouped by import, with each import's total of waiting rows.</summary>
    public async Task<IReadOnlyList<(ImportBatch Batch, IReadOnlyList<ImportRejectedRow> Rows, int Total)>> WaitingAsync(
        RegionScope scope, string userName, int limit, CancellationToken ct = default)
    {
        var rows = await Visible(scope, userName).OrderByDescending(r => r.BatchId).ThenBy(r => r.Line).Take(limit).ToListAsync(ct);
        var totals = await Visible(scope, userName).GroupBy(r => r.BatchId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var ids = rows.Select(r => r.BatchId).Distinct().ToList();
        var batches = await db.ImportBatches.AsNoTracking().Where(b => ids.Contains(b.Id)).ToDictionaryAsync(b => b.Id, ct);
        return rows.GroupBy(r => r.BatchId)
            .Select(g => (batches[g.Key], (IReadOnlyList<ImportRejectedRow>)g.ToList(), totals[g.Key]))
            .ToList();
    }

    /// <summary>One import and its waiting rows the caller may see, in file order; null when the import does not exist.</summary>
    public async Task<(ImportBatch Batch, IReadOnlyList<ImportRejectedRow> Rows)?> BatchAsync(RegionScope scope, string userName, long batch, CancellationToken ct = default)
    {
        var found = await db.ImportBatches.AsNoTracking().SingleOrDefaultAsync(b => b.Id == batch, ct);
        if (found is null)
        {
            return null;
        }

        var rows = await Visible(scope, userName).Where(r => r.BatchId == batch).OrderBy(r => r.Line).ToListAsync(ct);
        return (found, rows);
    }

    private IQueryable<ImportRejectedRow> Visible(RegionScope scope, string userName)
    {
        var rows = db.ImportRejectedRows.AsNoTracking().Where(r => r.ResolvedAt == null);
        if (scope.Region is not { } region)
        {
            return rows;
        }

        var code = region.Value;
        var prefix = code + ".";
        return rows.Where(r =>
            (r.VillageCode != null && (r.VillageCode == code || r.VillageCode.StartsWith(prefix)))
            || db.ImportBatches.Any(b => b.Id == r.BatchId && b.UserName == userName));
    }
}
