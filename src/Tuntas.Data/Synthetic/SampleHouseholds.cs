using System.Globalization;
using Bogus;
using Tuntas.Domain.Regions;
using Tuntas.Domain.Registry;
using Person = Tuntas.Domain.Registry.Person;

namespace Tuntas.Data.Synthetic;

/// <summary>How well off made-up families are.</summary>
public enum WelfareProfile
{
    /// <summary>The spread of a poverty list: desil 1 to 4, spending around the line.</summary>
    Mixed,

    /// <summary>Below the extreme poverty line, no desil (they qualify on spending).</summary>
    ExtremePoor,

    /// <summary>Well above the line, desil 3 to 10: never candidates.</summary>
    NotPoor,
}

/// <summary>
/// Made-up families for the villages of a region: Indonesian names, family sizes and ages that look
/// like Kalimantan Timur, NIKs consistent with birth date, sex and kecamatan. Same seed, same families.
/// </summary>
public sealed class SampleHouseholds
{
    private static readonly string[] DesilSources = ["P3KE", "DTKS", "DTSEN"];
    private static readonly string[] Jobs = ["Nelayan", "Petani", "Buruh harian lepas", "Pedagang kecil", "Tidak bekerja", "Mengurus rumah tangga"];
    private static readonly string[] Schooling = ["Tidak/belum sekolah", "SD", "SMP", "SMA", "Diploma/S1"];

    private readonly Faker _faker;

    // Schooling draws from its own stream, so adding it left every other made-up value as it was.
    private readonly Randomizer _school;
    private readonly DateOnly _today;
    private readonly HashSet<long> _usedNiks = [];
    private readonly HashSet<long> _usedKks = [];
    private int _kkSerial;

    public SampleHouseholds(int seed, DateOnly today)
    {
        _faker = new Faker("id_ID") { Random = new Randomizer(seed) };
        _school = new Randomizer(unchecked(seed * 31 + 7919));
        _today = today;
    }

    /// <summary>Creates <paramref name="perVillage"/> families in each of the given villages.</summary>
    public IEnumerable<Household> Create(IEnumerable<RegionCode> villages, int perVillage, DateTime nowUtc, WelfareProfile profile = WelfareProfile.Mixed)
    {
        foreach (var village in villages)
        {
            for (var i = 0; i < perVillage; i++)
            {
                yield return CreateOne(village, nowUtc, profile);
            }
        }
    }

    /// <summary>One made-up family in a village.</summary>
    public Household CreateOne(RegionCode village, DateTime nowUtc, WelfareProfile profile = WelfareProfile.Mixed)
    {
        var f = _faker;
        var district = village.AtLevel(RegionLevel.District)!;
        NomorKk noKk;
        do
        {
            var issued = _today.AddDays(-f.Random.Int(30, 3650));
            noKk = NomorKk.From(string.Concat(
                district.Digits,
                issued.ToString("ddMMyy", CultureInfo.InvariantCulture),
                (++_kkSerial % 10000).ToString("0000", CultureInfo.InvariantCulture)));
        }
        while (!_usedKks.Add(long.Parse(noKk.Value, CultureInfo.InvariantCulture)));

        var household = new Household(noKk, village, nowUtc)
        {
            Address = $"{f.Address.StreetName()} No. {f.Random.Int(1, 120)}, RT {f.Random.Int(1, 40):00}",
        };
        switch (profile)
        {
            case WelfareProfile.ExtremePoor:
                household.SetSpendingPerCapita(f.Random.Int(190, 315) * 1000L);
                break;
            case WelfareProfile.NotPoor:
                household.SetSpendingPerCapita(f.Random.Int(450, 1500) * 1000L);
                household.SetDesil(f.Random.Int(3, 10), f.PickRandom(DesilSources), "2024");
                break;
            default:
                household.SetSpendingPerCapita(f.Random.Int(180, 700) * 1000L);
                household.SetDesil(f.Random.WeightedRandom([1, 2, 3, 4], [0.35f, 0.3f, 0.2f, 0.15f]), f.PickRandom(DesilSources), "2024");
                break;
        }

        var headIsWoman = f.Random.Bool(0.15f);
        var headAge = f.Random.Int(24, 72);
        var head = AddPerson(household, district, headIsWoman ? Sex.Female : Sex.Male, headAge, FamilyRelation.KepalaKeluarga, nowUtc);
        head.Occupation = f.PickRandom(Jobs);
        head.Education = f.PickRandom(Schooling);

        if (!headIsWoman && f.Random.Bool(0.85f))
        {
            var wife = AddPerson(household, district, Sex.Female, Math.Max(18, headAge - f.Random.Int(0, 8)), FamilyRelation.Istri, nowUtc);
            wife.Occupation = "Mengurus rumah tangga";
        }

        var children = f.Random.WeightedRandom([0, 1, 2, 3, 4, 5], [0.1f, 0.2f, 0.3f, 0.2f, 0.12f, 0.08f]);
        for (var c = 0; c < children; c++)
        {
            var age = Math.Max(0, Math.Min(headAge - 18, f.Random.Int(0, 25)));
            var child = AddPerson(household, district, f.Random.Bool() ? Sex.Male : Sex.Female, age, FamilyRelation.Anak, nowUtc);
            child.Education = SchoolingAt(age, profile);
        }

        if (f.Random.Bool(0.12f))
        {
            AddPerson(household, district, f.Random.Bool() ? Sex.Male : Sex.Female, Math.Min(95, headAge + f.Random.Int(20, 30)), FamilyRelation.OrangTua, nowUtc);
        }

        foreach (var member in household.Members)
        {
            member.HealthInsurance = f.Random.Bool(0.7f) ? "PBI-JK" : "Tidak ada";
        }

        return household;
    }

    /// <summary>What a child's schooling looks like at an age; poorer families lose more children from school.</summary>
    private string? SchoolingAt(int age, WelfareProfile profile)
    {
        if (age < 7)
        {
            return age < 5 ? null : "Tidak/belum sekolah";
        }

        var dropout = profile switch { WelfareProfile.ExtremePoor => 0.12f, WelfareProfile.NotPoor => 0.01f, _ => 0.06f };
        if (age <= 18 && _school.Bool(dropout))
        {
            return _school.Bool(0.6f) ? "Putus sekolah" : "Tidak sekolah";
        }

        return age switch { <= 12 => "SD", <= 15 => "SMP", <= 18 => "SMA", _ => _school.Bool(0.2f) ? "Diploma/S1" : "SMA" };
    }

    private Person AddPerson(Household household, RegionCode district, Sex sex, int age, FamilyRelation relation, DateTime nowUtc)
    {
        var f = _faker;
        var birth = _today.AddYears(-age).AddDays(-f.Random.Int(0, 364));
        var gender = sex == Sex.Male ? Bogus.DataSets.Name.Gender.Male : Bogus.DataSets.Name.Gender.Female;
        var name = $"{f.Name.FirstName(gender)} {f.Name.LastName(gender)}";
        Nik nik;
        do
        {
            var day = birth.Day + (sex == Sex.Female ? 40 : 0);
            nik = Nik.From(string.Concat(
                district.Digits,
                day.ToString("00", CultureInfo.InvariantCulture),
                birth.ToString("MMyy", CultureInfo.InvariantCulture),
                f.Random.Int(1, 9999).ToString("0000", CultureInfo.InvariantCulture)));
        }
        while (!_usedNiks.Add(long.Parse(nik.Value, CultureInfo.InvariantCulture)));

        return household.AddMember(nik, name, sex, birth, relation, nowUtc);
    }
}
