using System.Diagnostics.CodeAnalysis;
using Tuntas.Domain.Common;
using Tuntas.Domain.Regions;

namespace Tuntas.Domain.Registry;

/// <summary>
/// A family as on its Kartu Keluarga, living in one desa/kelurahan. The aggregate root of the register:
/// members are added through it so that its rules hold (exactly one head, a NIK once per family).
/// </summary>
public sealed class Household
{
    private readonly List<Person> _members = [];

    public Household(NomorKk noKk, RegionCode villageCode, DateTime nowUtc)
    {
        NoKk = noKk;
        MoveTo(villageCode);
        Status = HouseholdStatus.Registered;
        CreatedAt = UpdatedAt = EnsureUtc(nowUtc);
    }

    // For EF Core materialisation.
    private Household()
    {
        NoKk = null!;
        VillageCode = DistrictCode = RegencyCode = ProvinceCode = null!;
    }

    public long Id { get; private set; }

    public NomorKk NoKk { get; private set; }

    /// <summary>The desa/kelurahan the family lives in.</summary>
    public RegionCode VillageCode { get; private set; }

    // The ancestors of the village are kept on the row so that a region-scope filter is an
    // indexed equality at every level, on every database.
    public RegionCode DistrictCode { get; private set; }

    public RegionCode RegencyCode { get; private set; }

    public RegionCode ProvinceCode { get; private set; }

    public string? Address { get; set; }

    /// <summary>Monthly household spending per person, whole rupiah.</summary>
    public long? SpendingPerCapita { get; private set; }

    /// <summary>Welfare decile 1–10 from a national ranking; never stored without its source and period.</summary>
    public int? Desil { get; private set; }

    /// <summary>Where the desil comes from: P3KE, DTKS, DTSEN.</summary>
    public string? DesilSource { get; private set; }

    /// <summary>The period of that ranking, e.g. <c>2024</c> or <c>2024-S1</c>.</summary>
    public string? DesilPeriod { get; private set; }

    public HouseholdStatus Status { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public DateTime UpdatedAt { get; private set; }

    public IReadOnlyList<Person> Members => _members;

    public Person? Head => _members.FirstOrDefault(m => m.Relation == FamilyRelation.KepalaKeluarga);

    [MemberNotNull(nameof(VillageCode), nameof(DistrictCode), nameof(RegencyCode), nameof(ProvinceCode))]
    public void MoveTo(RegionCode villageCode)
    {
        if (villageCode.Level != RegionLevel.Village)
        {
            throw new DomainException($"A household lives in a desa/kelurahan; {villageCode.Value} is a {villageCode.Level.ToIndonesian().ToLowerInvariant()} code.");
        }

        VillageCode = villageCode;
        DistrictCode = villageCode.AtLevel(RegionLevel.District)!;
        RegencyCode = villageCode.AtLevel(RegionLevel.Regency)!;
        ProvinceCode = villageCode.AtLevel(RegionLevel.Province)!;
    }

    public void SetSpendingPerCapita(long? rupiah)
    {
        if (rupiah is < 0)
        {
            throw new DomainException("Spending per person cannot be negative.");
        }

        SpendingPerCapita = rupiah;
    }

    public void SetDesil(int? desil, string? source, string? period)
    {
        if (desil is null)
        {
            Desil = null;
            DesilSource = DesilPeriod = null;
            return;
        }

        if (desil is < 1 or > 10)
        {
            throw new DomainException($"Desil must be between 1 and 10; got {desil}.");
        }

        if (string.IsNullOrWhiteSpace(source) || string.IsNullOrWhiteSpace(period))
        {
            throw new DomainException("A desil is stored only with its source (P3KE, DTKS, DTSEN) and period.");
        }

        Desil = desil;
        DesilSource = source.Trim();
        DesilPeriod = period.Trim();
    }

    /// <summary>Adds a member, keeping the family's rules: one head, and a NIK only once.</summary>
    public Person AddMember(Nik nik, string name, Sex sex, DateOnly birthDate, FamilyRelation relation, DateTime nowUtc)
    {
        if (_members.Any(m => m.Nik == nik))
        {
            throw new DomainException($"NIK {nik.Value} is already a member of KK {NoKk.Value}.");
        }

        if (relation == FamilyRelation.KepalaKeluarga && Head is { } head)
        {
            throw new DomainException($"KK {NoKk.Value} already has a Kepala Keluarga ({head.Name}); a family has exactly one.");
        }

        var person = new Person(nik, name, sex, birthDate, relation, nowUtc);
        _members.Add(person);
        Touch(nowUtc);
        return person;
    }

    /// <summary>Checks the rule that can only be judged on the whole family: exactly one head.</summary>
    public string? CheckComplete() => _members.Count(m => m.Relation == FamilyRelation.KepalaKeluarga) switch
    {
        1 => null,
        0 => $"KK {NoKk.Value} has no Kepala Keluarga; every family needs exactly one.",
        var n => $"KK {NoKk.Value} has {n} Kepala Keluarga rows; every family needs exactly one.",
    };

    public void Touch(DateTime nowUtc) => UpdatedAt = EnsureUtc(nowUtc);

    internal static DateTime EnsureUtc(DateTime value) =>
        value.Kind == DateTimeKind.Utc ? value : throw new ArgumentException("Times are stored in UTC.", nameof(value));
}
