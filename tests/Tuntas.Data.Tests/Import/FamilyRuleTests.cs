using Microsoft.EntityFrameworkCore;
using Tuntas.Domain.Common;
using Tuntas.Domain.Registry;
using Tuntas.Testing;
using static Tuntas.Data.Tests.Import.ImportKit;

namespace Tuntas.Data.Tests.Import;

/// <summary>The rules of contracts §3 that need the whole file or the register.</summary>
public class FamilyRuleTests
{
    [Theory, DatabaseData]
    public async Task CleanFamilies_AreAllAccepted(TestProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);

        var summary = await ImportAsync(database, Csv(Header, Head, Wife, Child, OtherHead, OtherChild));

        Assert.Equal((5L, 5L, 0L, 0L), (summary.Rows, summary.Accepted, summary.Rejected, summary.Warnings));
        Assert.Equal(new(2, 0, 0), summary.Households);
        Assert.Equal(new(5, 0, 0), summary.Members);
        await using var db = database.CreateContext();
        var budi = await db.Households.Include(h => h.Members).SingleAsync(h => h.NoKk == NomorKk.From("6474010101200001"));
        Assert.Equal(("64.74.01.1001", "Jl. Pelabuhan 3", 322170L, 1, "test"), (budi.VillageCode.Value, budi.Address, budi.SpendingPerCapita!.Value, budi.Desil!.Value, budi.DesilSource));
        Assert.Equal("Budi Santoso", budi.Head!.Name);
        Assert.Equal(new DateOnly(1990, 8, 17), budi.Members.Single(m => m.Relation == FamilyRelation.Istri).BirthDate);
    }

    [Theory, DatabaseData]
    public async Task FamilyWithoutHead_IsRejectedWhole(TestProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);

        var summary = await ImportAsync(database, Csv(Header, Wife, Child, OtherHead));

        Assert.Equal((3L, 1L, 2L), (summary.Rows, summary.Accepted, summary.Rejected));
        var errors = Errors(summary);
        Assert.Equal([2L, 3L], errors.Select(e => e.Line));
        Assert.All(errors, e => Assert.Equal("hubungan", e.Column));
        Assert.All(errors, e => Assert.Contains("KK 6474010101200001 has no Kepala Keluarga row", e.Reason, StringComparison.Ordinal));
    }

    [Theory, DatabaseData]
    public async Task FamilyWithTwoHeads_IsRejectedWhole(TestProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var secondHead = Wife.Replace("Istri", "Kepala Keluarga", StringComparison.Ordinal);

        var summary = await ImportAsync(database, Csv(Header, Head, secondHead, Child));

        Assert.Equal((3L, 0L, 3L), (summary.Rows, summary.Accepted, summary.Rejected));
        Assert.All(Errors(summary), e => Assert.Contains("has 2 Kepala Keluarga rows", e.Reason, StringComparison.Ordinal));
    }

    [Theory, DatabaseData]
    public async Task RejectedHeadRow_TakesItsFamilyWithIt(TestProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var headWithBadDate = Head.Replace("1985-08-17", "1985-02-30", StringComparison.Ordinal);

        var summary = await ImportAsync(database, Csv(Header, headWithBadDate, Wife, Child, OtherHead));

        Assert.Equal((4L, 1L, 3L), (summary.Rows, summary.Accepted, summary.Rejected));
        var errors = Errors(summary);
        Assert.Equal(("tanggal_lahir", 2L), (errors[0].Column, errors[0].Line));
        Assert.Contains("not a real date", errors[0].Reason, StringComparison.Ordinal);
        Assert.Contains("The Kepala Keluarga row of KK 6474010101200001 (line 2) was rejected", errors[1].Reason, StringComparison.Ordinal);
        Assert.Equal(3, errors.Count);
    }

    [Theory, DatabaseData]
    public async Task RejectedMemberRow_LeavesTheRestOfTheFamily(TestProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var childWithoutName = Child.Replace("Andi Santoso", " ", StringComparison.Ordinal);

        var summary = await ImportAsync(database, Csv(Header, Head, Wife, childWithoutName));

        Assert.Equal((3L, 2L, 1L), (summary.Rows, summary.Accepted, summary.Rejected));
        Assert.Equal(("nama", 4L), (Errors(summary)[0].Column, Errors(summary)[0].Line));
        Assert.Equal(new(1, 0, 0), summary.Households);
    }

    [Theory, DatabaseData]
    public async Task NikEarlierInTheFile_InAnotherFamily_IsRejectedNamingIt(TestProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var thief = OtherChild.Replace("6474014405100006", "6474015708900003", StringComparison.Ordinal);

        var summary = await ImportAsync(database, Csv(Header, Head, Wife, OtherHead, thief));

        Assert.Equal((4L, 3L, 1L), (summary.Rows, summary.Accepted, summary.Rejected));
        var error = Assert.Single(Errors(summary));
        Assert.Equal((5L, "nik"), (error.Line, error.Column));
        Assert.Contains("already appears on line 3 of this file (KK 6474010101200001)", error.Reason, StringComparison.Ordinal);
    }

    [Theory, DatabaseData]
    public async Task NikAlreadyInAnotherHouseholdOfTheRegister_IsRejectedNamingIt(TestProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await ImportAsync(database, Csv(Header, Head, Wife));
        var thief = OtherChild.Replace("6474014405100006", "6474015708900003", StringComparison.Ordinal);

        var summary = await ImportAsync(database, Csv(Header, OtherHead, thief));

        var error = Assert.Single(Errors(summary));
        Assert.Equal((3L, "nik"), (error.Line, error.Column));
        Assert.Contains("already belongs to KK 6474010101200001 in the register", error.Reason, StringComparison.Ordinal);
        await using var db = database.CreateContext();
        Assert.Equal(1, await db.People.CountAsync(p => p.Nik == Nik.From("6474015708900003")));
    }

    [Theory, DatabaseData]
    public async Task NikThatDisagreesWithBirthDateAndSex_IsAcceptedWithWarnings(TestProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var mismatched = Child.Replace("2015-03-12,Anak", "2015-03-13,Anak", StringComparison.Ordinal).Replace(",L,", ",P,", StringComparison.Ordinal);

        var summary = await ImportAsync(database, Csv(Header, Head, mismatched));

        Assert.Equal((2L, 2L, 0L, 1L), (summary.Rows, summary.Accepted, summary.Rejected, summary.Warnings));
        var warning = Assert.Single(summary.WarningRows);
        Assert.Equal((3L, "6474011203150004", "Andi Santoso"), (warning.Line, warning.Nik, warning.Name));
        Assert.Equal(
            "NIK says born 2015-03-12, tanggal_lahir says 2015-03-13. NIK says jenis_kelamin L, the row says P.",
            warning.Text(ErrorWords.English));
        Assert.Equal(
            "Menurut NIK lahir 12-03-2015, menurut tanggal_lahir 13-03-2015. Menurut NIK jenis_kelamin L, menurut baris ini P.",
            warning.Text(ErrorWords.Indonesian));
    }

    [Theory, DatabaseData]
    public async Task UnknownNikRegionPrefix_IsOnlyAWarning(TestProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var oldCode = Child.Replace("6474011203150004", "9901011203150004", StringComparison.Ordinal);

        var summary = await ImportAsync(database, Csv(Header, Head, oldCode));

        Assert.Equal((2L, 0L, 1L), (summary.Accepted, summary.Rejected, summary.Warnings));
        Assert.StartsWith("NIK: Awalan wilayah 99.01.01 bukan kecamatan", Assert.Single(summary.WarningRows).Text(ErrorWords.Indonesian), StringComparison.Ordinal);
    }

    [Theory, DatabaseData]
    public async Task SameFileTwice_ChangesNothing(TestProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var file = Csv(Header, Head, Wife, Child, OtherHead, OtherChild);
        await ImportAsync(database, file);

        var again = await ImportAsync(database, file);

        Assert.Equal(new(0, 0, 2), again.Households);
        Assert.Equal(new(0, 0, 5), again.Members);
        await using var db = database.CreateContext();
        Assert.Equal(0, await db.HouseholdChanges.CountAsync());
    }

    [Theory, DatabaseData]
    public async Task ChangedValues_UpdateTheRecord_AndTheHistoryShowsOldNewSourceAndTime(TestProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await ImportAsync(database, Csv(Header, Head, Wife, Child), source: "P3KE-2024");
        var movedAndRenamed = Head.Replace("Jl. Pelabuhan 3,322170", "Jl. Baru 1,350000", StringComparison.Ordinal);
        var wifeRenamed = Wife.Replace("Siti Aminah", "Siti Aminah Rahman", StringComparison.Ordinal);
        var later = Now.AddDays(30);

        var summary = await ImportAsync(database, Csv(Header, movedAndRenamed, wifeRenamed, Child), source: "DTKS-2025", now: later);

        Assert.Equal(new(0, 1, 0), summary.Households);
        Assert.Equal(new(0, 1, 2), summary.Members);
        await using var db = database.CreateContext();
        var changes = await db.HouseholdChanges.OrderBy(c => c.Field).ToListAsync();
        Assert.Equal(
            [("alamat", "Jl. Pelabuhan 3", "Jl. Baru 1", (string?)null), ("nama", "Siti Aminah", "Siti Aminah Rahman", "6474015708900003"), ("pengeluaran_kapita", "322170", "350000", null), ("sumber_desil", "P3KE-2024", "DTKS-2025", null)],
            changes.Select(c => (c.Field, c.OldValue, c.NewValue, c.Nik)).ToList());
        Assert.All(changes, c => Assert.Equal(("DTKS-2025", later.UtcDateTime), (c.Source, c.RecordedAt)));
        var household = await db.Households.SingleAsync(h => h.NoKk == NomorKk.From("6474010101200001"));
        Assert.Equal(("Jl. Baru 1", 350000L, later.UtcDateTime), (household.Address, household.SpendingPerCapita!.Value, household.UpdatedAt));
    }

    [Theory, DatabaseData]
    public async Task HeadSwap_IsAnUpdate_NotTwoHeads(TestProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await ImportAsync(database, Csv(Header, Head, Wife));
        var budiNowHusband = Head.Replace("Kepala Keluarga", "Suami", StringComparison.Ordinal);
        var sitiNowHead = Wife.Replace("Istri", "Kepala Keluarga", StringComparison.Ordinal).Replace(",,,", ",Jl. Pelabuhan 3,322170,1", StringComparison.Ordinal);

        var summary = await ImportAsync(database, Csv(Header, budiNowHusband, sitiNowHead));

        Assert.Equal(0L, summary.Rejected);
        Assert.Equal(new(0, 2, 0), summary.Members);
        await using var db = database.CreateContext();
        var head = await db.People.SingleAsync(p => p.Relation == FamilyRelation.KepalaKeluarga);
        Assert.Equal("Siti Aminah", head.Name);
    }

    [Theory, DatabaseData]
    public async Task RegisteredHeadMissingFromTheFile_HoldsTheFamilyBack(TestProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await ImportAsync(database, Csv(Header, Head, Wife));
        var sitiNowHead = Wife.Replace("Istri", "Kepala Keluarga", StringComparison.Ordinal);

        var summary = await ImportAsync(database, Csv(Header, sitiNowHead));

        var error = Assert.Single(Errors(summary));
        Assert.Contains("already has Kepala Keluarga NIK 6474011708850002 in the register", error.Reason, StringComparison.Ordinal);
    }

    [Theory, DatabaseData]
    public async Task DryRun_ReportsWhatARealRunWould_AndWritesNothing(TestProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var file = Csv(Header, Head, Wife, Child.Replace(",L,", ",X,", StringComparison.Ordinal), OtherHead);

        var dry = await ImportAsync(database, file, dryRun: true);
        await using (var db = database.CreateContext())
        {
            Assert.Equal(0, await db.Households.CountAsync());
            Assert.Equal(0, await db.ImportBatches.CountAsync());
            Assert.Equal(0, await db.ImportRejectedRows.CountAsync());
        }

        var real = await ImportAsync(database, file);

        Assert.Equal(real with { DryRun = true, BatchId = null }, dry);
    }

    [Theory, DatabaseData]
    public async Task RejectedRows_AreKeptInTheQuarantine_OnceEach(TestProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var badChild = Child.Replace("2015-03-12", "2099-01-01", StringComparison.Ordinal);
        var file = Csv(Header, Head, badChild);

        await ImportAsync(database, file);
        await ImportAsync(database, file);

        await using var db = database.CreateContext();
        var kept = Assert.Single(await db.ImportRejectedRows.ToListAsync());
        Assert.Equal((3L, "tanggal_lahir", badChild, "64.74.01.1001"), (kept.Line, kept.Column, kept.Original, kept.VillageCode));
        Assert.Equal("tanggal_lahir 2099-01-01 is in the future.", kept.ReasonText(ErrorWords.English));
        Assert.Equal("tanggal_lahir 01-01-2099 ada di masa depan.", kept.ReasonText(ErrorWords.Indonesian));
        Assert.DoesNotContain("future", kept.Reason, StringComparison.Ordinal); // stored without words
        Assert.Equal(2, await db.ImportBatches.CountAsync());
    }

    [Theory, DatabaseData]
    public async Task RowOutsideTheImportersRegion_IsRejectedWithThatReason(TestProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var operatorOfBontangKuala = new Tuntas.Domain.Access.RegionScope(Tuntas.Domain.Regions.RegionCode.From("64.74.01.1001"));

        var summary = await ImportAsync(database, Csv(Header, Head, OtherHead, OtherChild), scope: operatorOfBontangKuala);

        Assert.Equal((1L, 2L), (summary.Accepted, summary.Rejected));
        Assert.Contains("outside your region (64.74.01.1001)", Errors(summary)[0].Reason, StringComparison.Ordinal);
    }

    [Theory, DatabaseData]
    public async Task CorrectedRow_ImportedAgain_LeavesTheQuarantine(TestProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await ImportAsync(database, Csv(Header, Head, Child.Replace("2015-03-12", "2099-01-01", StringComparison.Ordinal)));

        var corrected = await ImportAsync(database, Csv(Header, Head, Child));

        Assert.Equal(new(0, 0, 1), corrected.Households);
        Assert.Equal(new(1, 0, 1), corrected.Members);
        await using var db = database.CreateContext();
        var row = await db.ImportRejectedRows.SingleAsync();
        Assert.NotNull(row.ResolvedAt);
    }
}
