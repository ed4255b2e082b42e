using Sylvan.Data.Csv;
using Tuntas.Domain.Regions;

namespace Tuntas.Data.Regions;

/// <summary>
/// The Kemendagri region list shipped with Tuntas (npm package <c>idn-area-data</c> 4.x, ODbL),
/// embedded in this assembly so that <c>tuntas init</c> works offline.
/// </summary>
public static class RegionCatalog
{
    private static readonly string[] Files = ["provinces", "regencies", "districts", "villages"];

    /// <summary>Every region, provinces first, then regencies, districts and villages.</summary>
    public static IEnumerable<(RegionCode Code, string Name)> ReadAll()
    {
        foreach (var file in Files)
        {
            using var stream = typeof(RegionCatalog).Assembly.GetManifestResourceStream($"Tuntas.Regions.{file}.csv")
                ?? throw new InvalidOperationException($"The region list {file}.csv is missing from the build.");
            using var text = new StreamReader(stream);
            using var csv = CsvDataReader.Create(text, new CsvDataReaderOptions { HasHeaders = true });
            var codeColumn = csv.GetOrdinal("code");
            var nameColumn = csv.GetOrdinal("name");
            while (csv.Read())
            {
                yield return (RegionCode.From(csv.GetString(codeColumn)), csv.GetString(nameColumn).Trim());
            }
        }
    }
}
