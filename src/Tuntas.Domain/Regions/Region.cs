namespace Tuntas.Domain.Regions;

/// <summary>A Kemendagri region: a province, regency or city, district, or village.</summary>
public sealed class Region
{
    public Region(RegionCode code, string name)
    {
        Code = code;
        Name = name;
        Level = code.Level;
        ParentCode = code.Parent;
    }

    // For EF Core materialisation.
    private Region()
    {
        Code = null!;
        Name = null!;
    }

    public RegionCode Code { get; private set; }

    public string Name { get; private set; }

    public RegionLevel Level { get; private set; }

    public RegionCode? ParentCode { get; private set; }

    public void Rename(string name) => Name = name;
}
