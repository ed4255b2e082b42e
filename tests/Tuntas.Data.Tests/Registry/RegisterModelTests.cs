using Microsoft.EntityFrameworkCore;
using Tuntas.Domain.Registry;
using Tuntas.Testing;

namespace Tuntas.Data.Tests.Registry;

public class RegisterModelTests
{
    private static readonly DateTime Now = Families.Now;

    private static Household Family(string noKk, string village, params (string Nik, string Name, FamilyRelation Relation)[] members) =>
        Families.Family(noKk, village, members);

    [Theory, DatabaseData]
    public async Task Household_RoundTrips_WithMembersAndValueTypes(TestProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using (var db = database.CreateContext())
        {
            var household = Family("6474010101200001", "6474011001",
                ("6474011708850002", "Budi Santoso", FamilyRelation.KepalaKeluarga),
                ("6474015708900003", "Siti Aminah", FamilyRelation.Istri));
            household.Address = "Jl. Pelabuhan No. 3";
            household.SetSpendingPerCapita(322170);
            household.SetDesil(1, "P3KE", "2024");
            db.Households.Add(household);
            await db.SaveChangesAsync();
        }

        await using var read = database.CreateContext();
        var loaded = await read.Households.Include(h => h.Members).SingleAsync(h => h.NoKk == NomorKk.From("6474010101200001"));

        Assert.Equal("64.74.01.1001", loaded.VillageCode.Value);
        Assert.Equal("64.74", loaded.RegencyCode.Value);
        Assert.Equal(322170, loaded.SpendingPerCapita);
        Assert.Equal((1, "P3KE", "2024"), (loaded.Desil!.Value, loaded.DesilSource, loaded.DesilPeriod));
        Assert.Equal(DateTimeKind.Utc, loaded.CreatedAt.Kind);
        Assert.Equal(Now, loaded.CreatedAt);
        Assert.Equal("Budi Santoso", loaded.Head!.Name);
        Assert.Equal(new DateOnly(1990, 8, 17), loaded.Members.Single(m => m.Relation == FamilyRelation.Istri).BirthDate);
    }

    [Theory, DatabaseData]
    public async Task Nik_InTwoHouseholds_IsRefusedByTheDatabase(TestProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using (var db = database.CreateContext())
        {
            db.Households.Add(Family("6474010101200001", "6474011001", ("6474011708850002", "Budi", FamilyRelation.KepalaKeluarga)));
            await db.SaveChangesAsync();
        }

        await using var second = database.CreateContext();
        second.Households.Add(Family("6474010101200002", "6474011002", ("6474011708850002", "Budi", FamilyRelation.KepalaKeluarga)));

        await Assert.ThrowsAsync<DbUpdateException>(() => second.SaveChangesAsync());
        await using var check = database.CreateContext();
        Assert.Equal(1, await check.Households.CountAsync());
    }

    [Theory, DatabaseData]
    public async Task NoKk_Twice_IsRefusedByTheDatabase(TestProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using (var db = database.CreateContext())
        {
            db.Households.Add(Family("6474010101200001", "6474011001", ("6474011708850002", "Budi", FamilyRelation.KepalaKeluarga)));
            await db.SaveChangesAsync();
        }

        await using var second = database.CreateContext();
        second.Households.Add(Family("6474010101200001", "6474011001", ("6474011708850009", "Agus", FamilyRelation.KepalaKeluarga)));

        await Assert.ThrowsAsync<DbUpdateException>(() => second.SaveChangesAsync());
    }

    [Theory, DatabaseData]
    public async Task SecondHead_WrittenBehindTheDomainsBack_IsRefusedByTheDatabase(TestProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.CreateContext();
        db.Households.Add(Family("6474010101200001", "6474011001",
            ("6474011708850002", "Budi", FamilyRelation.KepalaKeluarga),
            ("6474011708100004", "Andi", FamilyRelation.Anak)));
        await db.SaveChangesAsync();

        // The domain refuses a second head; the partial unique index is the last line of defence.
        var child = await db.People.SingleAsync(p => p.Nik == Nik.From("6474011708100004"));
        child.Relation = FamilyRelation.KepalaKeluarga;

        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
    }

    [Theory, DatabaseData]
    public async Task Household_InUnknownVillage_IsRefusedByTheDatabase(TestProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.CreateContext();
        db.Households.Add(Family("6474010101200001", "6474019999", ("6474011708850002", "Budi", FamilyRelation.KepalaKeluarga)));

        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
    }
}
