using Microsoft.EntityFrameworkCore;
using Tuntas.Domain.Regions;

namespace Tuntas.Data.Regions;

/// <summary>Reads the Kemendagri region list.</summary>
public sealed class RegionQueries(TuntasDbContext db)
{
    /// <summary>The children of <paramref name="parent"/> by code (the provinces for none); null when the parent is not in the list.</summary>
    public async Task<IReadOnlyList<Region>?> ChildrenAsync(RegionCode? parent, CancellationToken ct = default)
    {
        if (parent is not null && !await db.Regions.AnyAsync(r => r.Code == parent, ct))
        {
            return null;
        }

        return await db.Regions.AsNoTracking().Where(r => r.ParentCode == parent).OrderBy(r => r.Code).ToListAsync(ct);
    }

    /// <summary>
    /// The desa and kelurahan within <paramref name="region"/> (a village, kecamatan or kabupaten/kota),
    /// by code; null for a province or the whole country, whose thousands of villages are no list to choose from.
    /// </summary>
    public async Task<IReadOnlyList<Region>?> VillagesWithinAsync(RegionCode? region, CancellationToken ct = default)
    {
        switch (region?.Level)
        {
            case RegionLevel.Village:
                return await db.Regions.AsNoTracking().Where(r => r.Code == region).ToListAsync(ct);
            case RegionLevel.District:
                return await db.Regions.AsNoTracking().Where(r => r.ParentCode == region && r.Level == RegionLevel.Village).OrderBy(r => r.Code).ToListAsync(ct);
            case RegionLevel.Regency:
                var districts = await db.Regions.AsNoTracking().Where(r => r.ParentCode == region).Select(r => r.Code).ToListAsync(ct);
                return await db.Regions.AsNoTracking()
                    .Where(r => r.Level == RegionLevel.Village && r.ParentCode != null && districts.Contains(r.ParentCode))
                    .OrderBy(r => r.Code).ToListAsync(ct);
            default:
                return null;
        }
    }
}
