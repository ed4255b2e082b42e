using Tuntas.Domain.Common;

namespace Tuntas.Domain.Verification;

/// <summary>
/// One value of a named extreme poverty line for one year: the international basis it comes from
/// (USD 2.15 PPP 2017, USD 3.00 PPP 2021, USD 1.90 PPP 2011), whole rupiah per person per month,
/// where the figure comes from, and whether it is the official line. Reference data: shipped in
/// code, stored as rows, changed by an administrator, never hard-coded in a rule.
/// </summary>
public sealed class PovertyLine
{
    /// <summary>The official line of RPJMN 2025-2029 and BPS: USD 2.15 PPP 2017 a day.</summary>
    public const string DefaultCode = "bps-215-ppp2017";

    /// <summary>The World Bank's international line since June 2025: USD 3.00 PPP 2021 a day.</summary>
    public const string WorldBank2021Code = "wb-300-ppp2021";

    /// <summary>The legacy line used until 2022: USD 1.90 PPP 2011 a day.</summary>
    public const string LegacyCode = "wb-190-ppp2011";

    public PovertyLine(string code, int year, string basis, long linePerCapita, string source, bool official, string? computation, DateTime nowUtc, string updatedBy)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            throw new DomainException(VerificationErrors.PovertyLineWithoutSource());
        }

        if (year is < 2000 or > 2100)
        {
            throw new DomainException(VerificationErrors.ImplausibleCriteriaYear(year));
        }

        Code = code.Trim().ToLowerInvariant();
        Year = year;
        Basis = basis.Trim();
        Official = official;
        UpdatedBy = updatedBy;
        Source = source;
        Change(linePerCapita, source, computation, nowUtc, updatedBy);
    }

    // For EF Core materialisation.
    private PovertyLine()
    {
        Code = Basis = Source = UpdatedBy = null!;
    }

    public long Id { get; private set; }

    /// <summary><c>bps-215-ppp2017</c>, <c>wb-300-ppp2021</c>, <c>wb-190-ppp2011</c>: the key, also on the command line.</summary>
    public string Code { get; private set; }

    public int Year { get; private set; }

    /// <summary>The international basis, e.g. "USD 2,15 PPP 2017".</summary>
    public string Basis { get; private set; }

    /// <summary>Whole rupiah per person per month.</summary>
    public long LinePerCapita { get; private set; }

    /// <summary>Where the rupiah figure comes from.</summary>
    public string Source { get; private set; }

    /// <summary>How the figure was computed when no source states it for that year (inputs named); null when a source states it.</summary>
    public string? Computation { get; private set; }

    /// <summary>The line Indonesia's official figures (BPS, RPJMN) use.</summary>
    public bool Official { get; private set; }

    public DateTime UpdatedAt { get; private set; }

    public string UpdatedBy { get; private set; }

    /// <summary>An administrator's correction of the figure or its source.</summary>
    public void Change(long linePerCapita, string source, string? computation, DateTime nowUtc, string updatedBy)
    {
        if (linePerCapita <= 0)
        {
            throw new DomainException(VerificationErrors.PovertyLineNotPositive());
        }

        if (string.IsNullOrWhiteSpace(source))
        {
            throw new DomainException(VerificationErrors.PovertyLineWithoutSource());
        }

        LinePerCapita = linePerCapita;
        Source = source.Trim();
        Computation = string.IsNullOrWhiteSpace(computation) ? null : computation.Trim();
        UpdatedAt = nowUtc;
        UpdatedBy = updatedBy;
    }

    /// <summary>
    /// The value of a line for a year: that year's, else the latest earlier one (a year without its
    /// own figure keeps the last one published); null when the line has no value up to that year.
    /// </summary>
    public static PovertyLine? Select(IEnumerable<PovertyLine> lines, string code, int year) =>
        lines.Where(l => string.Equals(l.Code, code.Trim(), StringComparison.OrdinalIgnoreCase) && l.Year <= year)
            .OrderByDescending(l => l.Year)
            .FirstOrDefault();

    /// <summary>
    /// The lines shipped with Tuntas (docs/verification.md, "Poverty lines", gives every source and
    /// computation). A figure no source states for its year is carried from a stated one with
    /// BPS's December-to-December consumer price inflation (2022 5,51%, 2023 2,61%, 2024 1,57%).
    /// </summary>
    public static IReadOnlyList<PovertyLine> Shipped(DateTime nowUtc, string actor)
    {
        const string Bps = "USD 2,15 PPP 2017";
        const string Wb21 = "USD 3,00 PPP 2021";
        const string Wb11 = "USD 1,90 PPP 2011";
        PovertyLine L(string code, int year, string basis, long value, string source, bool official, string? computation = null) =>
            new(code, year, basis, value, source, official, computation, nowUtc, actor);
        return
        [
            L(DefaultCode, 2024, Bps, 391_000, "BPS (Kepala BPS, 30 Januari 2025): USD 2,15 PPP 2017 sekitar Rp391 ribu/kapita/bulan", true),
            L(DefaultCode, 2023, Bps, 384_956, "Dihitung dari nilai BPS 2024", true, "Rp391.000 / 1,0157 (inflasi Des 2024 yoy, BPS)"),
            L(DefaultCode, 2022, Bps, 375_164, "Dihitung dari nilai BPS 2024", true, "Rp384.956 / 1,0261 (inflasi Des 2023 yoy, BPS)"),
            L(WorldBank2021Code, 2024, Wb21, 546_400, "Bank Dunia, The World Bank's Updated Global Poverty Lines: Indonesia (Juni 2025): sekitar Rp546.400/orang/bulan (USD 1 PPP 2021 = Rp6.071)", false),
            L(WorldBank2021Code, 2023, Wb21, 537_954, "Dihitung dari nilai Bank Dunia 2024", false, "Rp546.400 / 1,0157 (inflasi Des 2024 yoy, BPS)"),
            L(WorldBank2021Code, 2022, Wb21, 524_271, "Dihitung dari nilai Bank Dunia 2024", false, "Rp537.954 / 1,0261 (inflasi Des 2023 yoy, BPS)"),
            L(LegacyCode, 2021, Wb11, 322_170, "BPS 2021: USD 1,90 PPP 2011 (Rp10.739/orang/hari)", false),
            L(LegacyCode, 2022, Wb11, 339_922, "Dihitung dari nilai BPS 2021", false, "Rp322.170 x 1,0551 (inflasi Des 2022 yoy, BPS)"),
            L(LegacyCode, 2023, Wb11, 348_794, "Dihitung dari nilai BPS 2021", false, "Rp339.922 x 1,0261 (inflasi Des 2023 yoy, BPS)"),
            L(LegacyCode, 2024, Wb11, 354_270, "Dihitung dari nilai BPS 2021", false, "Rp348.794 x 1,0157 (inflasi Des 2024 yoy, BPS)"),
        ];
    }
}
