using Microsoft.EntityFrameworkCore;
using Tuntas.Data.Database;
using Tuntas.Domain.Regions;
using Tuntas.Testing;

namespace Tuntas.Data.Tests.Regions;

public class RegionLoaderTests
{
    [Theory, DatabaseData]
    public async Task Init_LoadsAllKemendagriRegions(TestProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.CreateContext();

        var byLevel = await db.Regions.GroupBy(r => r.Level).Select(g => new { Level = g.Key, Count = g.Count() }).ToListAsync();

        Assert.Equal(38, byLevel.Single(l => l.Level == RegionLevel.Province).Count);
        Assert.Equal(514, byLevel.Single(l => l.Level == RegionLevel.Regency).Count);
        Assert.Equal(7285, byLevel.Single(l => l.Level == RegionLevel.District).Count);
        Assert.Equal(83762, byLevel.Single(l => l.Level == RegionLevel.Village).Count);
    }

    [Theory, DatabaseData]
    public async Task Init_SecondRun_ChangesNothing(TestProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);

        var again = await DatabaseInitializer.InitializeAsync(database.Uri);

        Assert.Empty(again.MigrationsApplied);
        Assert.Equal(0, again.Regions.Inserted);
        Assert.Equal(0, again.Regions.Updated);
        Assert.Equal(91599, again.Regions.Unchanged);
    }

    [Theory, DatabaseData]
    public async Task Init_RenamedRegion_IsRenamedBack(TestProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using (var db = database.CreateContext())
        {
            var bontang = await db.Regions.SingleAsync(r => r.Code == RegionCode.From("64.74"));
            bontang.Rename("Kota Lama");
            await db.SaveChangesAsync();
        }

        var result = await DatabaseInitializer.InitializeAsync(database.Uri);

        Assert.Equal(1, result.Regions.Updated);
        await using var check = database.CreateContext();
        Assert.Equal("Kota Bontang", (await check.Regions.SingleAsync(r => r.Code == RegionCode.From("64.74"))).Name);
    }

    [Theory, DatabaseData]
    public async Task Regions_ChildrenOfKaltimAndBontang_AreTheKnownOnes(TestProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.CreateContext();
        var kaltim = RegionCode.From("64");
        var bontang = RegionCode.From("64.74");
        var bontangUtara = RegionCode.From("64.74.01");

        var regencies = await db.Regions.Where(r => r.ParentCode == kaltim).OrderBy(r => r.Code).Select(r => r.Name).ToListAsync();
        var districts = await db.Regions.Where(r => r.ParentCode == bontang).OrderBy(r => r.Code).Select(r => r.Name).ToListAsync();
        var villages = await db.Regions.Where(r => r.ParentCode == bontangUtara).CountAsync();

        Assert.Equal(10, regencies.Count);
        Assert.Contains("Kabupaten Kutai Timur", regencies);
        Assert.Equal(["Bontang Utara", "Bontang Selatan", "Bontang Barat"], districts);
        Assert.Equal(6, villages);
    }
}
