using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Tuntas.Data.Import.Reading;
using Tuntas.Domain.Access;
using Tuntas.Domain.Common;
using Tuntas.Domain.Regions;
using Tuntas.Domain.Registry;
using Tuntas.Testing;
using static Tuntas.Data.Tests.Import.ImportKit;
using static Tuntas.Testing.OpenSidWorkbooks;

namespace Tuntas.Data.Tests.Import;

/// <summary>OpenSID's population workbook, read by the household import with the desa given on import.</summary>
public class OpenSidPopulationImportTests
{
    private const string Village = "64.74.01.1001";

    [Theory, DatabaseData]
    public async Task Workbook_IsReadSheetBySheet_CodesAndLabelsMapped_NotLivingKeptOut(TestProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var path = Population();

        var summary = await ImportAsync(database, path, village: Village);

        // 8 people on the first sheet up to ### (row 10), 4 on the third, numbered on from 10; Kode Data and the note row are not read.
        Assert.Equal((12L, 6L, 6L), (summary.Rows, summary.Accepted, summary.Rejected));
        Assert.Equal(new(3, 0, 0), summary.Households);
        Assert.Equal(new(6, 0, 0), summary.Members);
        Assert.Equal(3L, summary.NotLiving);

        await using var db = database.CreateContext();
        var a = await db.Households.Include(h => h.Members).SingleAsync(h => h.NoKk == NomorKk.From(KkA));
        Assert.Equal(Village, a.VillageCode.Value);
        Assert.Equal("Jl. Pelabuhan 3, RT 004/RW 002, Dusun I", a.Address);
        var budi = a.Members.Single(m => m.Nik == Nik.From(Budi));
        Assert.Equal((FamilyRelation.KepalaKeluarga, Sex.Male, new DateOnly(1985, 8, 17), "SLTA/Sederajat", "Petani/Pekebun", "tidak"),
            (budi.Relation, budi.Sex, budi.BirthDate, budi.Education, budi.Occupation, budi.Disability));
        var siti = a.Members.Single(m => m.Nik == Nik.From(Siti));
        Assert.Equal((FamilyRelation.Istri, Sex.Female, new DateOnly(1990, 8, 17), "Mengurus Rumah Tangga"), (siti.Relation, siti.Sex, siti.BirthDate, siti.Occupation));
        Assert.Equal(Sex.Male, a.Members.Single(m => m.Nik == Nik.From(Andi)).Sex);
        Assert.DoesNotContain(a.Members, m => m.Nik == Nik.From(Rahma));

        var b = await db.Households.Include(h => h.Members).SingleAsync(h => h.NoKk == NomorKk.From(KkB));
        Assert.Equal("RT 001/RW 001, Dusun II", b.Address);
        Assert.Equal([Agus], b.Members.Select(m => m.Nik.Value));

        // Header in another order; Pembantu (SHDK 10) is kept as Lainnya; a label "HIDUP" is alive.
        var c = await db.Households.Include(h => h.Members).SingleAsync(h => h.NoKk == NomorKk.From(KkC));
        Assert.Equal((FamilyRelation.KepalaKeluarga, Sex.Female, "Tamat SD/Sederajat", "Pedagang"),
            (c.Head!.Relation, c.Head.Sex, c.Head.Education, c.Head.Occupation));
        var tini = c.Members.Single(m => m.Nik == Nik.From(Tini));
        Assert.Equal((FamilyRelation.Lainnya, "Pembantu Rumah Tangga"), (tini.Relation, tini.Occupation));
        Assert.False(await db.Households.AnyAsync(h => h.NoKk == NomorKk.From(KkD)));

        var errors = Errors(summary);
        string Reason(string name) => errors.Single(e => File.ReadAllLines(summary.ErrorsFile!).Any(l => l.StartsWith(e.Line.ToString(CultureInfo.InvariantCulture) + ",", StringComparison.Ordinal) && l.Contains(name, StringComparison.Ordinal))).Reason;
        Assert.Equal([5L, 7L, 8L, 9L, 14L, 15L], errors.Select(e => e.Line));
        Assert.Equal(["status_dasar", "status_dasar", "nik", "nik", "status_dasar", "hubungan"], errors.Select(e => e.Column));
        Assert.Contains("OpenSID records this person as Mati (status_dasar 2)", Reason("Rahma"), StringComparison.Ordinal);
        Assert.Contains("OpenSID records this person as Pindah (status_dasar 3)", Reason("Rina Salim"), StringComparison.Ordinal);
        Assert.Contains("was stored by Excel as a number", Reason("Yusuf Salim"), StringComparison.Ordinal);
        Assert.Contains("NIK \"0\" is OpenSID's temporary NIK", Reason("Bayi Salim"), StringComparison.Ordinal);
        Assert.Contains($"The Kepala Keluarga of KK {KkD} (line 14) no longer lives in the family", Reason("Hasanah"), StringComparison.Ordinal);

        // The errors file names each row's sheet and its row there, in the first sheet's column order.
        var lines = File.ReadAllLines(summary.ErrorsFile!);
        Assert.StartsWith("baris,kolom,alasan,lembar,baris_lembar,alamat,dusun,rw,rt,nama,no_kk,nik,", lines[0], StringComparison.Ordinal);
        Assert.Contains(lines, l => l.StartsWith("14,status_dasar,", StringComparison.Ordinal) && l.Contains(",Penduduk 2,4,Jl. Kapal 7,Dusun III,001,005,Hasan,", StringComparison.Ordinal));
    }

    [Theory, DatabaseData]
    public async Task ReImport_ChangesNothing(TestProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var path = Population(".xlsx");
        await ImportAsync(database, path, village: Village);

        var again = await ImportAsync(database, path, village: Village);

        Assert.Equal((12L, 6L, 6L), (again.Rows, again.Accepted, again.Rejected));
        Assert.Equal(new(0, 0, 3), again.Households);
        Assert.Equal(new(0, 0, 6), again.Members);
    }

    [Theory, DatabaseData]
    public async Task KnownMember_ReportedDead_StaysInTheRegister_WithTheFamilyNamed(TestProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var first = await ImportAsync(database, Population(rahmaStatus: 1L, hasanStatus: 1L), village: Village);
        Assert.Equal((12L, 9L), (first.Rows, first.Accepted));

        var summary = await ImportAsync(database, Population(rahmaStatus: "Mati", hasanStatus: 3L), village: Village);

        Assert.Equal((12L, 6L, 6L, 3L), (summary.Rows, summary.Accepted, summary.Rejected, summary.NotLiving));
        Assert.Equal(new(0, 0, 3), summary.Households);
        Assert.Equal(new(0, 0, 6), summary.Members);
        var errors = Errors(summary);
        var rahma = errors.Single(e => e.Line == 5);
        Assert.Contains("OpenSID records this person as Mati", rahma.Reason, StringComparison.Ordinal);
        Assert.Contains($"The register still lists them as a member of KK {KkA}", rahma.Reason, StringComparison.Ordinal);
        var hasanah = errors.Single(e => e.Line == 15);
        Assert.Contains($"The Kepala Keluarga of KK {KkD} (line 14) no longer lives in the family", hasanah.Reason, StringComparison.Ordinal);

        // The register is not changed by the file: the family keeps its members until a visit records who left.
        await using var db = database.CreateContext();
        Assert.True(await db.People.AnyAsync(p => p.Nik == Nik.From(Rahma)));
        Assert.Equal(2, await db.People.CountAsync(p => p.Nik == Nik.From(Hasan) || p.Nik == Nik.From(Hasanah)));
    }

    [Theory, DatabaseData]
    public async Task ReasonsAreInBahasaIndonesia_ByDefault(TestProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);

        var summary = await ImportAsync(database, Population(), village: Village, language: ErrorWords.Indonesian);

        var reasons = Errors(summary).Select(e => e.Reason).ToList();
        Assert.Contains(reasons, r => r.StartsWith("Di OpenSID orang ini berstatus Mati (status_dasar 2)", StringComparison.Ordinal));
        Assert.Contains(reasons, r => r.StartsWith("NIK \"0\" adalah NIK sementara dari OpenSID", StringComparison.Ordinal));
    }

    [Theory, DatabaseData]
    public async Task WithoutVillage_OrWithAVillageForAnOrdinaryList_IsRefusedWhole(TestProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);

        var missing = await Assert.ThrowsAsync<ImportFileException>(() => ImportAsync(database, Population()));
        Assert.Contains("give the desa with --village", missing.Message, StringComparison.Ordinal);
        var ordinary = await Assert.ThrowsAsync<ImportFileException>(() => ImportAsync(database, Csv(Header, Head), village: Village));
        Assert.Contains("--village is only for an OpenSID population workbook", ordinary.Message, StringComparison.Ordinal);
        var unknown = await Assert.ThrowsAsync<ImportFileException>(() => ImportAsync(database, Population(), village: "64.74.01.1999"));
        Assert.Contains("There is no desa or kelurahan 64.74.01.1999", unknown.Message, StringComparison.Ordinal);
        var outside = await Assert.ThrowsAsync<ImportFileException>(() => ImportAsync(
            database, Population(), village: Village, scope: new RegionScope(RegionCode.From("64.74.01.1002"))));
        Assert.Contains("outside your region", outside.Message, StringComparison.Ordinal);

        await using var db = database.CreateContext();
        Assert.Equal(0, await db.Households.CountAsync());
    }
}
