using Microsoft.EntityFrameworkCore;
using Tuntas.Domain.Regions;
using Tuntas.Testing;

namespace Tuntas.Cli.Tests.Commands;

/// <summary>
/// <c>tuntas export suplemen|bantuan</c> on the demo scenario: the files OpenSID loads, their rows
/// agreeing with the figures and the deliveries, and the exit codes of contracts §2 (a refused
/// export writes no file).
/// </summary>
public sealed class ExportCommandTests(DemoDatabase demo) : IClassFixture<DemoDatabase>, IDisposable
{
    private const string Kuala = "64.74.01.1001";

    private readonly string folder = Directory.CreateTempSubdirectory("tuntas-export-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private string Out(string name) => Path.Combine(folder, name);

    [Fact]
    public async Task Suplemen_WritesTheVillagesExtremePoorFamilies_AsManyAsTheFiguresCount()
    {
        foreach (var at in new[] { "2022-12-31", "2025-04-09" })
        {
            var file = Out($"suplemen-{at}.xlsx");
            var run = await CliRun.RunAsync("export", "suplemen", "--village", Kuala, "--at", at, "--out", file, "--json", "--db", demo.Uri);
            var stats = await CliRun.RunAsync("stats", "--region", Kuala, "--at", at, "--json", "--db", demo.Uri);

            Assert.True(run.ExitCode == 0, run.ToString());
            var expected = stats.Json().GetProperty("extremePoor").GetProperty("households").GetInt32();
            Assert.True(expected > 0, $"The demo has no extreme-poor family in Bontang Kuala on {at}.");
            Assert.Equal(expected, run.Json().GetProperty("families").GetInt32());
            Assert.Equal(at, run.Json().GetProperty("at").GetString());

            var book = ReadWorkbook.Read(await File.ReadAllBytesAsync(file));
            Assert.Equal(["Peserta", "Keterangan"], book.SheetNames);
            var rows = book.Rows("Peserta", 2);
            Assert.Equal(["Peserta", "Keterangan"], rows[0]);
            Assert.Equal("###", rows[^1][0]);
            Assert.Equal(expected, rows.Count - 2);
            Assert.All(book.Sheets["Peserta"].Skip(1).SkipLast(1), row =>
            {
                Assert.True(row["A"].IsText, "No. KK must be a text cell.");
                Assert.Matches("^6474[0-9]{12}$", row["A"].Text);
                Assert.Matches("^(Terdata|Terverifikasi) miskin ekstrem sejak [0-9]{4}-[0-9]{2}-[0-9]{2}$", row["B"].Text);
            });
            Assert.Contains($"per {at}", book.Title, StringComparison.Ordinal);
        }

        var views = await CliRun.RunAsync("privacy", "views", "--action", "opensid-suplemen.export", "--json", "--db", demo.Uri);
        Assert.True(views.Json().GetProperty("views").GetArrayLength() >= 2, views.ToString());
    }

    [Fact]
    public async Task Bantuan_WritesTheProgrammesRecipientsInTheVillage_InTheSevenRowLayout()
    {
        var file = Out("pkh.xlsx");
        var run = await CliRun.RunAsync("export", "bantuan", "--programme", "PKH", "--village", Kuala, "--out", file, "--json", "--db", demo.Uri);

        Assert.True(run.ExitCode == 0, run.ToString());
        int expected;
        await using (var db = demo.Database.CreateContext())
        {
            var village = RegionCode.From(Kuala);
            expected = await db.Deliveries.Where(d => d.ProgrammeCode == "PKH" && db.Households.Any(h => h.Id == d.HouseholdId && h.VillageCode == village))
                .Select(d => d.HouseholdId).Distinct().CountAsync();
        }

        Assert.True(expected > 0, "The demo delivered no PKH in Bontang Kuala.");
        Assert.Equal(expected, run.Json().GetProperty("households").GetInt32());
        var book = ReadWorkbook.Read(await File.ReadAllBytesAsync(file));
        Assert.Equal(["Program", "Peserta"], book.SheetNames);
        var program = book.Rows("Program", 2);
        Assert.Equal(["ID Program", "Nama Program", "Sasaran Program", "Keterangan", "Asal Dana", "Rentang Waktu (Awal)", "Rentang Waktu (Akhir)", "###"], program.Select(r => r[0]));
        Assert.Equal(["-", "Program Keluarga Harapan", "2"], program.Take(3).Select(r => r[1]));
        Assert.Equal("Pusat", program[4][1]);
        Assert.Equal(run.Json().GetProperty("from").GetString(), program[5][1]);
        Assert.Equal(run.Json().GetProperty("to").GetString(), program[6][1]);
        var peserta = book.Rows("Peserta", 7);
        Assert.Equal(["Peserta", "No. Peserta", "NIK", "Nama", "Tempat Lahir", "Tanggal Lahir", "Alamat"], peserta[0]);
        Assert.Equal("###", peserta[^1][0]);
        Assert.Equal(expected, peserta.Count - 2);
        Assert.All(peserta.Skip(1).SkipLast(1), row =>
        {
            Assert.Matches("^[0-9]{16}$", row[0]);
            Assert.Matches("^[0-9]{16}$", row[2]);
            Assert.NotEmpty(row[3]);
            Assert.Matches("^[0-9]{4}-[0-9]{2}-[0-9]{2}$", row[5]);
        });
    }

    [Fact]
    public async Task AVillageWithoutExtremePoorFamilies_GetsTheHeaderAndTheEndRow_AndIsToldSo()
    {
        var file = Out("kosong.xlsx");
        var run = await CliRun.RunAsync("export", "suplemen", "--village", "63.71.01.1001", "--at", "2025-04-09", "--out", file, "--db", demo.Uri);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("has no extreme-poor families per 2025-04-09", run.Output, StringComparison.Ordinal);
        Assert.Equal([["Peserta", "Keterangan"], ["###", ""]], ReadWorkbook.Read(await File.ReadAllBytesAsync(file)).Rows("Peserta", 2));
    }

    [Theory]
    [InlineData("Desa/kelurahan 64.74.01.1999 is not in the Kemendagri list", "suplemen", "--village", "64.74.01.1999")]
    [InlineData("64.74 is not a desa/kelurahan code", "suplemen", "--village", "64.74")]
    [InlineData("not a date", "suplemen", "--village", Kuala, "--at", "09-04-2025x")]
    [InlineData("Desa/kelurahan 64.74.01.1999 is not in the Kemendagri list", "bantuan", "--programme", "PKH", "--village", "64.74.01.1999")]
    [InlineData("Programme BLT-KILAT is not in the catalogue", "bantuan", "--programme", "BLT-KILAT", "--village", Kuala)]
    public async Task AnUnknownVillageOrProgramme_ExitsWith2_AndWritesNothing(string message, params string[] args)
    {
        var file = Out("tidak-ada.xlsx");
        var run = await CliRun.RunAsync(["export", .. args, "--out", file, "--db", demo.Uri]);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains(message, run.Error, StringComparison.OrdinalIgnoreCase);
        Assert.False(File.Exists(file));
    }

    [Fact]
    public async Task AMissingFolder_ExitsWith2()
    {
        var run = await CliRun.RunAsync("export", "suplemen", "--village", Kuala, "--out", Path.Combine(folder, "tidak", "ada.xlsx"), "--db", demo.Uri);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("does not exist", run.Error, StringComparison.Ordinal);
    }
}
