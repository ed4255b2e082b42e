using Tuntas.Domain.Access;
using Tuntas.Domain.Regions;
using Tuntas.Domain.Registry;

namespace Tuntas.Data.Access;

/// <summary>
/// The region-scope filter every register query goes through. A household is in scope when its
/// desa/kelurahan is the scope region or lies below it.
/// </summary>
public static class ScopeQueries
{
    public static IQueryable<Household> InScope(this IQueryable<Household> households, RegionScope scope) =>
        scope.Region is null ? households : households.InRegion(scope.Region);

    /// <summary>Households in a region and everything below it: an equality on the column of that level.</summary>
    public static IQueryable<Household> InRegion(this IQueryable<Household> households, RegionCode region) => region.Level switch
    {
        RegionLevel.Province => households.Where(h => h.ProvinceCode == region),
        RegionLevel.Regency => households.Where(h => h.RegencyCode == region),
        RegionLevel.District => households.Where(h => h.DistrictCode == region),
        _ => households.Where(h => h.VillageCode == region),
    };
}
