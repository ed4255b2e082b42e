using System.Globalization;
using System.Text;
using Microsoft.Extensions.Time.Testing;
using Tuntas.Data.Import;
using Tuntas.Domain.Access;
using Tuntas.Domain.Common;
using Tuntas.Testing;

namespace Tuntas.Data.Tests.Import;

/// <summary>Writes small import files and runs the importer on a test database.</summary>
internal static class ImportKit
{
    public const string Header = "no_kk,kode_wilayah,nik,nama,jenis_kelamin,tanggal_lahir,hubungan,alamat,pengeluaran_kapita,desil";

    // A family of three in Kelurahan Bontang Kuala.
    public const string Head = "6474010101200001,64.74.01.1001,6474011708850002,Budi Santoso,L,1985-08-17,Kepala Keluarga,Jl. Pelabuhan 3,322170,1";
    public const string Wife = "6474010101200001,64.74.01.1001,6474015708900003,Siti Aminah,P,1990-08-17,Istri,,,";
    public const string Child = "6474010101200001,64.74.01.1001,6474011203150004,Andi Santoso,L,2015-03-12,Anak,,,";

    // A family of two in Kelurahan Bontang Baru.
    public const string OtherHead = "6474010101200002,64.74.01.1002,6474011708800005,Agus Salim,L,1980-08-17,Kepala Keluarga,Jl. Mulawarman 9,400000,2";
    public const string OtherChild = "6474010101200002,64.74.01.1002,6474014405100006,Rina Salim,P,2010-05-04,Anak,,,";

    public static readonly DateTimeOffset Now = new(2026, 11, 22, 3, 0, 0, TimeSpan.Zero);

    public static string Write(string content, string extension = ".csv", Encoding? encoding = null)
    {
        var path = Path.Combine(Path.GetTempPath(), $"tuntas-import-{Guid.NewGuid():N}{extension}");
        File.WriteAllText(path, content, encoding ?? new UTF8Encoding(false));
        return path;
    }

    public static string Csv(params string[] lines) => Write(string.Join("\n", lines) + "\n");

    public static async Task<ImportSummary> ImportAsync(
        TestDatabase database, string path, bool dryRun = false, RegionScope? scope = null, string source = "test", DateTimeOffset? now = null,
        long bulkLoadThreshold = ImportOptions.DefaultBulkLoadThreshold, CultureInfo? language = null, string? userName = null, string? role = null, string? village = null)
    {
        await using var db = database.CreateContext();
        var importer = new HouseholdImporter(db, new FakeTimeProvider(now ?? Now));

        // The rules' tests read the reasons in English (the words are checked in both languages on their own).
        return await importer.RunAsync(new ImportOptions(
            path, source, dryRun, path + ".errors.csv", scope ?? RegionScope.National, userName, bulkLoadThreshold, language ?? ErrorWords.English, role, village));
    }

    /// <summary>The errors file without its header, each line split into line number, column and reason.</summary>
    public static IReadOnlyList<(long Line, string Column, string Reason)> Errors(ImportSummary summary)
    {
        using var reader = Sylvan.Data.Csv.CsvDataReader.Create(summary.ErrorsFile!);
        var errors = new List<(long, string, string)>();
        while (reader.Read())
        {
            errors.Add((long.Parse(reader.GetString(0), System.Globalization.CultureInfo.InvariantCulture), reader.GetString(1), reader.GetString(2)));
        }

        return errors;
    }
}
