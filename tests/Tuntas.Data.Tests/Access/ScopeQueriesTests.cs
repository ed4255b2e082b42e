using Microsoft.EntityFrameworkCore;
using Tuntas.Data.Access;
using Tuntas.Data.Registry;
using Tuntas.Domain.Access;
using Tuntas.Domain.Regions;
using Tuntas.Domain.Registry;
using Tuntas.Testing;

namespace Tuntas.Data.Tests.Access;

public class ScopeQueriesTests
{
    private static async Task<TestDatabase> ThreeFamiliesAsync(TestProvider provider)
    {
        var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.CreateContext();
        db.Households.AddRange(Families.ThreeFamilies());
        await db.SaveChangesAsync();
        return database;
    }

    [Theory, DatabaseData]
    public async Task InScope_EachLevel_SeesItsDescendantsOnly(TestProvider provider)
    {
        await using var database = await ThreeFamiliesAsync(provider);
        await using var db = database.CreateContext();

        async Task<int> Count(string? scope) =>
            await db.Households.InScope(new RegionScope(scope is null ? null : RegionCode.From(scope))).CountAsync();

        Assert.Equal(3, await Count(null));
        Assert.Equal(3, await Count("64"));
        Assert.Equal(2, await Count("64.74"));
        Assert.Equal(2, await Count("64.74.01"));
        Assert.Equal(1, await Count("64.74.01.1001"));
        Assert.Equal(0, await Count("64.74.02"));
        Assert.Equal(1, await Count("64.08"));
    }

    [Theory, DatabaseData]
    public async Task FindHousehold_OutsideScope_IsNull(TestProvider provider)
    {
        await using var database = await ThreeFamiliesAsync(provider);
        await using var db = database.CreateContext();
        var queries = new RegisterQueries(db);
        var bontangKuala = new RegionScope(RegionCode.From("64.74.01.1001"));

        Assert.NotNull(await queries.FindHouseholdAsync(bontangKuala, NomorKk.From("6474010101200001")));
        Assert.Null(await queries.FindHouseholdAsync(bontangKuala, NomorKk.From("6474010101200002")));
    }

    [Theory, DatabaseData]
    public async Task ListHouseholds_SearchByNameNikAndNoKk_StaysInScope(TestProvider provider)
    {
        await using var database = await ThreeFamiliesAsync(provider);
        await using var db = database.CreateContext();
        var queries = new RegisterQueries(db);
        var bontang = new RegionScope(RegionCode.From("64.74"));

        async Task<IReadOnlyList<string>> Search(RegionScope scope, string text) =>
            (await queries.ListHouseholdsAsync(scope, new HouseholdFilter(Search: text), 1, 50)).Items.Select(i => i.NoKk.Value).ToList();

        Assert.Equal(["6474010101200002"], await Search(bontang, "siti"));
        Assert.Equal(["6474010101200002"], await Search(bontang, "6474015708900004"));
        Assert.Equal(["6474010101200001"], await Search(bontang, "6474 0101 0120 0001"));
        Assert.Empty(await Search(bontang, "Rahmat"));
        Assert.Equal(["6408010101200003"], await Search(RegionScope.National, "rahmat"));
        Assert.Empty(await Search(bontang, "100%_'; DROP TABLE \"People\";--"));
    }

    [Theory, DatabaseData]
    public async Task ListHouseholds_SearchByName_MatchesWholeWordsOnly_NotAFragment(TestProvider provider)
    {
        await using var database = await ThreeFamiliesAsync(provider);
        await using var db = database.CreateContext();
        var queries = new RegisterQueries(db);
        var bontang = new RegionScope(RegionCode.From("64.74"));

        async Task<IReadOnlyList<string>> Search(string text) =>
            (await queries.ListHouseholdsAsync(bontang, new HouseholdFilter(Search: text), 1, 50)).Items.Select(i => i.NoKk.Value).ToList();

        // "Budi Santoso" heads 6474010101200001; a fragment of his name finds nothing.
        Assert.Equal(["6474010101200001"], await Search("santoso"));
        Assert.Equal(["6474010101200001"], await Search("  BUDI   santoso "));
        Assert.Empty(await Search("bud"));
        Assert.Empty(await Search("ant"));
        Assert.Empty(await Search("udi santos"));
        // A No. KK or NIK only whole: its first digits find nothing.
        Assert.Empty(await Search("64740101"));
        Assert.Empty(await Search("647401170885000"));
    }

    [Theory, DatabaseData]
    public async Task ChildrenWithCounts_CountsHouseholdsAndPeopleBelowEachChild(TestProvider provider)
    {
        await using var database = await ThreeFamiliesAsync(provider);
        await using var db = database.CreateContext();
        var queries = new RegisterQueries(db);

        var kaltim = await queries.ChildrenWithCountsAsync(RegionScope.National, RegionCode.From("64"));
        var bontangForOperator = await queries.ChildrenWithCountsAsync(new RegionScope(RegionCode.From("64.74.01.1001")), RegionCode.From("64.74.01"));

        Assert.Equal((2, 3), (kaltim.Single(r => r.Code.Value == "64.74").Households, kaltim.Single(r => r.Code.Value == "64.74").People));
        Assert.Equal((1, 1), (kaltim.Single(r => r.Code.Value == "64.08").Households, kaltim.Single(r => r.Code.Value == "64.08").People));
        Assert.Equal(0, kaltim.Single(r => r.Code.Value == "64.72").Households);
        var onlyOwnVillage = Assert.Single(bontangForOperator);
        Assert.Equal(("64.74.01.1001", 1), (onlyOwnVillage.Code.Value, onlyOwnVillage.Households));
    }
}
