using System.Text.RegularExpressions;

namespace Tuntas.Data.Spreadsheets;

/// <summary>
/// Keeps text from a register out of a spreadsheet's formula engine: a cell that starts with
/// <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, a tab or a carriage return is prefixed with <c>'</c>, so a
/// name like <c>=HYPERLINK(...)</c> typed into a form opens as text, not as a formula. A genuine
/// number (<c>-1250</c>, <c>+3.5</c>) is left as it is, so a column of negative numbers stays numbers.
/// Every CSV Tuntas writes passes its cells through here (<see cref="CsvText.Row"/>,
/// <see cref="CsvText.GuardLine"/>); XLSX text cells are inline strings, which are never evaluated.
/// </summary>
public static partial class FormulaGuard
{
    public static string? Text(string? value) =>
        string.IsNullOrEmpty(value) || value[0] is not ('=' or '+' or '-' or '@' or '\t' or '\r') || PlainNumber().IsMatch(value)
            ? value
            : "'" + value;

    /// <summary>True when a spreadsheet would run the text as a formula (what <see cref="Text"/> guards).</summary>
    public static bool IsRisky(string? value) => !ReferenceEquals(Text(value), value);

    [GeneratedRegex(@"^[+-]?[0-9]+([.,][0-9]+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex PlainNumber();
}
