using System.Text;
using Tuntas.Domain.Common;
using Tuntas.Domain.Registry;

namespace Tuntas.Domain.Linkage;

/// <summary>What a spreadsheet may have done to a 16-digit number.</summary>
public enum ExcelDamage
{
    /// <summary>No sign of damage.</summary>
    None,

    /// <summary>Shown as <c>3.20101E+15</c>: only the digits of the mantissa survive.</summary>
    ScientificNotation,

    /// <summary>
    /// Sixteen digits ending in 0: Excel keeps 15 significant digits and writes a 0 for the 16th. A real
    /// NIK or No. KK can end in 0 too, so this is a suspicion, not a finding.
    /// </summary>
    PossiblyTruncated,
}

/// <summary>A NIK or No. KK as typed, cleaned.</summary>
/// <param name="Raw">The text as given.</param>
/// <param name="Digits">The digits left after cleaning (for scientific notation, the mantissa's digits padded with zeros to 16); null when there are none.</param>
/// <param name="Damage">What Excel may have done.</param>
/// <param name="KeptDigits">How many leading digits can be trusted: 16, 15 when possibly truncated, the mantissa's digits for scientific notation.</param>
public sealed record CleanedNumber(string Raw, string? Digits, ExcelDamage Damage, int KeptDigits)
{
    /// <summary>Sixteen digits, damaged or not.</summary>
    public bool HasSixteenDigits => Digits is { Length: IdentityNumber.Length };
}

/// <summary>How far two NIKs (or two No. KKs) agree, strongest first.</summary>
public enum NumberAgreement
{
    Exact,
    OneDigitDifferent,
    AdjacentDigitsTransposed,

    /// <summary>Every digit a damaged spreadsheet kept agrees with the other number.</summary>
    AgreesOnKeptDigits,

    /// <summary>Same region and birth date (or, for a No. KK, region and issue date); the serial differs.</summary>
    SameFirst12Digits,
    Different,

    /// <summary>One side is blank or not a 16-digit number: no evidence either way.</summary>
    Missing,
}

/// <summary>The agreement of two numbers and why, in words.</summary>
public sealed record NumberComparison(NumberAgreement Level, string Reason);

/// <summary>Comparison helpers for NIK and No. KK in agency lists, where numbers are often damaged.</summary>
public static class IdentityNumber
{
    public const int Length = 16;

    /// <summary>
    /// Removes spaces, dots, dashes, non-breaking spaces and a leading apostrophe; reads Excel's scientific
    /// notation back to its surviving digits; flags a 16-digit number ending in 0 as possibly truncated.
    /// </summary>
    public static CleanedNumber Clean(string? raw)
    {
        var text = (raw ?? string.Empty).Trim();
        if (text.StartsWith('\''))
        {
            text = text[1..];
        }

        if (DigitString.LooksLikeScientificNotation(text))
        {
            var e = text.IndexOfAny(['E', 'e']);
            var mantissa = new string([.. text[..e].Where(char.IsAsciiDigit)]).TrimStart('0');
            var kept = Math.Min(mantissa.Length, Length);
            var digits = mantissa.Length == 0 ? null : mantissa[..kept].PadRight(Length, '0');
            return new CleanedNumber(raw ?? string.Empty, digits, ExcelDamage.ScientificNotation, digits is null ? 0 : kept);
        }

        var sb = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (char.IsAsciiDigit(c))
            {
                sb.Append(c);
            }
            else if (c is not (' ' or '.' or '-' or '\u00A0'))
            {
                return new CleanedNumber(raw ?? string.Empty, null, ExcelDamage.None, 0);
            }
        }

        if (sb.Length == 0)
        {
            return new CleanedNumber(raw ?? string.Empty, null, ExcelDamage.None, 0);
        }

        var cleaned = sb.ToString();
        return cleaned.Length == Length && cleaned[^1] == '0'
            ? new CleanedNumber(raw ?? string.Empty, cleaned, ExcelDamage.PossiblyTruncated, Length - 1)
            : new CleanedNumber(raw ?? string.Empty, cleaned, ExcelDamage.None, cleaned.Length);
    }

    /// <summary>Compares two NIKs or two No. KKs as typed.</summary>
    public static NumberComparison Compare(string? a, string? b) => Compare(Clean(a), Clean(b));

    /// <summary>Compares two cleaned numbers.</summary>
    public static NumberComparison Compare(CleanedNumber a, CleanedNumber b)
    {
        if (!a.HasSixteenDigits || !b.HasSixteenDigits)
        {
            return new(NumberAgreement.Missing, "one number is blank or not 16 digits");
        }

        var x = a.Digits!;
        var y = b.Digits!;
        if (x == y && a.Damage != ExcelDamage.ScientificNotation && b.Damage != ExcelDamage.ScientificNotation)
        {
            return new(NumberAgreement.Exact, "same 16 digits");
        }

        // Scientific notation first: its zeros are not digits, so "one digit different" would be wrong.
        if (a.Damage == ExcelDamage.ScientificNotation || b.Damage == ExcelDamage.ScientificNotation)
        {
            var kept = Math.Min(a.Damage == ExcelDamage.ScientificNotation ? a.KeptDigits : Length, b.Damage == ExcelDamage.ScientificNotation ? b.KeptDigits : Length);
            return string.CompareOrdinal(x, 0, y, 0, kept) == 0
                ? new(NumberAgreement.AgreesOnKeptDigits, $"the first {kept} digits agree; the rest were lost to Excel's scientific notation")
                : SameFirst12OrDifferent(x, y);
        }

        var differences = new List<int>(2);
        for (var i = 0; i < Length && differences.Count <= 2; i++)
        {
            if (x[i] != y[i])
            {
                differences.Add(i);
            }
        }

        if (differences is [15] && (x[15] == '0' || y[15] == '0'))
        {
            return new(NumberAgreement.AgreesOnKeptDigits, "the first 15 digits agree; the last is 0 on one side, as Excel writes it");
        }

        if (differences.Count == 1)
        {
            return new(NumberAgreement.OneDigitDifferent, $"one digit different (position {differences[0] + 1})");
        }

        if (differences is [var i1, var i2] && i2 == i1 + 1 && x[i1] == y[i2] && x[i2] == y[i1])
        {
            return new(NumberAgreement.AdjacentDigitsTransposed, $"digits {i1 + 1} and {i2 + 1} swapped");
        }

        return SameFirst12OrDifferent(x, y);
    }

    private static NumberComparison SameFirst12OrDifferent(string x, string y) =>
        string.CompareOrdinal(x, 0, y, 0, 12) == 0
            ? new(NumberAgreement.SameFirst12Digits, "same region and date digits, different serial")
            : new(NumberAgreement.Different, "different numbers");

    /// <summary>
    /// True when what stands in a NIK column is the household's No. KK: the same 16 digits, or the digits
    /// Excel kept of it. A No. KK is never a person's NIK, so such a value says nothing about the person.
    /// </summary>
    public static bool LooksLikeKkOf(string? nik, string? noKk)
    {
        var level = Compare(nik, noKk).Level;
        return level is NumberAgreement.Exact or NumberAgreement.AgreesOnKeptDigits;
    }

    /// <summary>The birth date and sex written in a NIK's digits, both null when they cannot be read.</summary>
    public static (DateOnly? BirthDate, Sex? Sex) BirthDateAndSex(string? nik, DateOnly today)
    {
        var cleaned = Clean(nik);
        if (!cleaned.HasSixteenDigits || cleaned.Damage == ExcelDamage.ScientificNotation && cleaned.KeptDigits < 12)
        {
            return (null, null);
        }

        var explained = NikExplainer.Explain(cleaned.Digits, today);
        return (explained.BirthDate, explained.Sex);
    }
}
