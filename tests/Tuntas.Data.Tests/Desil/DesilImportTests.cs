using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tuntas.Data.Common;
using Tuntas.Data.Desil;
using Tuntas.Data.Monitoring;
using Tuntas.Data.Spreadsheets;
using Tuntas.Data.Tests.Import;
using Tuntas.Data.Tests.Verification;
using Tuntas.Domain.Access;
using Tuntas.Domain.Common;
using Tuntas.Domain.Regions;
using Tuntas.Domain.Registry;
using Tuntas.Testing;

namespace Tuntas.Data.Tests.Desil;

/// <summary>The SIKS-NG desil ranking imported as dated facts: counts, refusals, follow-up, history, classification as of the version.</summary>
public class DesilImportTests
{
    private static readonly DateOnly VersionA = new(2026, 1, 15);
    private static readonly DateOnly VersionB = new(2026, 6, 15);

    private static string Kk(int n) => $"6474010101{300000 + n}";

    private static string HeadNik(int n) => $"64740117088{50000 + n}";

    /// <summary>Families 1..count in Kelurahan Bontang Kuala, spending above the line and no desil: nobody is a candidate.</summary>
    private static async Task RegisterAsync(TestDatabase database, int count)
    {
        var lines = new List<string> { "no_kk,kode_wilayah,nik,nama,jenis_kelamin,tanggal_lahir,hubungan,alamat,pengeluaran_kapita,desil" };
        for (var n = 1; n <= count; n++)
        {
            lines.Add($"{Kk(n)},64.74.01.1001,{HeadNik(n)},Kepala {n},L,1985-08-17,Kepala Keluarga,Jl. {n},900000,");
        }

        var summary = await ImportKit.ImportAsync(database, ImportKit.Csv([.. lines]));
        Assert.Equal(count, summary.Accepted);
    }

    /// <summary>A SIKS-NG ranking workbook: title rows, then the header (in this order), then the rows.</summary>
    private static string Workbook(string[] header, params object?[][] rows)
    {
        var path = Path.Combine(Path.GetTempPath(), $"tuntas-desil-{Guid.NewGuid():N}.xlsx");
        using var xlsx = new XlsxWriter(path, "Desil");
        xlsx.WriteRow(["HASIL PEMERINGKATAN DTSEN KOTA BONTANG"]);
        xlsx.WriteRow([]);
        xlsx.WriteRow(header);
        foreach (var row in rows)
        {
            xlsx.WriteRow(row);
        }

        return path;
    }

    private static readonly string[] Siks = ["Nomor KK", "NIK", "Desil", "Nama"];

    private static async Task<WriteResult<DesilImportSummary>> TryImportAsync(
        ServiceProvider services, string path, DateOnly version, string source = "DTSEN", RegionScope? scope = null, CultureInfo? language = null, bool dryRun = false)
    {
        await using var scopeServices = services.CreateAsyncScope();
        var import = scopeServices.ServiceProvider.GetRequiredService<ImportDesil>();
        return await import.RunAsync(new DesilImportOptions(path, version, source, path + ".errors.csv", scope ?? RegionScope.National, "dinsos.bontang", dryRun, language));
    }

    private static async Task<DesilImportSummary> ImportAsync(ServiceProvider services, string path, DateOnly version, string source = "DTSEN", RegionScope? scope = null, CultureInfo? language = null, bool dryRun = false)
    {
        var result = await TryImportAsync(services, path, version, source, scope, language, dryRun);
        Assert.True(result.Error is null, result.Error?.English);
        return result.Value!;
    }

    private static async Task<int?> ExtremePoorAsync(ServiceProvider services, DateOnly at)
    {
        await using var scope = services.CreateAsyncScope();
        var figures = await scope.ServiceProvider.GetRequiredService<HeadlineQuery>().ComputeAsync(RegionCode.From("64.74"), at);
        return figures!.ExtremePoor.Households;
    }

    [Theory, DatabaseData]
    public async Task NextDtsenVersion_ChangesFiguresAsOfItsDateOnly_EarlierDatesKeepTheOldDesil(TestProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var services = VervalKit.Services(database);
        await RegisterAsync(database, 3);

        var a = await ImportAsync(services, Workbook(Siks, [Kk(1), HeadNik(1), "Desil 1", "Kepala 1"], [Kk(2), HeadNik(2), "Desil 5", "Kepala 2"]), VersionA);
        Assert.Equal((1, 1), (a.Listed, a.Changes.Count(c => c.After == 1)));
        var between = new DateOnly(2026, 3, 1);
        Assert.Equal(1, await ExtremePoorAsync(services, between));

        var b = await ImportAsync(services, Workbook(Siks, [Kk(1), HeadNik(1), "Desil 1", "Kepala 1"], [Kk(2), HeadNik(2), "Desil 1", "Kepala 2"]), VersionB);

        // Version B's new desil-1 family counts from B's date; the figures before it are as they were.
        Assert.Equal(1, b.Listed);
        var change = Assert.Single(b.Changes);
        Assert.Equal((Kk(2), (int?)5, 1, VersionB, true), (change.NoKk, change.Before, change.After, change.Version, change.Jumped));
        Assert.Equal(1, await ExtremePoorAsync(services, between));
        Assert.Equal(1, await ExtremePoorAsync(services, VersionB.AddDays(-1)));
        Assert.Equal(2, await ExtremePoorAsync(services, VersionB));
        Assert.Equal(2, await ExtremePoorAsync(services, VervalKit.Today));

        await using var db = database.CreateContext();
        var second = await db.Households.AsNoTracking().SingleAsync(h => h.NoKk == NomorKk.From(Kk(2)));
        Assert.Equal((HouseholdStatus.Listed, (int?)1, "DTSEN", "2026-06-15"), (second.Status, second.Desil, second.DesilSource, second.DesilPeriod));
        var listed = await db.StatusEvents.AsNoTracking().SingleAsync(e => e.HouseholdId == second.Id);
        Assert.Equal(VersionB, listed.EffectiveDate);
        var history = await db.HouseholdDesils.AsNoTracking().Where(d => d.HouseholdId == second.Id).OrderBy(d => d.Version).Select(d => new { d.Desil, d.Version, d.Source }).ToListAsync();
        Assert.Equal([(5, VersionA), (1, VersionB)], history.Select(h => (h.Desil, h.Version)));
    }

    /// <summary>
    /// The next version's families whose desil crossed between 1-4 and 5-10 get a groundcheck visit in
    /// the update cycle of the version's month, with the import; a move within 1-4 does not; the same
    /// version again queues nothing.
    /// </summary>
    [Theory, DatabaseData]
    public async Task NextVersion_FamiliesWhoseDesilCrossed_GetAGroundcheckVisit_Once(TestProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var services = VervalKit.Services(database);
        await RegisterAsync(database, 3);
        await ImportAsync(services, Workbook(Siks, [Kk(1), HeadNik(1), "3", "Kepala 1"], [Kk(2), HeadNik(2), "6", "Kepala 2"], [Kk(3), HeadNik(3), "2", "Kepala 3"]), VersionA);

        var path = Workbook(Siks, [Kk(1), HeadNik(1), "6", "Kepala 1"], [Kk(2), HeadNik(2), "4", "Kepala 2"], [Kk(3), HeadNik(3), "1", "Kepala 3"]);
        var b = await ImportAsync(services, path, VersionB);

        Assert.Equal((3, 2, 2), (b.Changes.Count, b.Groundchecks!.Crossing, b.Groundchecks.Queued));
        await using (var db = database.CreateContext())
        {
            var ids = await db.Households.AsNoTracking().Where(h => h.NoKk == NomorKk.From(Kk(1)) || h.NoKk == NomorKk.From(Kk(2))).Select(h => h.Id).OrderBy(id => id).ToListAsync();
            var tasks = await db.Tasks.AsNoTracking().Where(t => t.Purpose == Domain.Verification.VisitPurpose.Groundcheck).Select(t => t.HouseholdId).OrderBy(id => id).ToListAsync();
            Assert.Equal(ids, tasks);
            var cycle = await db.UpdateCycles.AsNoTracking().SingleAsync();
            Assert.Equal(("64.74", new DateOnly(2026, 6, 1)), (cycle.Regency.Value, cycle.Month));
            Assert.Equal(2, await db.CycleGroundchecks.CountAsync(g => g.DesilVersion == VersionB));
        }

        var again = await ImportAsync(services, path, VersionB);
        Assert.Equal((0, 0), (again.Changes.Count, again.Groundchecks!.Queued));
        await using (var db = database.CreateContext())
        {
            Assert.Equal(2, await db.Tasks.CountAsync(t => t.Purpose == Domain.Verification.VisitPurpose.Groundcheck));
        }
    }

    [Theory, DatabaseData]
    public async Task EarlierVersionImportedLate_ClassifiesWithTheDesilInForceOnItsDate_AndTheCurrentDesilStaysTheNewerOne(TestProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var services = VervalKit.Services(database);
        await RegisterAsync(database, 1);

        await ImportAsync(services, Workbook(Siks, [Kk(1), HeadNik(1), "Desil 5", "Kepala 1"]), VersionB);
        var late = await ImportAsync(services, Workbook(Siks, [Kk(1), HeadNik(1), "Desil 1", "Kepala 1"]), VersionA);

        // On A's date the family was desil 1: it is listed from then, although its desil today (B's) is 5.
        Assert.Equal(1, late.Listed);
        Assert.Equal(1, await ExtremePoorAsync(services, VersionA));
        Assert.True(await ExtremePoorAsync(services, VersionA.AddDays(-1)) is null or 0);
        await using var db = database.CreateContext();
        var family = await db.Households.AsNoTracking().SingleAsync();
        Assert.Equal(((int?)5, "2026-06-15"), (family.Desil, family.DesilPeriod));
    }

    [Theory, DatabaseData]
    public async Task Import_CountsRefusesWithReasons_AndKeepsUnmatchedFamiliesOnTheFollowUpList(TestProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var services = VervalKit.Services(database);
        await RegisterAsync(database, 4);

        // Header in another order and spelled "No. KK"; desil written "1", "DESIL 3" and as a number cell.
        var path = Workbook(
            ["Nama", "Desil", "No. KK", "NIK"],
            ["Kepala 1", "1", Kk(1), HeadNik(1)],
            ["Kepala 2", "DESIL 3", Kk(2), HeadNik(2)],
            ["Kepala 3", 4L, Kk(3), 6474011708850003L],
            ["Keluarga Baru", "Desil 2", "6474010101999999", "6474015505900007"],
            ["Kepala 4", "Desil 11", Kk(4), HeadNik(4)],
            ["Kepala 1 lagi", "2", Kk(1), HeadNik(1)],
            ["Salah NIK", "2", Kk(4), HeadNik(2)]);

        var summary = await ImportAsync(services, path, VersionA);

        Assert.Equal((7L, 3L, 4L, 1L), (summary.Rows, summary.Accepted, summary.Rejected, summary.Unmatched));
        Assert.Equal((2L, 0L), (summary.Updated, summary.Unchanged));
        Assert.Equal(summary.Rows, summary.Accepted + summary.Rejected);
        var followUp = Assert.Single(summary.FollowUp);
        Assert.Equal(("6474010101999999", 2, 7L), (followUp.NoKk, followUp.Desil, followUp.Line));

        var errors = File.ReadAllLines(summary.ErrorsFile).Skip(1).ToList();
        Assert.Equal(4, errors.Count);
        Assert.Contains(errors, e => e.StartsWith("6,NIK,", StringComparison.Ordinal) && e.Contains("disimpan Excel sebagai angka", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("8,Desil,", StringComparison.Ordinal) && e.Contains("desil 'Desil 11' tidak dikenali", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("9,Nomor KK,", StringComparison.Ordinal) && e.Contains($"Nomor KK {Kk(1)} sudah ada di baris 4", StringComparison.Ordinal));

        // The last row gives family 4 the NIK of family 2's head.
        Assert.Contains(errors, e => e.StartsWith("10,NIK,", StringComparison.Ordinal) && e.Contains($"NIK {HeadNik(2)} terdaftar sebagai anggota keluarga lain", StringComparison.Ordinal));

        await using var db = database.CreateContext();
        var desils = await db.Households.AsNoTracking().OrderBy(h => h.NoKk).Select(h => h.Desil).ToListAsync();
        Assert.Equal([1, 3, null, null], desils);
        var kept = await db.DesilFollowUps.AsNoTracking().SingleAsync();
        Assert.Equal(("6474010101999999", "Keluarga Baru", 2, "DTSEN", VersionA, "64.74"), (kept.NoKk, kept.Name, kept.Desil, kept.Source, kept.Version, kept.NumberRegency));
        Assert.Equal(4, await db.DesilRejectedRows.CountAsync());
    }

    [Theory, DatabaseData]
    public async Task Import_NikOfAMemberOfAnotherFamily_IsRefused_InEnglishWhenAsked(TestProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var services = VervalKit.Services(database);
        await RegisterAsync(database, 2);

        var summary = await ImportAsync(services, Workbook(Siks, [Kk(1), HeadNik(2), "1", "Kepala 1"]), VersionA, language: ErrorWords.English);

        Assert.Equal((1L, 0L, 1L, 0L), (summary.Rows, summary.Accepted, summary.Rejected, summary.Unmatched));
        var error = Assert.Single(File.ReadAllLines(summary.ErrorsFile).Skip(1));
        Assert.Contains($"NIK {HeadNik(2)} is registered as a member of another family, not of the family with No. KK {Kk(1)}", error, StringComparison.Ordinal);
        await using var db = database.CreateContext();
        Assert.Equal(0, await db.HouseholdDesils.CountAsync());
    }

    [Theory, DatabaseData]
    public async Task ReImport_OfTheSameFileAndVersion_ChangesNothing(TestProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var services = VervalKit.Services(database);
        await RegisterAsync(database, 2);
        var path = Workbook(Siks, [Kk(1), HeadNik(1), "Desil 1", "Kepala 1"], [Kk(2), HeadNik(2), "Desil 7", "Kepala 2"], ["6474010101999999", "", "2", "Baru"]);

        var first = await ImportAsync(services, path, VersionA);
        var second = await ImportAsync(services, path, VersionA);

        Assert.Equal((2L, 0L, 1L), (first.Updated, first.Unchanged, first.Unmatched));
        Assert.Equal((0L, 2L, 1L, 0), (second.Updated, second.Unchanged, second.Unmatched, second.Changes.Count));
        await using var db = database.CreateContext();
        Assert.Equal(2, await db.HouseholdDesils.CountAsync());
        Assert.Equal(1, await db.DesilFollowUps.CountAsync());
        Assert.Equal(1, await db.StatusEvents.CountAsync());
    }

    [Theory, DatabaseData]
    public async Task DryRun_ReportsTheSameSummary_AndWritesNothing(TestProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var services = VervalKit.Services(database);
        await RegisterAsync(database, 1);

        var summary = await ImportAsync(services, Workbook(Siks, [Kk(1), HeadNik(1), "1", "Kepala 1"]), VersionA, dryRun: true);

        Assert.Equal((1L, 1L, 1), (summary.Updated, summary.Accepted, summary.Listed));
        await using var db = database.CreateContext();
        Assert.Equal(0, await db.HouseholdDesils.CountAsync());
        Assert.Equal(0, await db.StatusEvents.CountAsync());
    }

    [Theory, DatabaseData]
    public async Task FamilyOutsideTheImportersRegion_IsTreatedAsNotInTheRegister(TestProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var services = VervalKit.Services(database);
        await RegisterAsync(database, 1);

        var summary = await ImportAsync(services, Workbook(Siks, [Kk(1), HeadNik(1), "1", "Kepala 1"]), VersionA, scope: new RegionScope(RegionCode.From("64.08")));

        Assert.Equal((1L, 0L, 1L), (summary.Accepted, summary.Updated, summary.Unmatched));
        await using var db = database.CreateContext();
        Assert.Null((await db.Households.AsNoTracking().SingleAsync()).Desil);
    }

    [Theory, DatabaseData]
    public async Task VersionInTheFuture_OrAnUnreadableFile_IsRefusedWhole(TestProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var services = VervalKit.Services(database);
        await RegisterAsync(database, 1);

        var future = await TryImportAsync(services, Workbook(Siks, [Kk(1), HeadNik(1), "1", "Kepala 1"]), VervalKit.Today.AddDays(1));
        var noDesilColumn = await TryImportAsync(services, Workbook(["Nomor KK", "Nama"], [Kk(1), "Kepala 1"]), VersionA);

        Assert.IsType<WriteError.RuleBroken>(future.Error);
        Assert.IsType<WriteError.RuleBroken>(noDesilColumn.Error);
        Assert.Contains("Desil", noDesilColumn.Error!.English, StringComparison.Ordinal);
        await using var db = database.CreateContext();
        Assert.Equal(0, await db.DesilImports.CountAsync());
    }

    [Theory, DatabaseData]
    public async Task HouseholdImport_DesilColumn_AddsToTheDesilHistory_Once(TestProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var file = ImportKit.Csv(ImportKit.Header, ImportKit.Head, ImportKit.Wife, ImportKit.Child, ImportKit.OtherHead, ImportKit.OtherChild);

        await ImportKit.ImportAsync(database, file, source: "P3KE");
        await ImportKit.ImportAsync(database, file, source: "P3KE");

        await using var db = database.CreateContext();
        var history = await db.HouseholdDesils.AsNoTracking().OrderBy(d => d.Desil).ToListAsync();
        Assert.Equal([(1, "P3KE"), (2, "P3KE")], history.Select(d => (d.Desil, d.Source)));
        Assert.All(history, d => Assert.Equal(new DateOnly(2026, 11, 22), d.Version));
        Assert.All(history, d => Assert.NotNull(d.ImportBatchId));
    }
}
