using System.IO.Compression;
using Tuntas.Testing;

namespace Tuntas.Cli.Tests.Commands;

public class CycleCommandTests
{
    [Fact]
    public async Task CycleOpenStatusExport_OpenOncePerMonth_ReportEveryVillage_AndWriteTheWorkbook()
    {
        await using var database = await TestDatabase.CreateAsync(TestProvider.Sqlite);
        var db = database.Uri.Display;
        var output = Path.Combine(Path.GetTempPath(), $"usulan-{Guid.NewGuid():N}.xlsx");
        try
        {
            var open = await CliRun.RunAsync("cycle", "open", "--regency", "64.74", "--month", "2026-02", "--check-day", "20", "--json", "--db", db);
            var again = await CliRun.RunAsync("cycle", "open", "--regency", "64.74", "--month", "2026-02", "--db", db);
            var village = await CliRun.RunAsync("cycle", "open", "--regency", "64.74.01.1001", "--month", "2026-02", "--db", db);
            var badMonth = await CliRun.RunAsync("cycle", "open", "--regency", "64.74", "--month", "Februari", "--db", db);
            var status = await CliRun.RunAsync("cycle", "status", "--regency", "64.74", "--month", "2026-02", "--json", "--db", db);
            var none = await CliRun.RunAsync("cycle", "status", "--regency", "64.74", "--month", "2026-03", "--db", db);
            var export = await CliRun.RunAsync("cycle", "export", "--regency", "64.74", "--month", "2026-02", "--out", output, "--db", db);

            Assert.True(open.ExitCode == 0, open.ToString());
            Assert.Equal("2026-02-20", open.Json().GetProperty("deadlines").GetProperty("check").GetString());
            Assert.Equal("2026-02-28", open.Json().GetProperty("deadlines").GetProperty("groundcheck").GetString());
            Assert.Equal(2, again.ExitCode);
            Assert.Contains("already open", again.Error, StringComparison.Ordinal);
            Assert.Equal(2, village.ExitCode);
            Assert.Equal(2, badMonth.ExitCode);
            Assert.Equal(2, none.ExitCode);
            Assert.True(status.ExitCode == 0, status.ToString());
            var json = status.Json();
            Assert.Equal("Kota Bontang", json.GetProperty("regencyName").GetString());
            Assert.Equal(15, json.GetProperty("villages").GetProperty("total").GetInt32());
            Assert.Equal(3, json.GetProperty("districts").GetArrayLength());
            var kuala = json.GetProperty("villageSteps").EnumerateArray().Single(v => v.GetProperty("code").GetString() == "64.74.01.1001");
            Assert.Equal("2026-02-14", kuala.GetProperty("steps").GetProperty("meeting").GetProperty("due").GetString());
            Assert.True(export.ExitCode == 0, export.ToString());
            Assert.Contains("Wrote 0 accepted proposals", export.Output, StringComparison.Ordinal);
            using var zip = ZipFile.OpenRead(output);
            using var reader = new StreamReader(zip.GetEntry("xl/worksheets/sheet1.xml")!.Open());
            var sheet = await reader.ReadToEndAsync();
            Assert.Contains("Kota Bontang · bulan Februari 2026", sheet, StringComparison.Ordinal);
            Assert.Contains("NIK Kepala Keluarga", sheet, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(output);
        }
    }
}
