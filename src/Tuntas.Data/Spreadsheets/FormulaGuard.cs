namespace Tuntas.Data.Spreadsheets;

/// <summary>
/// Keeps text from a register out of a spreadsheet's formula engine: a cell that starts with
/// <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, a tab or a carriage return is prefixed with <c>'</c>, so a
/// name like <c>=HYPERLINK(...)</c> typed into a form opens as text, not as a formula.
/// </summary>
public static class FormulaGuard
{
    public static string? Text(string? value) =>
        string.IsNullOrEmpty(value) || value[0] is not ('=' or '+' or '-' or '@' or '\t' or '\r') ? value : "'" + value;
}
