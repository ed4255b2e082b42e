using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tuntas.Data.OpenSid;
using Tuntas.Data.Tests.Verification;
using Tuntas.Domain.Interventions;
using Tuntas.Domain.Regions;
using Tuntas.Domain.Registry;
using Tuntas.Testing;

namespace Tuntas.Data.Tests.OpenSid;

/// <summary>
/// The workbooks sent back to a village's OpenSID, written and read back with DocumentFormat.OpenXml:
/// OpenSID's Data Suplemen and Program Bantuan layouts (sheet names, header in row 1, No. KK and NIK
/// as text, the <c>###</c> end row), and the register's answer as of a day.
/// </summary>
public class OpenSidExportTests
{
    private static readonly RegionCode Kuala = RegionCode.From(VervalKit.BontangKuala);

    /// <summary>
    /// Bontang Kuala: family 1 listed and verified; family 2 verified, then graduated on 1 September 2024;
    /// family 3 listed only; family 4 never listed. Family 5, listed, lives in Bontang Baru. PKH reached
    /// families 1, 2 and 5; SEMBAKO family 3.
    /// </summary>
    private static async Task<ServiceProvider> SeedAsync(TestDatabase database)
    {
        var services = VervalKit.Services(database);
        var families = Enumerable.Range(1, 4).Select(n => VervalKit.Family(n)).Append(VervalKit.Family(5, VervalKit.BontangBaru)).ToArray();
        families[0].Address = "Jl. Pelabuhan RT 03";
        await VervalKit.SaveAsync(services, families);
        await VervalKit.RunAsync(services, async unit =>
        {
            foreach (var family in families)
            {
                unit.Db.Attach(family);
            }

            foreach (var family in new[] { families[0], families[1], families[2], families[4] })
            {
                VervalKit.List(unit, family, new DateOnly(2024, 1, 10));
            }

            await VervalKit.VisitAsync(unit, families[0], new DateOnly(2024, 2, 2), HouseholdStatus.Verified);
            await VervalKit.VisitAsync(unit, families[1], new DateOnly(2024, 2, 3), HouseholdStatus.Verified);
            await VervalKit.VisitAsync(unit, families[1], new DateOnly(2024, 9, 1), HouseholdStatus.Graduated, spending: 900_000);
            void Deliver(string programme, Household family, DateOnly on, DateOnly? until = null) =>
                unit.Db.Deliveries.Add(new Delivery(programme, family.Id, null, "Dinas Sosial", new DeliveryReport { Date = on, PeriodEnd = until, Amount = 750_000 },
                    DeliverySource.Entered, Delivery.KeyForKk(family.NoKk.Value), VervalKit.Reviewer, VervalKit.Today, VervalKit.Now.UtcDateTime));
            Deliver("PKH", families[0], new DateOnly(2024, 3, 1));
            Deliver("PKH", families[1], new DateOnly(2024, 4, 1), new DateOnly(2024, 6, 30));
            Deliver("PKH", families[4], new DateOnly(2024, 2, 1));
            Deliver("SEMBAKO", families[2], new DateOnly(2024, 3, 1));
            await unit.Db.SaveChangesAsync();
        });
        return services;
    }

    private static async Task<ReadWorkbook> SuplemenAsync(ServiceProvider services, string village, DateOnly at)
    {
        await using var scope = services.CreateAsyncScope();
        var (export, error) = await scope.ServiceProvider.GetRequiredService<OpenSidExports>().SuplemenAsync(RegionCode.From(village), at);
        Assert.Null(error);
        using var buffer = new MemoryStream();
        OpenSidWorkbook.WriteSuplemen(buffer, export!, VervalKit.Now.UtcDateTime);
        return ReadWorkbook.Read(buffer.ToArray());
    }

    [Theory, DatabaseData]
    public async Task Suplemen_ListsTheVillagesExtremePoorFamiliesAsOfTheDay_InOpenSidsLayout(TestProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var services = await SeedAsync(database);

        // Before the graduation: families 1 (verified), 2 (verified) and 3 (listed); not 4 (never listed) nor 5 (another village).
        var june = await SuplemenAsync(services, VervalKit.BontangKuala, new DateOnly(2024, 6, 1));
        Assert.Equal(["Peserta", "Keterangan"], june.SheetNames);
        Assert.Equal(
            [
                ["Peserta", "Keterangan"],
                ["6474010101000001", "Terverifikasi miskin ekstrem sejak 2024-02-02"],
                ["6474010101000002", "Terverifikasi miskin ekstrem sejak 2024-02-03"],
                ["6474010101000003", "Terdata miskin ekstrem sejak 2024-01-10"],
                ["###", ""],
            ],
            june.Rows("Peserta", 2));
        Assert.All(june.Sheets["Peserta"].Skip(1).SkipLast(1), row => Assert.True(row["A"].IsText, "No. KK must be a text cell."));
        var about = june.Rows("Keterangan", 2).ToDictionary(r => r[0], r => r[1]);
        Assert.Equal("Bontang Kuala", about["Desa/Kelurahan"]);
        Assert.Equal("64.74.01.1001", about["Kode wilayah"]);
        Assert.Equal("2024-06-01", about["Per tanggal"]);
        Assert.Equal("3", about["Jumlah keluarga"]);
        Assert.Contains("Bontang Kuala", june.Title, StringComparison.Ordinal);
        Assert.Contains("per 2024-06-01", june.Title, StringComparison.Ordinal);
        Assert.Equal("64.74.01.1001 Bontang Kuala", june.Subject);

        // After it: family 2 is gone.
        var december = await SuplemenAsync(services, VervalKit.BontangKuala, new DateOnly(2024, 12, 1));
        Assert.Equal(["Peserta", "6474010101000001", "6474010101000003", "###"], december.Rows("Peserta", 1).Select(r => r[0]));

        // Before anyone was listed: the header and the end row only.
        var before = await SuplemenAsync(services, VervalKit.BontangKuala, new DateOnly(2023, 12, 31));
        Assert.Equal([["Peserta", "Keterangan"], ["###", ""]], before.Rows("Peserta", 2));
        Assert.Equal("0", before.Rows("Keterangan", 2).Single(r => r[0] == "Jumlah keluarga")[1]);
    }

    [Theory, DatabaseData]
    public async Task Bantuan_ListsTheVillagesRecipientsOfTheProgramme_InTheTemplatesSevenRowLayout(TestProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var services = await SeedAsync(database);
        await using var scope = services.CreateAsyncScope();
        var exports = scope.ServiceProvider.GetRequiredService<OpenSidExports>();

        var (export, error) = await exports.BantuanAsync(Kuala, "pkh");
        Assert.Null(error);
        using var buffer = new MemoryStream();
        OpenSidWorkbook.WriteBantuan(buffer, export!, VervalKit.Today, VervalKit.Now.UtcDateTime);
        var book = ReadWorkbook.Read(buffer.ToArray());

        Assert.Equal(["Program", "Peserta"], book.SheetNames);
        Assert.Equal(
            [
                ["ID Program", "-"],
                ["Nama Program", "Program Keluarga Harapan"],
                ["Sasaran Program", "2"],
                ["Keterangan", "Penerima PKH di Bontang Kuala menurut Tuntas, penyaluran 2024-03-01 s.d. 2024-06-30"],
                ["Asal Dana", "Pusat"],
                ["Rentang Waktu (Awal)", "2024-03-01"],
                ["Rentang Waktu (Akhir)", "2024-06-30"],
                ["###", ""],
            ],
            book.Rows("Program", 2));
        Assert.Equal(
            [
                ["Peserta", "No. Peserta", "NIK", "Nama", "Tempat Lahir", "Tanggal Lahir", "Alamat"],
                ["6474010101000001", "", "6474011708000001", "Kepala Keluarga 1", "", "2000-08-17", "Jl. Pelabuhan RT 03"],
                ["6474010101000002", "", "6474011708000002", "Kepala Keluarga 2", "", "2000-08-17", ""],
                ["###", "", "", "", "", "", ""],
            ],
            book.Rows("Peserta", 7));
        Assert.All(book.Sheets["Peserta"].Skip(1).SkipLast(1), row =>
        {
            Assert.True(row["A"].IsText && row["C"].IsText && row["F"].IsText, "No. KK, NIK and the birth date must be text cells.");
        });
        Assert.All(book.Sheets["Program"].Take(7), row => Assert.True(row["B"].IsText));

        // A programme nobody in the village received: a valid workbook, the period the day of the export, no participant.
        var (none, _) = await exports.BantuanAsync(Kuala, "RTLH");
        using var empty = new MemoryStream();
        OpenSidWorkbook.WriteBantuan(empty, none!, VervalKit.Today, VervalKit.Now.UtcDateTime);
        var emptyBook = ReadWorkbook.Read(empty.ToArray());
        Assert.Equal([["Peserta", "No. Peserta"], ["###", ""]], emptyBook.Rows("Peserta", 2));
        Assert.Equal(["2026-11-22", "2026-11-22"], emptyBook.Rows("Program", 2).Skip(5).Take(2).Select(r => r[1]));
        Assert.Contains("belum ada penyaluran", emptyBook.Rows("Program", 2)[3][1], StringComparison.Ordinal);
    }

    /// <summary>
    /// The Program Bantuan workbook Tuntas writes for a village is one Tuntas itself reads back as a
    /// recipient list: every family on it found by its No. KK, nobody refused or left unmatched, each
    /// delivery dated by the programme's start row.
    /// </summary>
    [Theory, DatabaseData]
    public async Task Bantuan_WorkbookReadsBackAsARecipientList(TestProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var services = await SeedAsync(database);
        var path = Path.Combine(Path.GetTempPath(), $"tuntas-bantuan-{Guid.NewGuid():N}.xlsx");
        await using (var scope = services.CreateAsyncScope())
        {
            var (export, error) = await scope.ServiceProvider.GetRequiredService<OpenSidExports>().BantuanAsync(Kuala, "PKH");
            Assert.Null(error);
            await using var file = File.Create(path);
            OpenSidWorkbook.WriteBantuan(file, export!, VervalKit.Today, VervalKit.Now.UtcDateTime);
        }

        try
        {
            var summary = await Interventions.InterventionKit.ImportAsync(services, path, "PKH");

            Assert.Equal((2L, 2L, 0L, 0L), (summary.Rows, summary.Matched, summary.Unmatched, summary.Rejected));
            await using var db = database.CreateContext();
            var families = await db.Households.Where(h => h.VillageCode == Kuala).ToDictionaryAsync(h => h.Id, h => h.NoKk.Value);
            var dated = await db.Deliveries.Where(d => d.ProgrammeCode == "PKH" && d.Date == new DateOnly(2024, 3, 1)).Select(d => d.HouseholdId).ToListAsync();
            Assert.Equal(["6474010101000001", "6474010101000002"], dated.Where(families.ContainsKey).Select(id => families[id]).Distinct().Order());
        }
        finally
        {
            File.Delete(path);
            File.Delete(path + ".errors.csv");
        }
    }

    [Theory, DatabaseData]
    public async Task UnknownVillageOrProgramme_IsRefused(TestProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var services = await SeedAsync(database);
        await using var scope = services.CreateAsyncScope();
        var exports = scope.ServiceProvider.GetRequiredService<OpenSidExports>();

        Assert.Equal(OpenSidExportError.UnknownVillage, (await exports.SuplemenAsync(RegionCode.From("64.74.01.1999"), VervalKit.Today)).Error);
        Assert.Equal(OpenSidExportError.UnknownVillage, (await exports.SuplemenAsync(RegionCode.From("64.74"), VervalKit.Today)).Error);
        Assert.Equal(OpenSidExportError.UnknownVillage, (await exports.BantuanAsync(RegionCode.From("64.74.01.1999"), "PKH")).Error);
        Assert.Equal(OpenSidExportError.UnknownProgramme, (await exports.BantuanAsync(Kuala, "BLT-KILAT")).Error);
    }
}
