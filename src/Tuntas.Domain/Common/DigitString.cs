using System.Text;

namespace Tuntas.Domain.Common;

/// <summary>Clean-up shared by NIK and No. KK: the damage spreadsheets and typists do to 16-digit numbers.</summary>
public static class DigitString
{
    /// <summary>
    /// Removes spaces, dots, dashes and a leading apostrophe (Excel's "keep as text" marker).
    /// Returns null and a reason when the input cannot be a typed number at all.
    /// </summary>
    public static ParseResult<string> Clean(string? raw, string label, int length)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            return ParseResult<string>.Fail(ParseErrors.DigitsEmpty(label));
        }

        if (raw.Length == length && IsAllDigits(raw))
        {
            return ParseResult<string>.Ok(raw);
        }

        var text = raw.Trim();
        if (text.StartsWith('\''))
        {
            text = text[1..];
        }

        if (LooksLikeScientificNotation(text))
        {
            return ParseResult<string>.Fail(ParseErrors.DigitsScientific(label, raw.Trim(), length));
        }

        var digits = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (char.IsAsciiDigit(c))
            {
                digits.Append(c);
            }
            else if (c is ' ' or '.' or '-' or '\u00A0')
            {
                continue;
            }
            else
            {
                return ParseResult<string>.Fail(ParseErrors.DigitsNotADigit(label, raw.Trim(), c.ToString()));
            }
        }

        if (digits.Length != length)
        {
            return ParseResult<string>.Fail(ParseErrors.DigitsLength(label, length, raw.Trim(), digits.Length));
        }

        return ParseResult<string>.Ok(digits.ToString());
    }

    private static bool IsAllDigits(string text)
    {
        foreach (var c in text)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>True for Excel's rendering of a large number, such as <c>6.47401E+15</c> or <c>6,47401E+15</c>.</summary>
    public static bool LooksLikeScientificNotation(string text)
    {
        var t = text.Trim();
        var e = t.IndexOfAny(['E', 'e']);
        if (e <= 0 || e == t.Length - 1)
        {
            return false;
        }

        var mantissa = t[..e];
        var exponent = t[(e + 1)..].TrimStart('+', '-');
        return exponent.Length > 0 && exponent.All(char.IsAsciiDigit)
            && mantissa.Any(char.IsAsciiDigit)
            && mantissa.All(c => char.IsAsciiDigit(c) || c is '.' or ',');
    }
}
