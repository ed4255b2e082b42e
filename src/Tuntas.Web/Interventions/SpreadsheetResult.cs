using Microsoft.AspNetCore.Mvc;
using Tuntas.Data.Spreadsheets;

namespace Tuntas.Web.Interventions;

/// <summary>An XLSX download of a screen's table: the header row, then one row per line.</summary>
public static class SpreadsheetResult
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>The table as CSV (UTF-8 with BOM, for Excel) when <paramref name="csv"/>, else as XLSX; <paramref name="fileName"/> ends in <c>.xlsx</c>.</summary>
    public static FileContentResult For(bool csv, string sheetName, string fileName, IEnumerable<object?> header, IEnumerable<IEnumerable<object?>> rows) =>
        csv ? Csv(Path.ChangeExtension(fileName, ".csv"), header, rows) : Create(sheetName, fileName, header, rows);

    /// <summary>
    /// A CSV download. Text that a spreadsheet would run as a formula is written with a leading
    /// <c>'</c> (<see cref="FormulaGuard"/>); numbers are written without grouping.
    /// </summary>
    public static FileContentResult Csv(string fileName, IEnumerable<object?> header, IEnumerable<IEnumerable<object?>> rows)
    {
        var text = new System.Text.StringBuilder();
        foreach (var row in rows.Prepend(header))
        {
            text.Append(CsvText.Row(row)).Append("\r\n");
        }

        var bytes = System.Text.Encoding.UTF8.GetPreamble().Concat(System.Text.Encoding.UTF8.GetBytes(text.ToString())).ToArray();
        return new FileContentResult(bytes, "text/csv; charset=utf-8") { FileDownloadName = fileName };
    }

    public static FileContentResult Create(string sheetName, string fileName, IEnumerable<object?> header, IEnumerable<IEnumerable<object?>> rows)
    {
        // The writer streams to a file; the lists of these screens are small enough to hand back as bytes.
        var path = Path.Combine(Path.GetTempPath(), $"tuntas-export-{Guid.NewGuid():N}.xlsx");
        try
        {
            using (var xlsx = new XlsxWriter(path, sheetName))
            {
                xlsx.WriteRow(header);
                foreach (var row in rows)
                {
                    xlsx.WriteRow(row);
                }
            }

            return new FileContentResult(File.ReadAllBytes(path), ContentType) { FileDownloadName = fileName };
        }
        finally
        {
            File.Delete(path);
        }
    }
}
