using Tuntas.Domain.Regions;
using Tuntas.Web.Localization;

namespace Tuntas.Web.Monitoring;

/// <summary>
/// A region as the scope line names it: the Kemendagri list already says "Kota Bontang" and
/// "Kabupaten Kutai Timur", but a kecamatan or desa is a bare name, so its kind goes in front.
/// </summary>
public static class ScopeNames
{
    public static string Of(Region region)
    {
        var kind = region.Level switch
        {
            RegionLevel.District => UiCulture.IsEnglish ? "District" : "Kecamatan",
            RegionLevel.Village => region.Code.Value[^4] == '1' ? (UiCulture.IsEnglish ? "Urban village" : "Kelurahan") : (UiCulture.IsEnglish ? "Village" : "Desa"),
            _ => null,
        };
        return kind is null ? region.Name : UiCulture.IsEnglish ? $"{region.Name} ({kind})" : $"{kind} {region.Name}";
    }
}
