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
}
