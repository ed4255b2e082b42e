using System.Globalization;
using System.Text;

namespace Tuntas.Data.Spreadsheets;

/// <summary>
/// RFC 4180 quoting for the CSV files Tuntas writes. <see cref="Field"/> only quotes (it also renders
/// a row read from a workbook as a line); what goes into a file a person opens is written with
/// <see cref="Row"/> or <see cref="GuardLine"/>, which pass every text cell through <see cref="FormulaGuard"/>.
/// </summary>
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

    /// <summary>
    /// One line of a CSV file for people: text guarded against formulas, numbers and dates written the
    /// same in every culture (no grouping), then quoted.
    /// </summary>
    public static string Row(IEnumerable<object?> values, char delimiter = ',') =>
        string.Join(delimiter, values.Select(Cell));

    /// <summary>One cell of <see cref="Row"/>.</summary>
    public static string Cell(object? value) => Field(value switch
    {
        null => null,
        string t => FormulaGuard.Text(t),
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        var other => FormulaGuard.Text(other.ToString()),
    });

    /// <summary>
    /// A line as it came from an uploaded file (its own <paramref name="delimiter"/>, quoted or not),
    /// written back with every cell guarded against formulas.
    /// </summary>
    public static string GuardLine(string? line, char delimiter)
    {
        if (string.IsNullOrEmpty(line))
        {
            return string.Empty;
        }

        var cells = Split(line, delimiter);
        return cells.Any(FormulaGuard.IsRisky) ? Row(cells, delimiter) : line;
    }

    /// <summary>Splits one CSV line (RFC 4180 quotes, doubled quotes inside) into its cells.</summary>
    public static List<string> Split(string line, char delimiter)
    {
        var cells = new List<string>();
        var cell = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    cell.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    cell.Append(c);
                }
            }
            else if (c == '"' && cell.Length == 0)
            {
                quoted = true;
            }
            else if (c == delimiter)
            {
                cells.Add(cell.ToString());
                cell.Clear();
            }
            else
            {
                cell.Append(c);
            }
        }

        cells.Add(cell.ToString());
        return cells;
    }
}
