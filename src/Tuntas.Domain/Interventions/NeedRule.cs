using System.Globalization;
using Tuntas.Domain.Common;
using Tuntas.Domain.Verification;

namespace Tuntas.Domain.Interventions;

/// <summary>Whether a rule looks at the household or at each of its members.</summary>
public enum NeedSubject
{
    Household = 1,
    Member = 2,
}

/// <summary>
/// One rule that says what a household needs, kept as data so a regency can change it without a
/// new release: "a member aged 7 to 18 whose <c>pendidikan</c> is one of 'tidak sekolah', 'putus
/// sekolah' needs PIP". A rule names a fact (see <see cref="NeedFacts"/>), an operator and values;
/// rules with the same <see cref="Code"/> are alternatives (any one makes the need). A need is met
/// by a delivery of any of its <see cref="Programmes"/>.
/// </summary>
public sealed class NeedRule
{
    public NeedRule(string code, string name, IEnumerable<string> programmes, NeedSubject subject, string fact, NeedOperator op, IEnumerable<string> values, int? minAge, int? maxAge, DateTime nowUtc)
    {
        Code = code?.Trim().ToUpperInvariant() ?? "";
        Name = name?.Trim() ?? "";
        Define(programmes, subject, fact, op, values, minAge, maxAge);
        Active = true;
        UpdatedAt = nowUtc;
    }

    // For EF Core materialisation.
    private NeedRule()
    {
        Code = Name = Programmes = Fact = Values = null!;
    }

    public long Id { get; private set; }

    /// <summary>The need: JKN, SEKOLAH, KERJA, RUMAH, DOKUMEN…</summary>
    public string Code { get; private set; }

    /// <summary>What the need is, in Bahasa Indonesia, for screens.</summary>
    public string Name { get; private set; }

    /// <summary>The programme codes that meet the need, separated by <c>|</c>; the first is the usual answer.</summary>
    public string Programmes { get; private set; }

    public NeedSubject Subject { get; private set; }

    public string Fact { get; private set; }

    public NeedOperator Operator { get; private set; }

    /// <summary>The values the fact is compared with, separated by <c>|</c>.</summary>
    public string Values { get; private set; }

    /// <summary>For member rules: the youngest age (in whole years on the day of the question) the rule looks at.</summary>
    public int? MinAge { get; private set; }

    public int? MaxAge { get; private set; }

    public bool Active { get; private set; }

    public DateTime UpdatedAt { get; private set; }

    public IReadOnlyList<string> ProgrammeCodes => Split(Programmes);

    public IReadOnlyList<string> ValueList => Split(Values);

    [System.Diagnostics.CodeAnalysis.MemberNotNull(nameof(Programmes), nameof(Fact), nameof(Values))]
    public void Define(IEnumerable<string> programmes, NeedSubject subject, string fact, NeedOperator op, IEnumerable<string> values, int? minAge, int? maxAge)
    {
        if (Code.Length is < 2 or > 30)
        {
            throw new DomainException(InterventionErrors.NeedCodeInvalid());
        }

        var codes = programmes.Select(p => p.Trim().ToUpperInvariant()).Where(p => p.Length > 0).Distinct().ToList();
        if (codes.Count == 0)
        {
            throw new DomainException(InterventionErrors.NeedWithoutProgramme());
        }

        var known = NeedFacts.Find(fact) ?? throw new DomainException(InterventionErrors.UnknownFact(fact, NeedFacts.All.Select(f => f.Name)));
        if (known.Subject != subject)
        {
            throw new DomainException(InterventionErrors.FactOfOtherSubject(known.Name, known.Subject, subject));
        }

        if (!known.Operators.Contains(op))
        {
            throw new DomainException(InterventionErrors.OperatorNotForFact(known.Name, known.Operators.Select(o => o.ToWire()), op.ToWire()));
        }

        var list = values.Select(v => v.Trim()).Where(v => v.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (list.Count == 0)
        {
            throw new DomainException(InterventionErrors.NeedWithoutValue());
        }

        if (op == NeedOperator.AnyFlag && list.FirstOrDefault(v => PovertyIndicatorNames.Parse(v) is null) is { } bad)
        {
            throw new DomainException(InterventionErrors.NotAnIndicator(bad, PovertyIndicatorNames.All.Select(i => i.ToWire())));
        }

        if (op == NeedOperator.GreaterThan && (list.Count != 1 || !int.TryParse(list[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out _)))
        {
            throw new DomainException(InterventionErrors.GreaterThanNeedsOneNumber());
        }

        if (minAge is < 0 || maxAge is < 0 || (minAge is { } lo && maxAge is { } hi && lo > hi))
        {
            throw new DomainException(InterventionErrors.AgeRangeInvalid());
        }

        if (subject == NeedSubject.Household && (minAge is not null || maxAge is not null))
        {
            throw new DomainException(InterventionErrors.AgeRangeForHousehold());
        }

        Programmes = string.Join('|', codes);
        Subject = subject;
        Fact = known.Name;
        Operator = op;
        Values = string.Join('|', list);
        MinAge = minAge;
        MaxAge = maxAge;
    }

    public void Rename(string name) => Name = string.IsNullOrWhiteSpace(name) ? Name : name.Trim();

    public void SetActive(bool active) => Active = active;

    public void Touch(DateTime nowUtc) => UpdatedAt = nowUtc;

    /// <summary>Whether the household (or one of its members, for a member rule) meets the rule on a day.</summary>
    public bool Matches(HouseholdNeedFacts household, DateOnly on)
    {
        if (Subject == NeedSubject.Household)
        {
            return Compare(NeedFacts.Find(Fact)!.HouseholdValue!(household));
        }

        foreach (var member in household.Members)
        {
            var age = member.AgeOn(on);
            if ((MinAge is { } lo && age < lo) || (MaxAge is { } hi && age > hi))
            {
                continue;
            }

            if (Compare(NeedFacts.Find(Fact)!.MemberValue!(member)))
            {
                return true;
            }
        }

        return false;
    }

    private bool Compare(NeedFactValue value) => Operator switch
    {
        // Unknown data never makes a need: an empty cell is not "tidak ada".
        NeedOperator.In => value.Text is { } text && ValueList.Any(v => string.Equals(Normalize(v), Normalize(text), StringComparison.Ordinal)),
        NeedOperator.AnyFlag => value.Flags is { } flags && ValueList.Any(v => PovertyIndicatorNames.Parse(v) is { } flag && flags.HasFlag(flag)),
        NeedOperator.GreaterThan => value.Number is { } n && n > int.Parse(ValueList[0], CultureInfo.InvariantCulture),
        _ => false,
    };

    private static string Normalize(string text) => string.Join(' ', text.Trim().ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries));

    private static string[] Split(string text) => text.Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>The rules shipped with Tuntas: health insurance, schooling, work, housing and civil documents; administrators can change them.</summary>
    public static IReadOnlyList<NeedRule> Seed(DateTime nowUtc) =>
    [
        new("JKN", "Belum punya jaminan kesehatan", ["PBI-JK"], NeedSubject.Member, "jaminan_kesehatan", NeedOperator.In,
            ["Tidak ada", "Tidak", "Tidak punya", "Belum ada", "Belum punya", "Belum", "-"], null, null, nowUtc),
        new("SEKOLAH", "Anak usia sekolah tidak bersekolah", ["PIP"], NeedSubject.Member, "pendidikan", NeedOperator.In,
            ["Tidak/belum sekolah", "Tidak sekolah", "Belum sekolah", "Putus sekolah", "Tidak bersekolah", "Tidak tamat SD"], 7, 18, nowUtc),
        new("KERJA", "Usia kerja tanpa pekerjaan", ["PADAT-KARYA", "PELATIHAN"], NeedSubject.Member, "pekerjaan", NeedOperator.In,
            ["Tidak bekerja", "Belum bekerja", "Tidak/belum bekerja", "Menganggur", "Pengangguran"], 18, 59, nowUtc),
        new("RUMAH", "Rumah tidak layak huni", ["RTLH"], NeedSubject.Household, "indikator", NeedOperator.AnyFlag,
            [PovertyIndicators.EarthOrPlasterFloor.ToWire(), PovertyIndicators.NonPermanentWalls.ToWire(), PovertyIndicators.NoOwnToilet.ToWire()], null, null, nowUtc),
        new("DOKUMEN", "Dokumen kependudukan belum lengkap", ["ADMINDUK"], NeedSubject.Household, "kelahiran_belum_tercatat", NeedOperator.GreaterThan,
            ["0"], null, null, nowUtc),
        new("DOKUMEN", "Dokumen kependudukan belum lengkap", ["ADMINDUK"], NeedSubject.Member, "nik_sesuai", NeedOperator.In,
            ["tidak"], null, null, nowUtc),
    ];
}

/// <summary>How a rule compares its fact with its values.</summary>
public enum NeedOperator
{
    /// <summary>The text equals one of the values (any case, spaces evened out).</summary>
    In = 1,

    /// <summary>The household's indicators include any of the named ones.</summary>
    AnyFlag = 2,

    /// <summary>The number is greater than the value.</summary>
    GreaterThan = 3,
}

public static class NeedOperatorNames
{
    public static string ToWire(this NeedOperator op) => op switch
    {
        NeedOperator.In => "in",
        NeedOperator.AnyFlag => "any-flag",
        _ => "greater-than",
    };

    public static NeedOperator? Parse(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        "in" => NeedOperator.In,
        "any-flag" => NeedOperator.AnyFlag,
        "greater-than" => NeedOperator.GreaterThan,
        _ => null,
    };

    public static string ToWire(this NeedSubject subject) => subject == NeedSubject.Household ? "household" : "member";

    public static NeedSubject? ParseSubject(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        "household" or "keluarga" => NeedSubject.Household,
        "member" or "anggota" => NeedSubject.Member,
        _ => null,
    };
}

/// <summary>What the rules know of one member.</summary>
public sealed record MemberNeedFacts(DateOnly BirthDate, string? Education, string? Occupation, string? Disability, string? HealthInsurance, bool NikMatchesRecord)
{
    public int AgeOn(DateOnly day)
    {
        var age = day.Year - BirthDate.Year;
        return BirthDate.AddYears(age) > day ? age - 1 : age;
    }
}

/// <summary>What the rules know of one household: its members, its last assessment and its last approved visit.</summary>
public sealed record HouseholdNeedFacts(long HouseholdId, PovertyIndicators? Indicators, int? BirthsNotOnCard, IReadOnlyList<MemberNeedFacts> Members);

/// <summary>A fact value: text, indicator flags or a number; null parts are unknown.</summary>
public readonly record struct NeedFactValue(string? Text = null, PovertyIndicators? Flags = null, int? Number = null);

/// <summary>A fact a rule can look at, and the operators that make sense for it.</summary>
public sealed record NeedFact(
    string Name,
    NeedSubject Subject,
    string Description,
    IReadOnlyList<NeedOperator> Operators,
    Func<HouseholdNeedFacts, NeedFactValue>? HouseholdValue = null,
    Func<MemberNeedFacts, NeedFactValue>? MemberValue = null);

/// <summary>
/// The vocabulary of the rules: the facts the register holds. Adding a fact is code; combining
/// facts into needs is data.
/// </summary>
public static class NeedFacts
{
    public static readonly IReadOnlyList<NeedFact> All =
    [
        new("jaminan_kesehatan", NeedSubject.Member, "the member's health insurance as imported (jaminan_kesehatan)", [NeedOperator.In], MemberValue: m => new(m.HealthInsurance)),
        new("pendidikan", NeedSubject.Member, "the member's schooling as imported (pendidikan)", [NeedOperator.In], MemberValue: m => new(m.Education)),
        new("pekerjaan", NeedSubject.Member, "the member's work as imported (pekerjaan)", [NeedOperator.In], MemberValue: m => new(m.Occupation)),
        new("disabilitas", NeedSubject.Member, "the member's disability as imported (disabilitas)", [NeedOperator.In], MemberValue: m => new(m.Disability)),
        new("nik_sesuai", NeedSubject.Member, "'ya' when the NIK's birth date and sex match the member's record, 'tidak' when they do not", [NeedOperator.In], MemberValue: m => new(m.NikMatchesRecord ? "ya" : "tidak")),
        new("indikator", NeedSubject.Household, "the Kepmensos indicators of the last field assessment", [NeedOperator.AnyFlag], HouseholdValue: h => new(Flags: h.Indicators)),
        new("kelahiran_belum_tercatat", NeedSubject.Household, "children born, reported by the last approved visit, not yet on the family card", [NeedOperator.GreaterThan], HouseholdValue: h => new(Number: h.BirthsNotOnCard)),
    ];

    public static NeedFact? Find(string? name) => All.FirstOrDefault(f => string.Equals(f.Name, name?.Trim(), StringComparison.OrdinalIgnoreCase));
}
