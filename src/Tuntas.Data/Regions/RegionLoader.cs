using Microsoft.EntityFrameworkCore;
using Tuntas.Domain.Regions;

namespace Tuntas.Data.Regions;

/// <summary>How a region load changed the database.</summary>
public sealed record RegionLoadResult(int Inserted, int Updated, int Unchanged)
{
    public int Total => Inserted + Updated + Unchanged;
}

/// <summary>
/// Brings the Regions table in line with the shipped list: inserts new codes and renames changed
/// ones. Codes that left the list are kept, because households and history may still point at them.
/// </summary>
public static class RegionLoader
{
    private const int BatchSize = 5000;

    public static async Task<RegionLoadResult> LoadAsync(TuntasDbContext db, IEnumerable<(RegionCode Code, string Name)> regions, CancellationToken ct = default)
    {
        var existing = await db.Regions.AsNoTracking()
            .Select(r => new { r.Code, r.Name })
            .ToDictionaryAsync(r => r.Code.Value, r => r.Name, StringComparer.Ordinal, ct);

        var autoDetect = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            int inserted = 0, updated = 0, unchanged = 0, pending = 0;
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            foreach (var (code, name) in regions)
            {
                if (!existing.TryGetValue(code.Value, out var currentName))
                {
                    db.Regions.Add(new Region(code, name));
                    existing[code.Value] = name;
                    inserted++;
                    pending++;
                }
                else if (!string.Equals(currentName, name, StringComparison.Ordinal))
                {
                    var region = await db.Regions.SingleAsync(r => r.Code == code, ct);
                    region.Rename(name);
                    db.Entry(region).Property(r => r.Name).IsModified = true;
                    existing[code.Value] = name;
                    updated++;
                    pending++;
                }
                else
                {
                    unchanged++;
                }

                if (pending >= BatchSize)
                {
                    await db.SaveChangesAsync(ct);
                    db.ChangeTracker.Clear();
                    pending = 0;
                }
            }

            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
            await transaction.CommitAsync(ct);
            return new RegionLoadResult(inserted, updated, unchanged);
        }
        finally
        {
            db.ChangeTracker.AutoDetectChangesEnabled = autoDetect;
        }
    }
}
