namespace Tuntas.Data.Spreadsheets;

/// <summary>RFC 4180 quoting for the CSV files Tuntas writes.</summary>
public static class CsvText
{
    public static string Field(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return string.Empty;
        }

        return value.IndexOfAny([',', '"', '\n', '\r', ';']) >= 0 || value[0] is ' ' || value[^1] is ' '
            ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
            : value;
    }

    public static string Line(IEnumerable<string?> values) => string.Join(",", values.Select(Field));
}
