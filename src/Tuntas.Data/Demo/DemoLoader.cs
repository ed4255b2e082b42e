using Microsoft.EntityFrameworkCore;
using Tuntas.Data.Access;
using Tuntas.Data.Synthetic;
using Tuntas.Domain.Access;
using Tuntas.Domain.Regions;

namespace Tuntas.Data.Demo;

/// <summary>A demo account: sign in with it to see the sample.</summary>
public sealed record DemoAccount(string UserName, string Role, string? Region, string Description);

public sealed record DemoResult(int HouseholdsAdded, int PeopleAdded, IReadOnlyList<DemoAccount> Accounts, string Password);

/// <summary>
/// Loads a small made-up sample (families in Kota Bontang and Kabupaten Kutai Timur) and one demo
/// account per role. Loading again adds nothing.
/// </summary>
public sealed class DemoLoader(TuntasDbContext db, UserAccounts accounts, TimeProvider time)
{
    /// <summary>The shared password of the demo accounts; they exist only in demo databases.</summary>
    public const string DemoPassword = "tuntas-demo-2025";

    public static readonly IReadOnlyList<DemoAccount> Accounts =
    [
        new("admin", "admin", null, "Administrator, seluruh Indonesia"),
        new("dinsos.bontang", "verifier", "64.74", "Verifikator Dinas Sosial Kota Bontang"),
        new("operator.bontangkuala", "operator", "64.74.01.1001", "Operator Kelurahan Bontang Kuala"),
        new("pendamping.muaraancalong", "facilitator", "64.08.01", "Pendamping Kecamatan Muara Ancalong"),
        new("bappeda.kutim", "analyst", "64.08", "Analis Bappeda Kutai Timur (NIK disamarkan)"),
        new("bappeda.kaltim", "province", "64", "Bappeda Provinsi Kalimantan Timur"),
    ];

    public async Task<DemoResult> LoadAsync(int seed, CancellationToken ct = default)
    {
        var now = time.GetUtcNow().UtcDateTime;
        int households = 0, people = 0;
        if (!await db.Households.AnyAsync(ct))
        {
            var sample = new SampleHouseholds(seed, DateOnly.FromDateTime(now));
            var created = sample.Create(await VillagesOfAsync(RegionCode.From("64.74"), ct), 12, now)
                .Concat(sample.Create(await VillagesOfAsync(RegionCode.From("64.08"), ct), 3, now))
                .ToList();
            db.Households.AddRange(created);
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
            households = created.Count;
            people = created.Sum(h => h.Members.Count);
        }

        foreach (var account in Accounts)
        {
            var region = account.Region is null ? null : RegionCode.From(account.Region);
            var (_, errors) = await accounts.CreateAsync(account.UserName, Roles.ParseWire(account.Role)!.Value, region, DemoPassword, ct);
            if (errors.Count > 0 && !errors.Any(e => e.Contains("already exists", StringComparison.Ordinal)))
            {
                throw new InvalidOperationException($"Demo account {account.UserName}: {string.Join(" ", errors)}");
            }
        }

        return new DemoResult(households, people, Accounts, DemoPassword);
    }

    /// <summary>The villages of a regency, in code order: its districts' children.</summary>
    private async Task<List<RegionCode>> VillagesOfAsync(RegionCode regency, CancellationToken ct)
    {
        var districts = await db.Regions.AsNoTracking().Where(r => r.ParentCode == regency).Select(r => r.Code).ToListAsync(ct);
        var villages = await db.Regions.AsNoTracking().Where(r => r.ParentCode != null && districts.Contains(r.ParentCode)).Select(r => r.Code).ToListAsync(ct);
        return villages.Order().ToList();
    }
}
