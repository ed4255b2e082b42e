using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Tuntas.Domain.Common;

/// <summary>
/// The one reader and writer of date text in commands, addresses and files: ISO <c>YYYY-MM-DD</c>,
/// whatever the culture of the machine or the page.
/// </summary>
public static class DateText
{
    public const string IsoFormat = "yyyy-MM-dd";

    /// <summary>Reads <c>YYYY-MM-DD</c> (surrounding spaces allowed); false for anything else.</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, out DateOnly day) =>
        DateOnly.TryParseExact(text?.Trim(), IsoFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out day);

    /// <summary>Reads an optional day: blank gives <paramref name="fallback"/>; false when the text is not a date.</summary>
    public static bool TryParseOptional(string? text, DateOnly fallback, out DateOnly day)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            day = fallback;
            return true;
        }

        return TryParse(text, out day);
    }

    /// <summary>Writes <c>YYYY-MM-DD</c>.</summary>
    public static string Iso(DateOnly day) => day.ToString(IsoFormat, CultureInfo.InvariantCulture);

    /// <summary>The error for a date that could not be read (<see cref="CommonErrors.NotADate"/>).</summary>
    public static DomainException NotADate(string? text) => new(CommonErrors.NotADate(text));
}
