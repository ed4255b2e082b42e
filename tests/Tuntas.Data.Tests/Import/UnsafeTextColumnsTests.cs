using Tuntas.Testing;

namespace Tuntas.Data.Tests.Import;

/// <summary>Control and text-direction characters are refused in every text column, not only in nama.</summary>
public class UnsafeTextColumnsTests
{
    [Theory, DatabaseData]
    public async Task AddressOccupationOrEducation_WithAControlOrBidiCharacter_RejectTheRow(TestProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        const string header = "no_kk,kode_wilayah,nik,nama,jenis_kelamin,tanggal_lahir,hubungan,alamat,pekerjaan,pendidikan";
        var path = ImportKit.Csv(
            header,
            "6474010101200001,64.74.01.1001,6474011708850002,Budi Santoso,L,1985-08-17,Kepala Keluarga,Jl. Pelabuhan\u0000 3\t,Nelayan,SD",
            "6474010101200002,64.74.01.1002,6474011708800005,Agus Salim,L,1980-08-17,Kepala Keluarga,Jl. Mulawarman 9,Petani\u001b[31m,SMP",
            "6474010101200003,64.74.01.1002,6474011708800013,Ani Rahma,P,1980-08-17,Kepala Keluarga,Jl. Mulawarman 10,Pedagang,SMA\u202Efdp.exe",
            "6474010101200004,64.74.01.1002,6474011708800021,Rudi Hartono,L,1980-08-17,Kepala Keluarga,Jl. Mulawarman 11,Buruh,SD");

        var summary = await ImportKit.ImportAsync(database, path);

        Assert.Equal((4L, 1L, 3L), (summary.Rows, summary.Accepted, summary.Rejected));
        var errors = ImportKit.Errors(summary);
        Assert.Contains(errors, e => e is { Line: 2, Column: "alamat" } && e.Reason.Contains("U+0000", StringComparison.Ordinal));
        Assert.Contains(errors, e => e is { Line: 3, Column: "pekerjaan" } && e.Reason.Contains("U+001B", StringComparison.Ordinal));
        Assert.Contains(errors, e => e is { Line: 4, Column: "pendidikan" } && e.Reason.Contains("U+202E", StringComparison.Ordinal));
    }
}
