using Microsoft.EntityFrameworkCore;
using Tuntas.Data.Audit;
using Tuntas.Domain.Registry;
using Tuntas.Testing;

namespace Tuntas.Data.Tests.Import;

/// <summary>An import classifies the households it touched at once, in its own transaction, and is audited.</summary>
public class ImportClassificationTests
{
    [Theory, DatabaseData]
    public async Task Import_ListsNewCandidatesOnce_AndRecordsItInTheAuditTrail(TestProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var file = ImportKit.Csv(ImportKit.Header, ImportKit.Head, ImportKit.Wife, ImportKit.Child, ImportKit.OtherHead, ImportKit.OtherChild);

        await ImportKit.ImportAsync(database, file);
        await ImportKit.ImportAsync(database, file);

        await using var db = database.CreateContext();
        var poor = await db.Households.SingleAsync(h => h.NoKk == NomorKk.From("6474010101200001"));
        var other = await db.Households.SingleAsync(h => h.NoKk == NomorKk.From("6474010101200002"));

        // Desil 1 (from the import's source) makes the first family a candidate; the second, desil 2
        // and spending above the line, is not, and keeps no stored explanation.
        Assert.Equal(HouseholdStatus.Listed, poor.Status);
        Assert.True(poor.IsCandidate);
        Assert.Contains("\"rule\":\"desil\",\"met\":true", poor.ClassificationJson, StringComparison.Ordinal);
        Assert.Equal(HouseholdStatus.Registered, other.Status);
        Assert.False(other.IsCandidate);
        Assert.Null(other.ClassificationJson);

        var events = await db.StatusEvents.Where(e => e.HouseholdId == poor.Id).ToListAsync();
        var listed = Assert.Single(events);
        Assert.Equal((HouseholdStatus.Registered, HouseholdStatus.Listed), (listed.From, listed.To));
        Assert.Equal(new DateOnly(2026, 11, 22), listed.EffectiveDate);
        Assert.Equal("sistem:klasifikasi", listed.Actor);

        var actions = await db.AuditEntries.OrderBy(e => e.Sequence).Select(e => e.Action).ToListAsync();
        Assert.Equal(2, actions.Count(a => a == "import.run"));
        Assert.Equal(1, actions.Count(a => a == "household.status"));
        Assert.True((await AuditVerifier.VerifyAsync(db)).Intact);
    }

    [Theory, DatabaseData]
    public async Task Import_ThatLowersSpendingBelowTheLine_ListsTheFamily(TestProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await ImportKit.ImportAsync(database, ImportKit.Csv(ImportKit.Header, ImportKit.OtherHead, ImportKit.OtherChild));
        var poorer = ImportKit.OtherHead.Replace(",400000,2", ",250000,2", StringComparison.Ordinal);

        await ImportKit.ImportAsync(database, ImportKit.Csv(ImportKit.Header, poorer, ImportKit.OtherChild), now: ImportKit.Now.AddDays(3));

        await using var db = database.CreateContext();
        var household = await db.Households.SingleAsync();
        Assert.Equal(HouseholdStatus.Listed, household.Status);
        Assert.Equal(new DateOnly(2026, 11, 25), household.StatusSince);
        Assert.Contains("\"rule\":\"spending\",\"met\":true", household.ClassificationJson, StringComparison.Ordinal);
        Assert.True((await AuditVerifier.VerifyAsync(db)).Intact);
    }

    [Theory, DatabaseData]
    public async Task Import_OfAListedFamilyThatMoved_CountsItWhereItLivedOnEachDay(TestProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await ImportKit.ImportAsync(database, ImportKit.Csv(ImportKit.Header, ImportKit.Head, ImportKit.Wife));
        var moved = ImportKit.Head.Replace("64.74.01.1001", "64.08.01.2001", StringComparison.Ordinal);
        var wifeMoved = ImportKit.Wife.Replace("64.74.01.1001", "64.08.01.2001", StringComparison.Ordinal);

        await ImportKit.ImportAsync(database, ImportKit.Csv(ImportKit.Header, moved, wifeMoved), now: ImportKit.Now.AddDays(3));

        await using var db = database.CreateContext();
        var figures = new Tuntas.Data.Monitoring.HeadlineQuery(db);
        async Task<int?> Count(string region, int day) =>
            (await figures.ComputeAsync(Tuntas.Domain.Regions.RegionCode.From(region), new DateOnly(2026, 11, 22).AddDays(day)))!.ExtremePoor.Households;
        Assert.Equal((1, 0), (await Count("64.74", 0), await Count("64.08", 0)));
        Assert.Equal((1, 0), (await Count("64.74", 2), await Count("64.08", 2)));
        Assert.Equal((0, 1), (await Count("64.74", 3), await Count("64.08", 3)));
        Assert.Equal(1, await Count("64", 3));
        var events = await db.StatusEvents.OrderBy(e => e.Id).Select(e => new { e.From, e.To, e.Source }).ToListAsync();
        Assert.Equal(new[] { (HouseholdStatus.Registered, HouseholdStatus.Listed, "classification"), (HouseholdStatus.Listed, HouseholdStatus.Listed, "move") },
            events.Select(e => (e.From, e.To, e.Source)));
        Assert.True((await AuditVerifier.VerifyAsync(db)).Intact);
    }
}
