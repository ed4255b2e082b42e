using System.Text;
using Microsoft.EntityFrameworkCore;
using Tuntas.Data.Import.Reading;
using Tuntas.Data.Spreadsheets;
using Tuntas.Data.Synthetic;
using Tuntas.Domain.Regions;
using Tuntas.Domain.Registry;
using Tuntas.Testing;
using static Tuntas.Data.Tests.Import.ImportKit;

namespace Tuntas.Data.Tests.Import;

/// <summary>The files offices actually send: delimiters, encodings, line ends, quoting, spreadsheets.</summary>
public class FileFormatTests
{
    [Fact]
    public async Task Semicolons_Crlf_Bom_AndQuotedCellsWithCommasAndNewlines_AreRead()
    {
        await using var database = await TestDatabase.CreateAsync(TestProvider.Sqlite);
        var content = string.Join("\r\n",
            Header.Replace(',', ';'),
            "6474010101200001;6474011001;6474011708850002;Budi Santoso;L;17-08-1985;Kepala Keluarga;\"Jl. Pelabuhan 3, RT 4\r\ndekat masjid\";322170;1",
            "6474010101200001;6474011001;6474015708900003;\"Siti \"\"Ani\"\" Aminah\";P;17/08/1990;Istri;;;") + "\r\n";
        var path = Write(content, encoding: new UTF8Encoding(true));

        var summary = await ImportAsync(database, path);

        Assert.Equal((2L, 2L, 0L), (summary.Rows, summary.Accepted, summary.Rejected));
        await using var db = database.CreateContext();
        var household = await db.Households.Include(h => h.Members).SingleAsync();
        Assert.Equal("Jl. Pelabuhan 3, RT 4 dekat masjid", household.Address);
        Assert.Contains(household.Members, m => m.Name == "Siti \"Ani\" Aminah");
    }

    [Fact]
    public async Task Windows1252_IsDetected_AndAccentsSurvive()
    {
        await using var database = await TestDatabase.CreateAsync(TestProvider.Sqlite);
        System.Text.Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var path = Write(string.Join("\n", Header, Head.Replace("Budi Santoso", "Budi Sántoso", StringComparison.Ordinal)) + "\n", encoding: Encoding.GetEncoding(1252));

        using (var reader = ImportFileReader.Open(path))
        {
            Assert.Contains("Windows-1252", reader.Format, StringComparison.Ordinal);
        }

        await ImportAsync(database, path);
        await using var db = database.CreateContext();
        Assert.Equal("Budi Sántoso", (await db.People.SingleAsync()).Name);
    }

    [Fact]
    public async Task BlankLines_AreSkipped_NotCounted_AndLineNumbersStayTrue()
    {
        await using var database = await TestDatabase.CreateAsync(TestProvider.Sqlite);
        var path = Write(string.Join("\n", Header, "", Head, "", "   ", Wife.Replace("Istri", "Tetangga", StringComparison.Ordinal), ",,,,,,,,,") + "\n");

        var summary = await ImportAsync(database, path);

        Assert.Equal((2L, 1L, 1L), (summary.Rows, summary.Accepted, summary.Rejected));
        Assert.Equal(6L, Errors(summary).Single().Line);
    }

    [Fact]
    public async Task P3keStyleHeaders_AreRecognised()
    {
        await using var database = await TestDatabase.CreateAsync(TestProvider.Sqlite);
        var path = Write(string.Join("\n", "NO_KK,KODE_DESA,NIK,NAMA_LENGKAP,Jenis Kelamin,TGL_LAHIR,HUB_KK,ALAMAT,PENGELUARAN_PERKAPITA,DESIL_NASIONAL", Head, Wife) + "\n");

        var summary = await ImportAsync(database, path);

        Assert.Equal((2L, 0L), (summary.Accepted, summary.Rejected));
    }

    [Fact]
    public void MissingRequiredColumn_IsAnUnreadableFile_NamingIt()
    {
        var path = Write("no_kk,kode_wilayah,nik,nama,jenis_kelamin,hubungan\n" + "1,2,3,4,5,6\n");

        var error = Assert.Throws<ImportFileException>(() => ImportFileReader.Open(path));

        Assert.Contains("no column for tanggal_lahir", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void OldExcelFormat_IsRefusedWithAWayOut()
    {
        var path = Write("x", ".xls");

        var error = Assert.Throws<ImportFileException>(() => ImportFileReader.Open(path));

        Assert.Contains("save it as .xlsx or .csv", error.Message, StringComparison.Ordinal);
    }

    [Theory, DatabaseData]
    public async Task Xlsx_HeaderBelowTitleRows_NumbersStoredAsNumbersAreRejected(TestProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var path = Path.Combine(Path.GetTempPath(), $"tuntas-{Guid.NewGuid():N}.xlsx");
        using (var xlsx = new XlsxWriter(path, "P3KE"))
        {
            xlsx.WriteRow(["DATA P3KE KOTA BONTANG"]);
            xlsx.WriteRow([]);
            xlsx.WriteRow(Header.Split(','));
            xlsx.WriteRow(Head.Split(','));
            xlsx.WriteRow(["6474010101200001", "6474011001", 6474015708900003L, "Siti Aminah", "P", 32372.0, "Istri"]);
            xlsx.WriteRow(["6474010101200001", "64.74.01.1001", "6474011203150004", "Andi Santoso", "L", 42075.0, "Anak", null, null, 1L]);
        }

        var summary = await ImportAsync(database, path);

        Assert.Equal((3L, 2L, 1L), (summary.Rows, summary.Accepted, summary.Rejected));
        var error = Assert.Single(Errors(summary));
        Assert.Equal((5L, "nik"), (error.Line, error.Column));
        Assert.Contains("stored by Excel as a number", error.Reason, StringComparison.Ordinal);
        await using var db = database.CreateContext();
        var andi = await db.People.SingleAsync(p => p.Nik == Nik.From("6474011203150004"));
        Assert.Equal(new DateOnly(2015, 3, 12), andi.BirthDate); // an Excel date cell (serial 42075)
    }

    [Theory, DatabaseData]
    public async Task MessyGeneratedFile_ImportsWithExactCounts_AndASecondRunIsANoOp(TestProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var path = Path.Combine(Path.GetTempPath(), $"tuntas-messy-{Guid.NewGuid():N}.csv");
        var generated = HouseholdFileGenerator.Generate(path, 600, seed: 11, RegionCode.From("64.08"), messy: 0.1);
        Assert.All(generated.Faults, f => Assert.True(f.Value > 0, $"No {f.Key} was injected; the test would not cover it."));

        var first = await ImportAsync(database, path);
        var second = await ImportAsync(database, path);

        Assert.Equal((generated.Rows, generated.ExpectedAccepted, generated.ExpectedRejected, generated.ExpectedWarnings), (first.Rows, first.Accepted, first.Rejected, first.Warnings));
        Assert.Equal(first.Rows, first.Accepted + first.Rejected);
        Assert.Equal(first.Accepted, first.Members.Inserted);
        Assert.Equal((0L, 0L, first.Households.Inserted), (second.Households.Inserted, second.Households.Updated, second.Households.Unchanged));
        Assert.Equal((0L, 0L, first.Accepted), (second.Members.Inserted, second.Members.Updated, second.Members.Unchanged));
        Assert.Equal(first.Rejected, second.Rejected);

        // The quarantine holds each rejected row once, still waiting: a second run neither adds
        // copies nor marks anything corrected.
        await using var db = database.CreateContext();
        Assert.Equal(first.Rejected, await db.ImportRejectedRows.CountAsync());
        Assert.Equal(0, await db.ImportRejectedRows.CountAsync(r => r.ResolvedAt != null));
    }

    [Theory, DatabaseData]
    public async Task FirstLoad_WithIndexesBuiltAfterwards_GivesTheSameRegister_AndTheIndexesStillHold(TestProvider provider)
    {
        var path = Path.Combine(Path.GetTempPath(), $"tuntas-bulk-{Guid.NewGuid():N}.csv");
        HouseholdFileGenerator.Generate(path, 300, seed: 9, RegionCode.From("64.74"), messy: 0.1);
        await using var plain = await TestDatabase.CreateAsync(provider);
        await using var bulk = await TestDatabase.CreateAsync(provider);

        var expected = await ImportAsync(plain, path, bulkLoadThreshold: long.MaxValue);
        var actual = await ImportAsync(bulk, path, bulkLoadThreshold: 1);

        Assert.Equal(expected with { BatchId = null, ErrorsFile = null }, actual with { BatchId = null, ErrorsFile = null });
        Assert.Equal(await PeopleAsync(plain), await PeopleAsync(bulk));
        await using var db = bulk.CreateContext();
        var someone = await db.People.AsNoTracking().FirstAsync();
        var clash = Tuntas.Testing.Families.Family("6474019999999999", "64.74.01.1001", (someone.Nik.Value, "Dup", FamilyRelation.KepalaKeluarga));
        db.Households.Add(clash);
        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
    }

    private static async Task<List<string>> PeopleAsync(TestDatabase database)
    {
        await using var db = database.CreateContext();
        var rows = await db.People.AsNoTracking().Join(db.Households, p => p.HouseholdId, h => h.Id, (p, h) => new { h.NoKk, p.Nik, p.Name, p.Relation }).ToListAsync();
        return rows.Select(r => $"{r.NoKk.Value}|{r.Nik.Value}|{r.Name}|{r.Relation}").Order(StringComparer.Ordinal).ToList();
    }

    [Fact]
    public void Generator_SameSeed_SameBytes()
    {
        var a = Path.Combine(Path.GetTempPath(), $"tuntas-gen-{Guid.NewGuid():N}.csv");
        var b = Path.Combine(Path.GetTempPath(), $"tuntas-gen-{Guid.NewGuid():N}.csv");

        HouseholdFileGenerator.Generate(a, 300, seed: 5, RegionCode.From("64.74"), messy: 0.2);
        HouseholdFileGenerator.Generate(b, 300, seed: 5, RegionCode.From("64.74"), messy: 0.2);

        Assert.Equal(File.ReadAllBytes(a), File.ReadAllBytes(b));
        Assert.NotEqual(File.ReadAllBytes(a), File.ReadAllBytes(Write(File.ReadAllText(a).Replace("64.74", "64.08", StringComparison.Ordinal))));
    }
}
