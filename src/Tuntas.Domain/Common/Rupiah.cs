using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Tuntas.Domain.Common;

/// <summary>Whole rupiah written the Indonesian way, whatever the machine's culture: <c>Rp1.250.000</c>.</summary>
public static class Rupiah
{
    /// <summary>More digits than this is not an amount a form could mean (a trillion rupiah has 13).</summary>
    private const int MaxDigits = 15;

    public static string Format(long amount) =>
        "Rp" + amount.ToString("#,0", CultureInfo.InvariantCulture).Replace(',', '.');

    /// <summary>
    /// Reads whole rupiah, 0 or more, as people type them whatever the language of the page:
    /// <c>1250000</c>, <c>1.250.000</c>, <c>Rp1.250.000</c>, <c>Rp 1.250.000,-</c> or <c>Rp1.250.000,00</c>.
    /// Dots (or commas, as in <c>1,250,000</c>) group thousands in threes, or the text is refused; cents
    /// other than <c>,00</c> are refused.
    /// </summary>
    public static bool TryParse([NotNullWhen(true)] string? text, out long amount)
    {
        amount = 0;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var plain = text.Trim();
        if (plain.StartsWith("Rp", StringComparison.OrdinalIgnoreCase))
        {
            plain = plain[2..].TrimStart(' ', '.');
        }

        if (plain.EndsWith(",-", StringComparison.Ordinal) || plain.EndsWith(",00", StringComparison.Ordinal))
        {
            plain = plain[..plain.LastIndexOf(',')];
        }

        // Grouped by dots the Indonesian way, or by commas the English way; never both.
        var separator = plain.Contains(',', StringComparison.Ordinal) && !plain.Contains('.', StringComparison.Ordinal) ? ',' : '.';
        var groups = plain.Split(separator);
        if (groups.Length > 1 && (groups[0].Length is 0 or > 3 || groups.Skip(1).Any(g => g.Length != 3)))
        {
            return false;
        }

        var digits = string.Concat(groups);
        return digits.Length is > 0 and <= MaxDigits && digits.All(char.IsAsciiDigit)
            && long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out amount);
    }
}
