using Microsoft.EntityFrameworkCore;
using Tuntas.Data.Tests.Verification;
using Tuntas.Domain.Interventions;
using Tuntas.Testing;
using static Tuntas.Data.Tests.Interventions.InterventionKit;

namespace Tuntas.Data.Tests.Interventions;

/// <summary>OpenSID's Program Bantuan workbook, recognised by the recipient list import by itself.</summary>
public class OpenSidProgrammeImportTests
{
    [Theory, DatabaseData]
    public async Task Keluarga_TemplateLayout_MatchesByNoKk_DatedByTheProgrammeStart(TestProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var services = VervalKit.Services(database);
        await VerifiedAsync(services, 2);
        var path = OpenSidWorkbooks.ProgrammeBantuan("2", "2025-03-01", export: false,
            (NoKk(1), Nik(1)), (NoKk(2), Nik(2)), ("6474010101999999", "6474011708999999"), (6474010101000003L, Nik(3)));

        var summary = await ImportAsync(services, path);

        // The Peserta rows up to ### (the note row after it is not read): two families matched, one
        // the register does not hold, one No. KK that Excel stored as a number.
        Assert.Equal((4L, 2L, 1L, 1L, 2L), (summary.Rows, summary.Matched, summary.Unmatched, summary.Rejected, summary.Inserted));
        Assert.Equal(("no_kk", "6474010101999999", new DateOnly(2025, 3, 1)), (summary.FollowUp[0].Identifier, summary.FollowUp[0].Number, summary.FollowUp[0].Date));
        await using var db = database.CreateContext();
        var deliveries = await db.Deliveries.AsNoTracking().ToListAsync();
        Assert.Equal([Delivery.KeyForKk(NoKk(1)), Delivery.KeyForKk(NoKk(2))], deliveries.Select(d => d.RecipientKey).Order());
        Assert.All(deliveries, d => Assert.Equal((new DateOnly(2025, 3, 1), (long?)null), (d.Date, d.PersonId)));
        var errors = File.ReadAllLines(summary.ErrorsFile!);
        Assert.StartsWith("baris,kolom,alasan,Peserta,No. Peserta,NIK,Nama", errors[0], StringComparison.Ordinal);
        Assert.StartsWith("5,no_kk,", errors[1], StringComparison.Ordinal);
        Assert.Contains("stored by Excel as a number", errors[1], StringComparison.Ordinal);

        var again = await ImportAsync(services, path);
        Assert.Equal((4L, 2L, 0L, 0L, 2L), (again.Rows, again.Matched, again.Inserted, again.Updated, again.Unchanged));
    }

    [Theory, DatabaseData]
    public async Task Penduduk_OpenSidExportLayout_WithConfigId_MatchesByNik_OnTheDateGiven(TestProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var services = VervalKit.Services(database);
        await VerifiedAsync(services, 1);
        var path = OpenSidWorkbooks.ProgrammeBantuan(1L, new DateOnly(2025, 3, 1), export: true, (Nik(1), Nik(1)));

        var byStart = await ImportAsync(services, path);
        var byDate = await ImportAsync(services, path, date: new DateOnly(2025, 4, 2));

        Assert.Equal((1L, 1L, 1L, 1L), (byStart.Rows, byStart.Inserted, byDate.Rows, byDate.Inserted));
        await using var db = database.CreateContext();
        var deliveries = await db.Deliveries.AsNoTracking().OrderBy(d => d.Date).ToListAsync();
        Assert.Equal([new DateOnly(2025, 3, 1), new DateOnly(2025, 4, 2)], deliveries.Select(d => d.Date));
        Assert.All(deliveries, d => Assert.Equal(Delivery.KeyForNik(Nik(1)), d.RecipientKey));
        Assert.All(deliveries, d => Assert.NotNull(d.PersonId));
    }

    [Theory, DatabaseData]
    public async Task RumahTangga_IsMatchedByTheNikOfColumnC(TestProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var services = VervalKit.Services(database);
        await VerifiedAsync(services, 2);
        var path = OpenSidWorkbooks.ProgrammeBantuan("Rumah Tangga", "2025-03-01", export: false, ("RTM-0007", Nik(2)));

        var summary = await ImportAsync(services, path);

        Assert.Equal((1L, 1L), (summary.Rows, summary.Matched));
        await using var db = database.CreateContext();
        Assert.Equal(Delivery.KeyForNik(Nik(2)), (await db.Deliveries.AsNoTracking().SingleAsync()).RecipientKey);
    }

    [Theory, DatabaseData]
    public async Task Kelompok_AndDateForAnOrdinaryList_AreRefusedWhole(TestProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var services = VervalKit.Services(database);
        await VerifiedAsync(services, 1);

        var groups = await TryImportAsync(services, OpenSidWorkbooks.ProgrammeBantuan("4", "2025-03-01", export: false, ("KLP-01", Nik(1))));
        var dated = await TryImportAsync(services, List($"{Nik(1)},,2025-03-15,750000,"), date: new DateOnly(2025, 3, 1));

        Assert.Contains("Sasaran 4 Kelompok", groups.Error!.English, StringComparison.Ordinal);
        Assert.Contains("--date is only for an OpenSID Program Bantuan workbook", dated.Error!.English, StringComparison.Ordinal);
        await using var db = database.CreateContext();
        Assert.Equal(0, await db.Deliveries.CountAsync());
    }
}
