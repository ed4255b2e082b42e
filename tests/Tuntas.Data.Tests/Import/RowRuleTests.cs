using Microsoft.EntityFrameworkCore;
using Tuntas.Domain.Common;
using Tuntas.Testing;
using static Tuntas.Data.Tests.Import.ImportKit;

namespace Tuntas.Data.Tests.Import;

/// <summary>Every row-level rule of contracts §3, each with its own input, on both databases.</summary>
public class RowRuleTests
{
    // (what the child row becomes, the column blamed, words the reason must contain)
    private static readonly (string Name, Func<string, string> Break, string Column, string Reason)[] Cases =
    [
        ("NoKkFifteenDigits", r => r.Replace("6474010101200001,", "647401010120000,", StringComparison.Ordinal), "no_kk", "must have 16 digits"),
        ("NoKkScientific", r => r.Replace("6474010101200001,", "6.47401E+15,", StringComparison.Ordinal), "no_kk", "rounded number by Excel"),
        ("VillageUnknown", r => r.Replace("64.74.01.1001", "64.74.01.1999", StringComparison.Ordinal), "kode_wilayah", "not a desa/kelurahan in the Kemendagri list"),
        ("VillageIsADistrict", r => r.Replace("64.74.01.1001", "64.74.01", StringComparison.Ordinal), "kode_wilayah", "is a kecamatan code"),
        ("VillageMalformed", r => r.Replace("64.74.01.1001", "64-74-01", StringComparison.Ordinal), "kode_wilayah", "may contain only digits"),
        ("NikScientific", r => r.Replace("6474011203150004", "6.47401E+15", StringComparison.Ordinal), "nik", "Format the NIK column as Text"),
        ("NikSeventeenDigits", r => r.Replace("6474011203150004", "64740112031500041", StringComparison.Ordinal), "nik", "has 17"),
        ("NikWithLetter", r => r.Replace("6474011203150004", "64740112O3150004", StringComparison.Ordinal), "nik", "contains 'O'"),
        ("NameEmpty", r => r.Replace("Andi Santoso", "", StringComparison.Ordinal), "nama", "nama is empty"),
        ("SexUnknown", r => r.Replace(",L,2015", ",W,2015", StringComparison.Ordinal), "jenis_kelamin", "is not L/P"),
        ("BirthImpossible", r => r.Replace("2015-03-12", "2015-02-30", StringComparison.Ordinal), "tanggal_lahir", "not a real date"),
        ("BirthFuture", r => r.Replace("2015-03-12", "2030-03-12", StringComparison.Ordinal), "tanggal_lahir", "in the future"),
        ("BirthNotADate", r => r.Replace("2015-03-12", "kemarin", StringComparison.Ordinal), "tanggal_lahir", "is not a date"),
        ("BirthEmpty", r => r.Replace("2015-03-12", "", StringComparison.Ordinal), "tanggal_lahir", "tanggal_lahir is empty"),
        ("RelationUnknown", r => r.Replace(",Anak,", ",Tetangga,", StringComparison.Ordinal), "hubungan", "is not one of"),
        ("SpendingNegative", r => r[..^3] + ",,-5,", "pengeluaran_kapita", "not a whole number"),
        ("SpendingDecimal", r => r[..^3] + ",,1250.5,", "pengeluaran_kapita", "not a whole number"),
        ("DesilEleven", r => r[..^3] + ",,,11", "desil", "from 1 to 10"),

        // A cell a spreadsheet would run as a formula, or one holding an invisible control character.
        ("NameHyperlink", r => r.Replace("Andi Santoso", "\"=HYPERLINK(\"\"http://x\"\",\"\"klik\"\")\"", StringComparison.Ordinal), "nama", "nama '=HYPERLINK(\"http://x\",\"klik\")' starts with '='"),
        ("NamePlus", r => r.Replace("Andi Santoso", "+62 Andi", StringComparison.Ordinal), "nama", "starts with '+', which a spreadsheet runs as a formula"),
        ("NameMinus", r => r.Replace("Andi Santoso", "-2+3", StringComparison.Ordinal), "nama", "starts with '-'"),
        ("NameAt", r => r.Replace("Andi Santoso", "@SUM(1)", StringComparison.Ordinal), "nama", "starts with '@'"),
        ("NameControlCharacter", r => r.Replace("Andi Santoso", "Andi\u0007Santoso", StringComparison.Ordinal), "nama", "invisible control or text-direction character (U+0007) at position 5"),
        ("AddressFormula", r => r[..^3] + ",=1+1,,", "alamat", "alamat '=1+1' starts with '='"),
        ("OccupationFormula", r => r + ",,@x", "pekerjaan", "pekerjaan '@x' starts with '@'"),
    ];

    public static IEnumerable<object[]> ProviderAndCase() =>
        from provider in TestDatabase.EnabledProviders
        from c in Cases
        select new object[] { provider, c.Name };

    [Theory]
    [MemberData(nameof(ProviderAndCase))]
    public async Task BrokenMemberRow_IsRejected_TheFamilyKeepsTheRest(TestProvider provider, string rule)
    {
        var (_, breakRow, column, reason) = Cases.Single(c => c.Name == rule);
        await using var database = await TestDatabase.CreateAsync(provider);
        var child = breakRow(Child);
        var header = rule == "OccupationFormula" ? Header + ",pendidikan,pekerjaan" : Header;

        var summary = await ImportAsync(database, Csv(header, Head, Wife, child));

        Assert.Equal((3L, 2L, 1L), (summary.Rows, summary.Accepted, summary.Rejected));
        var error = Assert.Single(Errors(summary));
        Assert.Equal((4L, column), (error.Line, error.Column));
        Assert.Contains(reason, error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FormulaName_IsRefusedWithTheReasonInBahasaIndonesia_ALoneDashForNoneIsKept()
    {
        await using var database = await TestDatabase.CreateAsync(TestProvider.Sqlite);
        var formula = Child.Replace("Andi Santoso", "\"=HYPERLINK(\"\"http://x\"\",\"\"klik\"\")\"", StringComparison.Ordinal);
        var dash = Wife[..^3] + ",-,,,-,--";

        var summary = await ImportAsync(database, Csv(Header + ",pendidikan,pekerjaan", Head, dash, formula), language: ErrorWords.Indonesian);

        Assert.Equal((3L, 2L, 1L), (summary.Rows, summary.Accepted, summary.Rejected));
        var error = Assert.Single(Errors(summary));
        Assert.Equal(
            (4L, "nama", "nama '=HYPERLINK(\"http://x\",\"klik\")' diawali '=', yang dibaca Excel sebagai rumus; nama orang tidak diawali =, +, - atau @. Hapus '=' di depan nama itu."),
            error);
        await using var db = database.CreateContext();
        Assert.Equal(["Budi Santoso", "Siti Aminah"], await db.People.OrderBy(p => p.Name).Select(p => p.Name).ToListAsync());
        Assert.Equal("--", (await db.People.SingleAsync(p => p.Name == "Siti Aminah")).Occupation);
    }

    [Theory]
    [InlineData("'6474011203150004")]
    [InlineData("6474 0112 0315 0004")]
    [InlineData("6474-0112-0315-0004")]
    [InlineData("6474.0112.0315.0004")]
    public async Task NikWithApostropheSpacesDotsOrDashes_IsCleanedAndAccepted(string nik)
    {
        await using var database = await TestDatabase.CreateAsync(TestProvider.Sqlite);
        var child = Child.Replace("6474011203150004", $"\"{nik}\"", StringComparison.Ordinal);

        var summary = await ImportAsync(database, Csv(Header, Head, child));

        Assert.Equal((2L, 0L), (summary.Accepted, summary.Rejected));
    }

    [Theory]
    [InlineData("12-03-2015")]
    [InlineData("12/03/2015")]
    [InlineData("2015-03-12")]
    public async Task BirthDate_InTheThreeFormats_IsAccepted(string date)
    {
        await using var database = await TestDatabase.CreateAsync(TestProvider.Sqlite);

        var summary = await ImportAsync(database, Csv(Header, Head, Child.Replace("2015-03-12", date, StringComparison.Ordinal)));

        Assert.Equal((2L, 0L, 0L), (summary.Accepted, summary.Rejected, summary.Warnings));
    }

    [Theory]
    [InlineData("Laki-laki", "perempuan")]
    [InlineData("l", "p")]
    [InlineData("LAKI-LAKI", "Perempuan")]
    public async Task Sex_WordsAndLetters_AnyCase_AreAccepted(string male, string female)
    {
        await using var database = await TestDatabase.CreateAsync(TestProvider.Sqlite);

        var summary = await ImportAsync(database, Csv(Header, Head.Replace(",L,", $",{male},", StringComparison.Ordinal), Wife.Replace(",P,", $",{female},", StringComparison.Ordinal)));

        Assert.Equal((2L, 0L, 0L), (summary.Accepted, summary.Rejected, summary.Warnings));
    }
}
