using Microsoft.AspNetCore.Mvc;
using Tuntas.Data.Spreadsheets;

namespace Tuntas.Web.Interventions;

/// <summary>An XLSX download of a screen's table: the header row, then one row per line.</summary>
public static class SpreadsheetResult
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

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
