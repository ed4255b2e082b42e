using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tuntas.Data.Common;
using Tuntas.Data.Interventions;
using Tuntas.Data.Tests.Verification;
using Tuntas.Domain.Access;
using Tuntas.Domain.Interventions;
using Tuntas.Domain.Regions;
using Tuntas.Testing;
using static Tuntas.Data.Tests.Interventions.InterventionKit;

namespace Tuntas.Data.Tests.Interventions;

public class RecipientListImportTests
{
    [Theory, DatabaseData]
    public async Task Import_MatchesByNikAndByNoKk_AndRecordsDeliveriesOfTheProgramme(TestProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var services = VervalKit.Services(database);
        await VerifiedAsync(services, 2);

        var summary = await ImportAsync(services, List(
            $"{Nik(1)},,2025-03-15,750000,PKH tahap I",
            $",{NoKk(2)},15/03/2025,Rp750.000,PKH tahap I"));

        Assert.Equal((2L, 2L, 0L, 0L, 2L), (summary.Rows, summary.Matched, summary.Unmatched, summary.Rejected, summary.Inserted));
        await using var db = database.CreateContext();
        var deliveries = await db.Deliveries.AsNoTracking().OrderBy(d => d.RecipientKey).ToListAsync();
        var households = await db.Households.AsNoTracking().ToDictionaryAsync(h => h.NoKk.Value, h => h.Id);
        var byKk = deliveries.Single(d => d.RecipientKey == Delivery.KeyForKk(NoKk(2)));
        var byNik = deliveries.Single(d => d.RecipientKey == Delivery.KeyForNik(Nik(1)));
        Assert.Equal((households[NoKk(2)], (long?)null), (byKk.HouseholdId, byKk.PersonId));
        Assert.Equal(households[NoKk(1)], byNik.HouseholdId);
        Assert.Equal(await db.People.Where(p => p.Nik == Domain.Registry.Nik.From(Nik(1))).Select(p => p.Id).SingleAsync(), byNik.PersonId);
        Assert.All(deliveries, d => Assert.Equal(("PKH", new DateOnly(2025, 3, 15), (long?)750_000, DeliverySource.Imported), (d.ProgrammeCode, d.Date, d.Amount, d.Source)));
        var entry = await db.AuditEntries.AsNoTracking().SingleAsync(e => e.Action == "interventions.import");
        Assert.Contains("\"inserted\":2", entry.After, StringComparison.Ordinal);
        Assert.Matches("\"insertedSha256\":\"[0-9a-f]{64}\"", entry.After);
    }

    [Theory, DatabaseData]
    public async Task Import_UnmatchedRecipient_IsKeptOnTheFollowUpList_AndTheValidRestIsKept(TestProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var services = VervalKit.Services(database);
        await VerifiedAsync(services, 1);

        var summary = await ImportAsync(services, List(
            $"{Nik(1)},,2025-03-15,750000,",
            "6474015505900007,,2025-03-15,750000,tidak ada di register",
            ",6474010101999999,2025-03-15,750000,"));

        Assert.Equal((3L, 1L, 2L, 0L), (summary.Rows, summary.Matched, summary.Unmatched, summary.Rejected));
        Assert.Equal(["6474015505900007", "6474010101999999"], summary.FollowUp.Select(f => f.Number));
        Assert.Equal(["nik", "no_kk"], summary.FollowUp.Select(f => f.Identifier));
        await using var db = database.CreateContext();
        Assert.Equal(1, await db.Deliveries.CountAsync());
        var followUp = await db.UnmatchedRecipients.AsNoTracking().OrderBy(u => u.Line).ToListAsync();
        Assert.Equal(["NIK:6474015505900007", "KK:6474010101999999"], followUp.Select(u => u.RecipientKey));
        Assert.Equal([3L, 4L], followUp.Select(u => u.Line));
        Assert.Equal("tidak ada di register", followUp[0].Note);
        Assert.Equal("64.74.01", followUp[0].NumberDistrict);
        Assert.All(followUp, u => Assert.Null(u.ResolvedAt));

        // Imported nationally, an unknown number goes to the region where it was first registered.
        await using var scope = services.CreateAsyncScope();
        var queries = scope.ServiceProvider.GetRequiredService<InterventionQueries>();
        Assert.Equal(2, (await queries.FollowUpAsync(new RegionScope(RegionCode.From("64.74")))).Count);
        Assert.Empty(await queries.FollowUpAsync(new RegionScope(RegionCode.From("64.08"))));
        Assert.Equal(2, (await queries.FollowUpAsync(RegionScope.National)).Count);
    }

    [Theory, DatabaseData]
    public async Task Import_DryRun_ReportsTheSameSummary_AndWritesNothing(TestProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var services = VervalKit.Services(database);
        await VerifiedAsync(services, 1);
        var path = List($"{Nik(1)},,2025-03-15,750000,", "6474015505900007,,2025-03-15,750000,", ",,2025-03-15,1,");

        var summary = (await TryImportAsync(services, path, dryRun: true)).Value!;

        Assert.Equal((3L, 1L, 1L, 1L, true, (long?)null), (summary.Rows, summary.Matched, summary.Unmatched, summary.Rejected, summary.DryRun, summary.ImportId));
        await using var db = database.CreateContext();
        Assert.Equal((0, 0, 0, 0), (await db.Deliveries.CountAsync(), await db.UnmatchedRecipients.CountAsync(), await db.RecipientImports.CountAsync(), await db.RecipientRejectedRows.CountAsync()));
        Assert.Equal(0, await db.AuditEntries.CountAsync(e => e.Action == "interventions.import"));
    }

    [Theory, DatabaseData]
    public async Task Import_RejectedRows_SayWhy_GoToTheErrorsFile_AndTheValidRestIsKept(TestProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var services = VervalKit.Services(database);
        await VerifiedAsync(services, 2);

        var path = List(
            $"{Nik(1)},,2025-03-15,750000,baik",
            "6474011708,,2025-03-15,750000,NIK pendek",
            "6.47401E+15,,2025-03-15,750000,rusak Excel",
            ",,2025-03-15,750000,tanpa penerima",
            $"{Nik(2)},,2030-01-01,750000,masa depan",
            $"{Nik(2)},,31/02/2025,750000,tanggal mustahil",
            $"{Nik(2)},,2025-03-15,-5,negatif",
            $"{Nik(1)},,2025-03-15,750000,dua kali",
            $"{Nik(2)},{NoKk(1)},2025-03-15,750000,KK lain");
        var summary = await ImportAsync(services, path);

        Assert.Equal((9L, 1L, 0L, 8L), (summary.Rows, summary.Matched, summary.Unmatched, summary.Rejected));
        var errors = File.ReadAllLines(path + ".errors.csv");
        Assert.Equal("baris,kolom,alasan,nik,no_kk,tanggal,nilai,keterangan", errors[0].TrimStart('\uFEFF'));
        string Reason(int line) => errors.Single(e => e.StartsWith($"{line},", StringComparison.Ordinal));
        Assert.Contains("16 digits", Reason(3), StringComparison.Ordinal);
        Assert.Contains("NIK '6.47401E+15' was turned into", Reason(4), StringComparison.Ordinal);
        Assert.Contains("neither a nik nor a no_kk", Reason(5), StringComparison.Ordinal);
        Assert.Contains("in the future", Reason(6), StringComparison.Ordinal);
        Assert.Contains("not a real date", Reason(7), StringComparison.Ordinal);
        Assert.Contains("nilai '-5' is not a whole number", Reason(8), StringComparison.Ordinal);
        Assert.Contains("same recipient and tanggal as line 2", Reason(9), StringComparison.Ordinal);
        Assert.Contains($"belongs to the family card {NoKk(2)}, not {NoKk(1)}", Reason(10), StringComparison.Ordinal);
        Assert.EndsWith(",masa depan", Reason(6), StringComparison.Ordinal);

        await using var db = database.CreateContext();
        Assert.Equal(1, await db.Deliveries.CountAsync());
        var kept = await db.RecipientRejectedRows.AsNoTracking().OrderBy(r => r.Line).ToListAsync();
        Assert.Equal(8, kept.Count);
        Assert.Equal(("tanggal", $"{Nik(2)},,2030-01-01,750000,masa depan"), (kept[3].Column, kept[3].Original));
    }

    [Theory, DatabaseData]
    public async Task Import_TheSameListAgain_AddsNothing_AndACorrectedAmountUpdatesTheDelivery(TestProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var services = VervalKit.Services(database);
        await VerifiedAsync(services, 2);
        var rows = new[] { $"{Nik(1)},,2025-03-15,750000,", $",{NoKk(2)},2025-03-15,750000,", "6474015505900007,,2025-03-15,750000," };

        var first = await ImportAsync(services, List(rows));
        var again = await ImportAsync(services, List(rows));
        rows[1] = $",{NoKk(2)},2025-03-15,900000,";
        var corrected = await ImportAsync(services, List(rows));

        Assert.Equal((2L, 0L, 0L), (first.Inserted, first.Updated, first.Unchanged));
        Assert.Equal((0L, 0L, 2L, 1L), (again.Inserted, again.Updated, again.Unchanged, again.Unmatched));
        Assert.Equal((0L, 1L, 1L), (corrected.Inserted, corrected.Updated, corrected.Unchanged));
        await using var db = database.CreateContext();
        Assert.Equal(2, await db.Deliveries.CountAsync());
        Assert.Equal(900_000, await db.Deliveries.Where(d => d.RecipientKey == Delivery.KeyForKk(NoKk(2))).Select(d => d.Amount).SingleAsync());
        Assert.Equal(1, await db.UnmatchedRecipients.CountAsync());
    }

    [Theory, DatabaseData]
    public async Task Import_ARecipientRegisteredLater_IsMatchedAndLeavesTheFollowUpList(TestProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var services = VervalKit.Services(database);
        var path = List($"{Nik(5)},,2025-03-15,750000,");

        var before = await ImportAsync(services, path);
        await VerifiedAsync(services, 1, first: 5);
        var after = await ImportAsync(services, path);

        Assert.Equal((0L, 1L), (before.Matched, before.Unmatched));
        Assert.Equal((1L, 0L), (after.Matched, after.Unmatched));
        await using var db = database.CreateContext();
        var entry = await db.UnmatchedRecipients.AsNoTracking().SingleAsync();
        Assert.NotNull(entry.ResolvedAt);
        Assert.StartsWith("matched by import", entry.Resolution, StringComparison.Ordinal);
    }

    [Theory, DatabaseData]
    public async Task Import_AFamilyOutsideTheImportersRegion_IsNotMatched(TestProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var services = VervalKit.Services(database);
        await VerifiedAsync(services, 1);

        var summary = await ImportAsync(services, List($"{Nik(1)},,2025-03-15,750000,"), scope: new RegionScope(RegionCode.From("64.08")));

        Assert.Equal((0L, 1L), (summary.Matched, summary.Unmatched));
        await using var db = database.CreateContext();
        Assert.Equal(0, await db.Deliveries.CountAsync());
        Assert.Equal("64.08", (await db.UnmatchedRecipients.SingleAsync()).Region);
    }

    [Theory, DatabaseData]
    public async Task Import_UnknownProgrammeOrAListWithoutRecipientColumns_IsRefusedAndWritesNothing(TestProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var services = VervalKit.Services(database);
        var path = List($"{Nik(1)},,2025-03-15,750000,");
        var noRecipient = Path.Combine(Path.GetTempPath(), $"tuntas-list-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(noRecipient, "nama,tanggal,nilai\nBudi,2025-03-15,750000\n");

        var unknown = Assert.IsType<WriteError.RuleBroken>((await TryImportAsync(services, path, "BLT")).Error).Rule;
        var unreadable = Assert.IsType<WriteError.RuleBroken>((await TryImportAsync(services, noRecipient)).Error).Rule;

        Assert.Contains("There is no programme 'BLT'", unknown.Message, StringComparison.Ordinal);
        Assert.Contains("PKH", unknown.Message, StringComparison.Ordinal);
        Assert.Contains("no column for nik or no_kk", unreadable.Message, StringComparison.Ordinal);
        await using var db = database.CreateContext();
        Assert.Equal(0, await db.RecipientImports.CountAsync());
    }
}
