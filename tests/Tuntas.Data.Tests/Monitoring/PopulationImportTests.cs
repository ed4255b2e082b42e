using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tuntas.Data.Monitoring;
using Tuntas.Data.Tests.Verification;
using Tuntas.Domain.Regions;
using Tuntas.Testing;

namespace Tuntas.Data.Tests.Monitoring;

public class PopulationImportTests
{
    private static async Task<PopulationImportSummary> ImportAsync(TestDatabase database, string csv, string folder)
    {
        var path = Path.Combine(folder, $"penduduk-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(path, csv);
        await using var services = VervalKit.Services(database);
        await using var scope = services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<ImportPopulation>().RunAsync(path)).Value!;
    }

    [Theory, DatabaseData]
    public async Task Import_RejectsBadCodesYearsAndNegativeCounts_KeepsTheRest_AndReimportUpdates(TestProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var folder = Directory.CreateTempSubdirectory("tuntas-population-").FullName;
        var summary = await ImportAsync(database, string.Join("\n",
            "kode_wilayah,tahun,jiwa",
            "64.08.01,2024,21000",
            "6408030,2024,18000",
            "64.99.99,2024,1000",
            "64.08.02,20x4,1000",
            "64.08.02,1850,1000",
            "64.08.04,2024,-5",
            "64.74,2024,180000",
            "64.08.01,2024,22000",
            ""), folder);

        Assert.Equal((8, 2, 6), (summary.Rows, summary.Accepted, summary.Rejected));
        Assert.Equal((2, 0, 0), (summary.Inserted, summary.Updated, summary.Unchanged));
        var errors = await File.ReadAllLinesAsync(summary.ErrorsFile!);
        Assert.Equal(7, errors.Length);
        Assert.StartsWith("baris,kolom,alasan,kode_wilayah,tahun,jiwa", errors[0], StringComparison.Ordinal);
        Assert.Contains(errors, l => l.StartsWith("3,kode_wilayah,", StringComparison.Ordinal) && l.EndsWith(",6408030,2024,18000", StringComparison.Ordinal));
        Assert.Contains(errors, l => l.StartsWith("4,kode_wilayah,", StringComparison.Ordinal) && l.Contains("Kemendagri", StringComparison.Ordinal));
        Assert.Contains(errors, l => l.StartsWith("5,tahun,", StringComparison.Ordinal));
        Assert.Contains(errors, l => l.StartsWith("6,tahun,", StringComparison.Ordinal));
        Assert.Contains(errors, l => l.StartsWith("7,jiwa,", StringComparison.Ordinal) && l.Contains("negative", StringComparison.Ordinal));
        Assert.Contains(errors, l => l.StartsWith("9,kode_wilayah,", StringComparison.Ordinal) && l.Contains("line 2", StringComparison.Ordinal));

        await using (var db = database.CreateContext())
        {
            var rows = await db.Population.AsNoTracking().ToListAsync();
            Assert.Equal(21000, rows.Single(p => p.Region == RegionCode.From("64.08.01")).People);
            Assert.Equal(2, rows.Count);
        }

        var again = await ImportAsync(database, "kode_wilayah;tahun;jiwa\r\n64.08.01;2024;21500\r\n64.74;2024;180000\r\n64.08.01;2023;20000\r\n", folder);
        Assert.Equal((3, 3, 0), (again.Rows, again.Accepted, again.Rejected));
        Assert.Equal((1, 1, 1), (again.Inserted, again.Updated, again.Unchanged));
        Assert.Null(again.ErrorsFile);
        await using (var db = database.CreateContext())
        {
            var ancalong = await db.Population.AsNoTracking().Where(p => p.Region == RegionCode.From("64.08.01")).OrderBy(p => p.Year).ToListAsync();
            Assert.Equal([(2023, 20000L), (2024, 21500L)], ancalong.Select(p => (p.Year, p.People)));
        }
    }
}
