using System.Text.RegularExpressions;
using Tuntas.Domain.Common;

namespace Tuntas.Domain.Interventions;

/// <summary>The three national strategies for extreme poverty that a programme serves.</summary>
public enum Strategy
{
    /// <summary>Reduce the spending burden: cash and food aid, free health insurance, school aid.</summary>
    ReduceSpending = 1,

    /// <summary>Raise income: paid public works, training, business capital.</summary>
    RaiseIncome = 2,

    /// <summary>Reduce poverty pockets: housing, basic services, civil documents.</summary>
    ReducePovertyPockets = 3,
}

/// <summary>Whether a programme reaches a whole household or one person.</summary>
public enum ProgrammeUnit
{
    Household = 1,
    Person = 2,
}

public static class StrategyNames
{
    public static string ToWire(this Strategy strategy) => strategy switch
    {
        Strategy.ReduceSpending => "reduce_spending",
        Strategy.RaiseIncome => "raise_income",
        _ => "reduce_pockets",
    };

    public static string ToIndonesian(this Strategy strategy) => strategy switch
    {
        Strategy.ReduceSpending => "Mengurangi beban pengeluaran",
        Strategy.RaiseIncome => "Meningkatkan pendapatan",
        _ => "Mengurangi kantong kemiskinan",
    };

    public static string ToEnglish(this Strategy strategy) => strategy switch
    {
        Strategy.ReduceSpending => "Reduce the spending burden",
        Strategy.RaiseIncome => "Raise income",
        _ => "Reduce poverty pockets",
    };

    public static string ToWire(this ProgrammeUnit unit) => unit == ProgrammeUnit.Household ? "household" : "person";

    /// <summary>The strategy of a wire name (<c>reduce_spending</c>, <c>raise_income</c>, <c>reduce_pockets</c>), or null.</summary>
    public static Strategy? ParseStrategy(string? text) => Enum.GetValues<Strategy>().Cast<Strategy?>()
        .FirstOrDefault(s => string.Equals(s!.Value.ToWire(), text?.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>The unit of a wire name (<c>household</c>, <c>person</c>), or null.</summary>
    public static ProgrammeUnit? ParseUnit(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        "household" or "keluarga" => ProgrammeUnit.Household,
        "person" or "orang" or "individu" => ProgrammeUnit.Person,
        _ => null,
    };
}

/// <summary>
/// A programme of the catalogue (PKH, SEMBAKO, PBI-JK…): which agency owns it, which strategy it
/// serves, whom it reaches and its typical value. Administrators keep the catalogue; a region can
/// add its local programmes.
/// </summary>
public sealed partial class Programme
{
    public Programme(string code, string name, string ownerAgency, Strategy strategy, ProgrammeUnit unit, long? typicalValue, bool povertyTargeted, DateTime nowUtc, bool isLocal = false)
    {
        if (!CodePattern().IsMatch(code ?? ""))
        {
            throw new DomainException(InterventionErrors.ProgrammeCodeInvalid(code ?? ""));
        }

        CheckDetails(name, ownerAgency, typicalValue);

        Code = code!;
        Name = name.Trim();
        OwnerAgency = ownerAgency.Trim();
        Strategy = strategy;
        Unit = unit;
        TypicalValue = typicalValue;
        PovertyTargeted = povertyTargeted;
        IsLocal = isLocal;
        Active = true;
        CreatedAt = UpdatedAt = nowUtc;
    }

    // For EF Core materialisation.
    private Programme()
    {
        Code = Name = OwnerAgency = null!;
    }

    /// <summary>PKH, SEMBAKO, PBI-JK…: the key, also used in files and on the command line.</summary>
    public string Code { get; private set; }

    public string Name { get; private set; }

    public string OwnerAgency { get; private set; }

    public Strategy Strategy { get; private set; }

    public ProgrammeUnit Unit { get; private set; }

    /// <summary>What one delivery is typically worth, whole rupiah; null when it varies too much.</summary>
    public long? TypicalValue { get; private set; }

    /// <summary>Meant for poor households only: receiving it while well above the criteria is leakage.</summary>
    public bool PovertyTargeted { get; private set; }

    /// <summary>A programme of the regency or city rather than a national one.</summary>
    public bool IsLocal { get; private set; }

    public bool Active { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public DateTime UpdatedAt { get; private set; }

    public int Version { get; private set; }

    /// <summary>
    /// The highest DTSEN desil eligible for the programme (Kepmensos 79/HUK/2025: PKH 4, sembako and
    /// PBI-JK 5); null when the programme is not allocated by desil. Drives the leakage and
    /// exclusion-error figures.
    /// </summary>
    public int? EligibleDesilMax { get; private set; }

    /// <summary>The rule <see cref="EligibleDesilMax"/> comes from.</summary>
    public string? EligibilitySource { get; private set; }

    /// <summary>The regulation behind the shipped eligibility.</summary>
    public const string ShippedEligibilitySource = "Kepmensos 79/HUK/2025";

    /// <summary>The shipped eligibility by desil of a programme code, or null.</summary>
    public static int? ShippedEligibility(string code) => code switch
    {
        "PKH" => 4,
        "SEMBAKO" or "PBI-JK" => 5,
        _ => null,
    };

    /// <summary>Sets (or, with null, removes) the desil eligibility and its source.</summary>
    public void SetEligibility(int? desilMax, string? source, DateTime nowUtc)
    {
        if (desilMax is < 1 or > 10)
        {
            throw new DomainException(InterventionErrors.EligibleDesilOutOfRange());
        }

        EligibleDesilMax = desilMax;
        EligibilitySource = desilMax is null ? null : string.IsNullOrWhiteSpace(source) ? null : source.Trim();
        UpdatedAt = nowUtc;
    }

    /// <summary>An administrator's change to the programme; its code stays.</summary>
    public void Update(string name, string ownerAgency, Strategy strategy, ProgrammeUnit unit, long? typicalValue, bool povertyTargeted, bool active, DateTime nowUtc)
    {
        CheckDetails(name, ownerAgency, typicalValue);

        Name = name.Trim();
        OwnerAgency = ownerAgency.Trim();
        Strategy = strategy;
        Unit = unit;
        TypicalValue = typicalValue;
        PovertyTargeted = povertyTargeted;
        Active = active;
        UpdatedAt = nowUtc;
        Version++;
    }

    private static void CheckDetails(string name, string ownerAgency, long? typicalValue)
    {
        if (string.IsNullOrWhiteSpace(name) || string.IsNullOrWhiteSpace(ownerAgency))
        {
            throw new DomainException(InterventionErrors.ProgrammeWithoutNameOrAgency());
        }

        if (typicalValue is < 0)
        {
            throw new DomainException(InterventionErrors.NegativeTypicalValue());
        }
    }

    /// <summary>The catalogue shipped with Tuntas; administrators can change it.</summary>
    public static IReadOnlyList<Programme> Seed(DateTime nowUtc)
    {
        var all = Catalogue(nowUtc);
        foreach (var p in all)
        {
            if (ShippedEligibility(p.Code) is { } max)
            {
                p.SetEligibility(max, ShippedEligibilitySource, nowUtc);
            }
        }

        return all;
    }

    private static IReadOnlyList<Programme> Catalogue(DateTime nowUtc) =>
    [
        new("PKH", "Program Keluarga Harapan", "Dinas Sosial (Kementerian Sosial)", Strategy.ReduceSpending, ProgrammeUnit.Household, 750_000, true, nowUtc),
        new("SEMBAKO", "Bantuan Sembako (BPNT)", "Dinas Sosial (Kementerian Sosial)", Strategy.ReduceSpending, ProgrammeUnit.Household, 200_000, true, nowUtc),
        new("PBI-JK", "Penerima Bantuan Iuran Jaminan Kesehatan", "Dinas Kesehatan / BPJS Kesehatan", Strategy.ReduceSpending, ProgrammeUnit.Person, 42_000, true, nowUtc),
        new("PIP", "Program Indonesia Pintar", "Dinas Pendidikan", Strategy.ReduceSpending, ProgrammeUnit.Person, 450_000, true, nowUtc),
        new("PADAT-KARYA", "Padat Karya", "Disnakertrans", Strategy.RaiseIncome, ProgrammeUnit.Person, 1_500_000, false, nowUtc),
        new("PELATIHAN", "Pelatihan Kerja", "Disnakertrans", Strategy.RaiseIncome, ProgrammeUnit.Person, 2_500_000, false, nowUtc),
        new("MODAL-USAHA", "Bantuan Modal Usaha", "Dinas Koperasi dan UKM", Strategy.RaiseIncome, ProgrammeUnit.Household, 5_000_000, false, nowUtc),
        new("RTLH", "Rehabilitasi Rumah Tidak Layak Huni", "Dinas Perumahan dan Permukiman", Strategy.ReducePovertyPockets, ProgrammeUnit.Household, 20_000_000, true, nowUtc),
        new("ADMINDUK", "Layanan Administrasi Kependudukan (KTP, KK, akta)", "Disdukcapil", Strategy.ReducePovertyPockets, ProgrammeUnit.Person, null, false, nowUtc),
        new("CSR", "Bantuan CSR Perusahaan", "Mitra perusahaan (CSR)", Strategy.ReducePovertyPockets, ProgrammeUnit.Household, null, false, nowUtc),
        new("BAZNAS", "Bantuan BAZNAS", "BAZNAS", Strategy.ReduceSpending, ProgrammeUnit.Household, 1_000_000, true, nowUtc),
    ];

    [GeneratedRegex("^[A-Z0-9][A-Z0-9-]{1,29}$")]
    private static partial Regex CodePattern();
}
