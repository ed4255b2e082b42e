namespace Tuntas.Domain.Regions;

/// <summary>The four Kemendagri levels. The numeric value is the depth (1 = provinsi).</summary>
public enum RegionLevel
{
    Province = 1,
    Regency = 2,
    District = 3,
    Village = 4,
}

public static class RegionLevelNames
{
    /// <summary>The wire name used by the CLI and the API (<c>province</c>, <c>regency</c>, <c>district</c>, <c>village</c>).</summary>
    public static string ToWire(this RegionLevel level) => level switch
    {
        RegionLevel.Province => "province",
        RegionLevel.Regency => "regency",
        RegionLevel.District => "district",
        RegionLevel.Village => "village",
        _ => throw new ArgumentOutOfRangeException(nameof(level)),
    };

    /// <summary>The Bahasa Indonesia label shown on screen.</summary>
    public static string ToIndonesian(this RegionLevel level) => level switch
    {
        RegionLevel.Province => "Provinsi",
        RegionLevel.Regency => "Kabupaten/Kota",
        RegionLevel.District => "Kecamatan",
        RegionLevel.Village => "Desa/Kelurahan",
        _ => throw new ArgumentOutOfRangeException(nameof(level)),
    };

    public static string ToEnglish(this RegionLevel level) => level switch
    {
        RegionLevel.Province => "Province",
        RegionLevel.Regency => "Regency/City",
        RegionLevel.District => "District",
        RegionLevel.Village => "Village",
        _ => throw new ArgumentOutOfRangeException(nameof(level)),
    };
}
