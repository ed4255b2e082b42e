using System.Globalization;
using Tuntas.Domain.Regions;
using Tuntas.Web.Localization;

namespace Tuntas.Web.Monitoring;

/// <summary>
/// A region as the scope line names it: the Kemendagri list already says "Kota Bontang" and
/// "Kabupaten Kutai Timur", but a kecamatan or desa is a bare name, so its kind goes with it
/// ("Kecamatan Muara Ancalong"; in English "Muara Ancalong (District)").
/// </summary>
public static class ScopeNames
{
    public static string Of(Region region)
    {
        var kind = region.Level switch
        {
            RegionLevel.District => "RegionKind.District",
            // The first digit of the four-digit village number tells a kelurahan (1) from a desa (2).
            RegionLevel.Village => region.Code.Value[^4] == '1' ? "RegionKind.UrbanVillage" : "RegionKind.Village",
            _ => null,
        };
        return kind is null ? region.Name : string.Format(CultureInfo.CurrentCulture, UiText.Find("ScopeNameWithKind") ?? "{0} {1}", UiText.Find(kind) ?? "", region.Name);
    }
}
