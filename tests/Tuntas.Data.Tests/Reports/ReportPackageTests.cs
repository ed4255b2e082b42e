using Microsoft.Extensions.DependencyInjection;
using Tuntas.Data.Reports;
using Tuntas.Data.Tests.Interventions;
using Tuntas.Data.Tests.Verification;
using Tuntas.Domain.Regions;
using Tuntas.Testing;

namespace Tuntas.Data.Tests.Reports;

public class ReportPackageTests
{
    private static readonly DateOnly At = new(2025, 6, 30);

    [Theory, DatabaseData]
    public async Task Package_RoundTripsIntoAnotherDatabase_AndTheConsolidationListsWhereItDiffersFromTheHouseholds(TestProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var services = VervalKit.Services(database);
        await InterventionKit.VerifiedAsync(services, 3);
        await InterventionKit.ImportAsync(services, InterventionKit.List($"{InterventionKit.Nik(1)},,2025-03-01,750000,"));
        var folder = Path.Combine(Path.GetTempPath(), $"tuntas-report-{Guid.NewGuid():N}");

        ExportedReport exported;
        await using (var scope = services.CreateAsyncScope())
        {
            exported = (await scope.ServiceProvider.GetRequiredService<ReportPackages>().ExportAsync(RegionCode.From("64.74"), At, folder))!;
        }

        Assert.Equal(3, exported.Content.Headline.ExtremePoor.Households);
        Assert.Equal([("64.74.01", 3)], exported.Content.Districts.Select(d => (d.Region, d.ExtremePoorHouseholds)));
        Assert.Equal([("64.74.01.1001", 3, 3)], exported.Content.Villages.Select(v => (v.Region, v.ExtremePoorHouseholds, v.People)));
        Assert.Equal([("PKH", 1, 750_000L)], exported.Content.Deliveries.Select(d => (d.Programme, d.Households, d.Amount)));
        Assert.Equal((3, 1m), (exported.Content.Verification.Verified, exported.Content.Verification.VerifiedShare));

        // The workbook names the criteria the figures used, and says there is no desil ranking yet.
        var book = ReadWorkbook.Read(File.ReadAllBytes(exported.XlsxPath));
        var rows = book.SheetNames.SelectMany(n => book.Rows(n, 5)).ToList();
        Assert.Contains(rows, r => r[0] == "Kriteria" && r[1] == "2024 (nasional)" && r[2] == "bps-215-ppp2017" && r[3] == "391000");
        Assert.Contains(rows, r => r[0] == "Desil" && r[1] == "Belum ada data desil");

        // Into a fresh SQLite province database.
        await using var provinceDb = await TestDatabase.CreateAsync(TestProvider.Sqlite);
        await using var provinceServices = VervalKit.Services(provinceDb);
        await using (var scope = provinceServices.CreateAsyncScope())
        {
            var imported = (await scope.ServiceProvider.GetRequiredService<ImportReportPackage>().ImportAsync(exported.JsonPath, "bappeda.kaltim")).Value!;
            Assert.Equal((3, false), (imported.ExtremePoorHouseholds, imported.AlreadyImported));
            var report = (await scope.ServiceProvider.GetRequiredService<ProvinceConsolidation>().ComputeAsync(RegionCode.From("64"), At))!;
            Assert.Equal(("package", 3), report.Regencies.Where(r => r.Region == "64.74").Select(r => (r.Source, r.ExtremePoorHouseholds)).Single());
            Assert.Equal((3, 1, 0), (report.Total.ExtremePoorHouseholds, report.Total.FromPackages, report.Total.FromRegistry));
            Assert.Empty(report.Differences);
        }

        // Back home, one more family is verified after the export: the package and the households now differ.
        await using (var scope = services.CreateAsyncScope())
        {
            Assert.True((await scope.ServiceProvider.GetRequiredService<ImportReportPackage>().ImportAsync(exported.JsonPath, "dinsos.bontang")).Succeeded);
        }

        await InterventionKit.VerifiedAsync(services, 1, first: 9, saveOperator: false);
        await using (var scope = services.CreateAsyncScope())
        {
            var report = (await scope.ServiceProvider.GetRequiredService<ProvinceConsolidation>().ComputeAsync(RegionCode.From("64"), At))!;
            Assert.Equal([("64.74", 3, 4, -1)], report.Differences.Select(d => (d.Region, d.Package, d.Registry, d.Difference)));
        }
    }
}
