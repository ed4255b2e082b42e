using System.Globalization;
using System.Text.RegularExpressions;
using Tuntas.Domain.Common;

namespace Tuntas.Domain.Import;

/// <summary>
/// Reading dates, rupiah and text out of the cells of an office file, shared by every import: the
/// same spellings are accepted everywhere and the same plain-words reasons are given.
/// </summary>
public static partial class CellReading
{
    private static readonly string[] DateFormats = ["yyyy-MM-dd", "dd-MM-yyyy", "dd/MM/yyyy", "d-M-yyyy", "d/M/yyyy", "yyyy/MM/dd"];

    /// <summary>
    /// A date written <c>YYYY-MM-DD</c>, <c>DD-MM-YYYY</c> or <c>DD/MM/YYYY</c>, or an Excel date cell.
    /// Null with a reason naming <paramref name="column"/> when there is none or it is not a real date;
    /// null without a reason when the cell is empty and <paramref name="required"/> is false.
    /// </summary>
    public static DateOnly? Date(SourceCell cell, string column, bool required, out string? error)
    {
        var date = ReadDate(cell, column, required, out var reason);
        error = English(reason);
        return date;
    }

    /// <summary>As <see cref="Date(SourceCell, string, bool, out string?)"/>, with the reason typed.</summary>
    public static DateOnly? ReadDate(SourceCell cell, string column, bool required, out DomainError? error)
    {
        error = null;
        if (cell.IsNumber && cell.Number is { } serial && serial is > 1 and < 2958466)
        {
            // An Excel date cell: days since 1899-12-30.
            return DateOnly.FromDateTime(DateTime.FromOADate(Math.Floor(serial)));
        }

        var text = Clean(cell.Text);
        if (text is null)
        {
            error = required ? ImportErrors.DateEmpty(column) : null;
            return null;
        }

        // A time part from a spreadsheet export ("1985-08-17 00:00:00") is dropped.
        var datePart = text.Length == 10 ? text : text.Split(' ', 'T')[0];
        if (!DateOnly.TryParseExact(datePart, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            error = LooksLikeDate().IsMatch(datePart)
                ? ImportErrors.DateNotReal(column, text)
                : ImportErrors.DateNotADate(column, text);
            return null;
        }

        return date;
    }

    /// <summary>
    /// Whole rupiah, 0 or more: <c>322170</c>, <c>322.170</c>, <c>Rp322.170</c>, or a number cell.
    /// Null without a reason for an empty cell.
    /// </summary>
    public static long? Rupiah(SourceCell cell, string column, out string? error)
    {
        var rupiah = ReadRupiah(cell, column, out var reason);
        error = English(reason);
        return rupiah;
    }

    /// <summary>As <see cref="Rupiah(SourceCell, string, out string?)"/>, with the reason typed.</summary>
    public static long? ReadRupiah(SourceCell cell, string column, out DomainError? error)
    {
        error = null;
        if (cell.IsNumber && cell.Number is { } number)
        {
            if (number < 0 || number != Math.Floor(number))
            {
                error = ImportErrors.RupiahNotWhole(column, cell.Text ?? string.Empty);
                return null;
            }

            return (long)number;
        }

        var text = Clean(cell.Text);
        if (text is null)
        {
            return null;
        }

        var plain = text.Replace(" ", string.Empty, StringComparison.Ordinal);
        if (plain.StartsWith("Rp", StringComparison.OrdinalIgnoreCase))
        {
            plain = plain[2..].TrimStart('.');
        }

        if (plain.EndsWith(",00", StringComparison.Ordinal) || plain.EndsWith(",-", StringComparison.Ordinal))
        {
            plain = plain[..^3];
        }

        if (Grouped().IsMatch(plain))
        {
            plain = plain.Replace(".", string.Empty, StringComparison.Ordinal);
        }

        if (!long.TryParse(plain, NumberStyles.None, CultureInfo.InvariantCulture, out var rupiah))
        {
            error = ImportErrors.RupiahNotANumber(column, text);
            return null;
        }

        return rupiah;
    }

    /// <summary>
    /// A 16-digit number (NIK or No. KK) with its own parse rules; null with a reason naming
    /// <paramref name="label"/> and <paramref name="column"/> when it cannot be read. A spreadsheet
    /// cell stored as a number is refused: Excel keeps only 15 significant digits.
    /// </summary>
    public static string? Digits<T>(SourceCell cell, string label, string column, Func<string?, ParseResult<T>> parse, Func<T, string> value, out string? error)
    {
        var digits = ReadDigits(cell, label, column, parse, value, out var reason);
        error = English(reason);
        return digits;
    }

    /// <summary>As <see cref="Digits{T}(SourceCell, string, string, Func{string?, ParseResult{T}}, Func{T, string}, out string?)"/>, with the reason typed.</summary>
    public static string? ReadDigits<T>(SourceCell cell, string label, string column, Func<string?, ParseResult<T>> parse, Func<T, string> value, out DomainError? error)
    {
        error = null;
        if (cell.IsNumber)
        {
            error = ImportErrors.DigitsStoredAsNumber(label, cell.Text ?? string.Empty, column);
            return null;
        }

        var parsed = parse(cell.Text);
        if (!parsed.IsValid)
        {
            error = parsed.Reason ?? ImportErrors.WrittenOut(parsed.Error!);
            return null;
        }

        return value(parsed.Value!);
    }

    private static string? English(DomainError? reason) => reason is null ? null : ErrorWords.Text(reason, ErrorWords.English);

    /// <summary>Trimmed text with runs of white space made one space; null when blank.</summary>
    public static string? Clean(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var trimmed = text.Trim();
        for (var i = 1; i < trimmed.Length; i++)
        {
            if (char.IsWhiteSpace(trimmed[i]) && (trimmed[i] != ' ' || trimmed[i - 1] == ' '))
            {
                return Spaces().Replace(trimmed, " ");
            }
        }

        return trimmed;
    }

    /// <summary>The text cut to <paramref name="max"/> characters.</summary>
    public static string? Limit(string? text, int max) => text is null || text.Length <= max ? text : text[..max];

    [GeneratedRegex(@"^\d{1,3}(\.\d{3})+$")]
    private static partial Regex Grouped();

    [GeneratedRegex(@"^\d{1,4}[-/]\d{1,2}[-/]\d{1,4}$")]
    private static partial Regex LooksLikeDate();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
