using Tuntas.Domain.Import;
using Tuntas.Domain.Interventions;

namespace Tuntas.Domain.Tests.Interventions;

public class RecipientRowTests
{
    private static readonly DateOnly Today = new(2025, 4, 9);

    private static RecipientRow Validate(string? nik = null, string? noKk = null, string? tanggal = "2025-03-15", string? nilai = "750000", string? akhir = null, string? keterangan = null, bool nikIsNumber = false) =>
        new RecipientRowValidator(Today).Validate(2, column => column switch
        {
            RecipientColumn.Nik => new SourceCell(nik, nikIsNumber),
            RecipientColumn.NoKk => new SourceCell(noKk),
            RecipientColumn.Tanggal => new SourceCell(tanggal),
            RecipientColumn.TanggalAkhir => new SourceCell(akhir),
            RecipientColumn.Nilai => new SourceCell(nilai),
            RecipientColumn.Keterangan => new SourceCell(keterangan),
            _ => default,
        });

    [Fact]
    public void AValidRow_IsReadWithItsRecipientKey()
    {
        var row = Validate(nik: "6474-0117-0885-0002", tanggal: "15-03-2025", nilai: "Rp750.000", akhir: "2025-06-30", keterangan: " tahap  I ");

        Assert.False(row.IsRejected, row.RejectionReason);
        Assert.Equal("NIK:6474011708850002", row.RecipientKey);
        Assert.Equal(new DeliveryReport { Date = new(2025, 3, 15), PeriodEnd = new(2025, 6, 30), Amount = 750_000, Note = "tahap I" }, row.Report);
        Assert.Equal("KK:6474010101200001", Validate(noKk: "6474010101200001").RecipientKey);
        Assert.Null(Validate(noKk: "6474010101200001", nilai: "").Report!.Amount);
    }

    [Theory]
    [InlineData(null, null, "2025-03-15", "1", null, RecipientColumn.Nik, "neither a nik nor a no_kk")]
    [InlineData("123", null, "2025-03-15", "1", null, RecipientColumn.Nik, "16 digits")]
    [InlineData(null, "64740101", "2025-03-15", "1", null, RecipientColumn.NoKk, "16 digits")]
    [InlineData("6474011708850002", null, "", "1", null, RecipientColumn.Tanggal, "tanggal is empty")]
    [InlineData("6474011708850002", null, "2025-04-10", "1", null, RecipientColumn.Tanggal, "in the future")]
    [InlineData("6474011708850002", null, "2014-12-31", "1", null, RecipientColumn.Tanggal, "before 2015")]
    [InlineData("6474011708850002", null, "2025-03-15", "satu juta", null, RecipientColumn.Nilai, "not a whole number of rupiah")]
    [InlineData("6474011708850002", null, "2025-03-15", "5000000000", null, RecipientColumn.Nilai, "check the number of zeros")]
    [InlineData("6474011708850002", null, "2025-03-15", "1", "2025-03-01", RecipientColumn.TanggalAkhir, "before it starts")]
    [InlineData("6474011708850002", null, "2025-03-15", "1", "2026-06-01", RecipientColumn.TanggalAkhir, "at most one year")]
    public void ABadRow_IsRejectedNamingTheColumnAndTheReason(string? nik, string? noKk, string? tanggal, string? nilai, string? akhir, RecipientColumn column, string reason)
    {
        var row = Validate(nik, noKk, tanggal, nilai, akhir);

        Assert.True(row.IsRejected);
        Assert.Equal(column, row.RejectedColumn);
        Assert.Contains(reason, row.RejectionReason, StringComparison.Ordinal);
    }

    [Fact]
    public void ANikStoredByExcelAsANumber_IsRejected()
    {
        var row = Validate(nik: "6474011708850000", nikIsNumber: true);

        Assert.Equal(RecipientColumn.Nik, row.RejectedColumn);
        Assert.Contains("stored by Excel as a number", row.RejectionReason, StringComparison.Ordinal);
    }

    [Fact]
    public void ALongNote_IsRejected()
    {
        var row = Validate(nik: "6474011708850002", keterangan: new string('x', 501));

        Assert.Equal(RecipientColumn.Keterangan, row.RejectedColumn);
    }
}
