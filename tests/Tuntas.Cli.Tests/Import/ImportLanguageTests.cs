using Tuntas.Testing;

namespace Tuntas.Cli.Tests.Import;

/// <summary><c>tuntas import FILE [--lang en]</c>: reasons and warnings in Bahasa Indonesia unless told otherwise.</summary>
public class ImportLanguageTests
{
    private const string Header = "no_kk,kode_wilayah,nik,nama,jenis_kelamin,tanggal_lahir,hubungan";
    private const string Head = "6474010101200001,64.74.01.1001,6474011708850002,Budi Santoso,L,1985-08-17,Kepala Keluarga";

    // The NIK says born 12-03-2015; the row says 13-03-2015: accepted with a warning.
    private const string Child = "6474010101200001,64.74.01.1001,6474011203150004,Andi Santoso,L,2015-03-13,Anak";

    // Fifteen digits: rejected.
    private const string ShortNik = "6474010101200001,64.74.01.1001,647401570890000,Siti Aminah,P,1990-08-17,Istri";

    [Fact]
    public async Task Reasons_AreInBahasaIndonesia_ByDefault_AndInEnglishWithLangEn()
    {
        await using var database = await TestDatabase.CreateAsync(TestProvider.Sqlite);
        var folder = Directory.CreateTempSubdirectory("tuntas-import-lang-").FullName;
        var path = Path.Combine(folder, "keluarga.csv");
        await File.WriteAllTextAsync(path, string.Join("\n", Header, Head, Child, ShortNik) + "\n");

        var indonesian = await CliRun.RunAsync("import", path, "--json", "--db", database.Uri.Display, "--errors", Path.Combine(folder, "id.csv"));
        var english = await CliRun.RunAsync("import", path, "--json", "--lang", "en", "--db", database.Uri.Display, "--errors", Path.Combine(folder, "en.csv"));
        var screen = await CliRun.RunAsync("import", path, "--db", database.Uri.Display, "--errors", Path.Combine(folder, "screen.csv"));

        Assert.True(indonesian.ExitCode == 1, indonesian.ToString());
        Assert.True(english.ExitCode == 1, english.ToString());
        var idErrors = await File.ReadAllLinesAsync(Path.Combine(folder, "id.csv"));
        var enErrors = await File.ReadAllLinesAsync(Path.Combine(folder, "en.csv"));
        Assert.Equal("baris,kolom,alasan," + Header, idErrors[0].TrimStart('\uFEFF'));
        Assert.Equal("4,nik,\"NIK harus 16 digit; '647401570890000' berisi 15.\"," + ShortNik, idErrors[1]);
        Assert.Equal("4,nik,\"NIK must have 16 digits; '647401570890000' has 15.\"," + ShortNik, enErrors[1]);

        // The summary keeps its shape; the warnings are listed with their line and words.
        var json = indonesian.Json();
        Assert.Equal((3, 2, 1, 1), (json.GetProperty("rows").GetInt32(), json.GetProperty("accepted").GetInt32(), json.GetProperty("rejected").GetInt32(), json.GetProperty("warnings").GetInt32()));
        var warning = Assert.Single(json.GetProperty("warningRows").EnumerateArray());
        Assert.Equal(3, warning.GetProperty("line").GetInt32());
        Assert.Equal("Menurut NIK lahir 12-03-2015, menurut tanggal_lahir 13-03-2015.", warning.GetProperty("text").GetString());
        Assert.Equal(
            "NIK says born 2015-03-12, tanggal_lahir says 2015-03-13.",
            Assert.Single(english.Json().GetProperty("warningRows").EnumerateArray()).GetProperty("text").GetString());

        // On screen: the reason and the warning, each with its line.
        Assert.True(screen.ExitCode == 1, screen.ToString());
        Assert.Contains("Baris 4 (nik): NIK harus 16 digit; '647401570890000' berisi 15.", screen.Output, StringComparison.Ordinal);
        Assert.Contains("Baris 3 (NIK 6474011203150004): Menurut NIK lahir 12-03-2015, menurut tanggal_lahir 13-03-2015.", screen.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUnknownLanguage_IsAUsageError()
    {
        await using var database = await TestDatabase.CreateAsync(TestProvider.Sqlite);
        var path = Path.Combine(Directory.CreateTempSubdirectory("tuntas-import-lang-").FullName, "keluarga.csv");
        await File.WriteAllTextAsync(path, string.Join("\n", Header, Head) + "\n");

        var run = await CliRun.RunAsync("import", path, "--lang", "fr", "--db", database.Uri.Display);

        Assert.True(run.ExitCode == 2, run.ToString());
    }
}
