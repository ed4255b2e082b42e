using System.Diagnostics.CodeAnalysis;
using Tuntas.Domain.Common;

namespace Tuntas.Domain.Regions;

/// <summary>
/// A Kemendagri region code, <c>PP.KK.CC.DDDD</c>. Accepted dotted (<c>64.74.01.1001</c>) or
/// not (<c>6474011001</c>); always shown and stored dotted.
/// </summary>
public sealed record RegionCode : IComparable<RegionCode>
{
    private RegionCode(string digits)
    {
        Digits = digits;
        Level = digits.Length switch
        {
            2 => RegionLevel.Province,
            4 => RegionLevel.Regency,
            6 => RegionLevel.District,
            10 => RegionLevel.Village,
            _ => throw new ArgumentException("Invalid length.", nameof(digits)),
        };
        Value = Level switch
        {
            RegionLevel.Province => digits,
            RegionLevel.Regency => $"{digits[..2]}.{digits[2..4]}",
            RegionLevel.District => $"{digits[..2]}.{digits[2..4]}.{digits[4..6]}",
            _ => $"{digits[..2]}.{digits[2..4]}.{digits[4..6]}.{digits[6..]}",
        };
    }

    /// <summary>The dotted form, e.g. <c>64.74.01.1001</c>.</summary>
    public string Value { get; }

    /// <summary>The digits only, e.g. <c>6474011001</c>.</summary>
    public string Digits { get; }

    public RegionLevel Level { get; }

    /// <summary>The region one level up, or null for a province.</summary>
    public RegionCode? Parent => Level == RegionLevel.Province ? null : new RegionCode(Digits[..DigitsAt(Level - 1)]);

    /// <summary>The ancestor (or this code itself) at the given level; null when that level is below this one.</summary>
    public RegionCode? AtLevel(RegionLevel level) => level > Level ? null : new RegionCode(Digits[..DigitsAt(level)]);

    /// <summary>True when <paramref name="other"/> is this region or lies inside it.</summary>
    public bool Contains(RegionCode other) =>
        other.Level >= Level && other.Digits.StartsWith(Digits, StringComparison.Ordinal);

    /// <summary>True for a kelurahan (urban village, <c>1xxx</c>); desa codes start with 2.</summary>
    public bool IsKelurahan => Level == RegionLevel.Village && Digits[6] == '1';

    public static int DigitsAt(RegionLevel level) => level switch
    {
        RegionLevel.Province => 2,
        RegionLevel.Regency => 4,
        RegionLevel.District => 6,
        RegionLevel.Village => 10,
        _ => throw new ArgumentOutOfRangeException(nameof(level)),
    };

    public static ParseResult<RegionCode> Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return ParseResult<RegionCode>.Fail(ParseErrors.RegionCodeEmpty());
        }

        var trimmed = text.Trim();
        var digits = trimmed.Replace(".", string.Empty, StringComparison.Ordinal).Replace(" ", string.Empty, StringComparison.Ordinal);
        if (!digits.All(char.IsAsciiDigit))
        {
            return ParseResult<RegionCode>.Fail(ParseErrors.RegionCodeNotDigits(trimmed));
        }

        if (digits.Length is not (2 or 4 or 6 or 10))
        {
            return ParseResult<RegionCode>.Fail(ParseErrors.RegionCodeLength(trimmed, digits.Length));
        }

        if (trimmed.Contains('.', StringComparison.Ordinal))
        {
            // Dotted input must be dotted in the right places, not just any dots.
            var expected = new RegionCode(digits).Value;
            if (!string.Equals(expected, trimmed.Replace(" ", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal))
            {
                return ParseResult<RegionCode>.Fail(ParseErrors.RegionCodeDots(trimmed, expected));
            }
        }

        return ParseResult<RegionCode>.Ok(new RegionCode(digits));
    }

    public static bool TryParse(string? text, [NotNullWhen(true)] out RegionCode? code)
    {
        var result = Parse(text);
        code = result.Value;
        return result.IsValid;
    }

    /// <summary>Parses a code that is known to be well formed (from the database or the shipped region list).</summary>
    public static RegionCode From(string text) => Parse(text).GetValueOrThrow();

    public int CompareTo(RegionCode? other) => string.CompareOrdinal(Value, other?.Value);

    public override string ToString() => Value;
}
