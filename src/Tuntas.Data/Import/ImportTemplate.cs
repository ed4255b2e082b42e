using System.Text;
using Tuntas.Data.Spreadsheets;
using Tuntas.Domain.Import;

namespace Tuntas.Data.Import;

/// <summary>The downloadable template of the household import file: the columns and one example family.</summary>
public static class ImportTemplate
{
    public static readonly IReadOnlyList<string?[]> ExampleRows =
    [
        ["6474010101200001", "64.74.01.1001", "6474011708850002", "Budi Santoso", "L", "1985-08-17", "Kepala Keluarga", "Jl. Pelabuhan No. 3, RT 04", "322170", "1", "SD", "Nelayan", "tidak", "PBI-JK"],
        ["6474010101200001", "64.74.01.1001", "6474015708900003", "Siti Aminah", "P", "17-08-1990", "Istri", null, null, null, "SMP", "Mengurus rumah tangga", "tidak", "PBI-JK"],
        ["6474010101200001", "64.74.01.1001", "6474011203150004", "Andi Santoso", "L", "12/03/2015", "Anak", null, null, null, "SD", "Pelajar", "tidak", "Tidak ada"],
    ];

    public static IReadOnlyList<string> Header => Enum.GetValues<ImportColumn>().Select(c => c.Name()).ToList();

    /// <summary>Writes the template as CSV or, for a <c>.xlsx</c> path, as a workbook whose cells are all text.</summary>
    public static void Write(string path)
    {
        if (path.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase))
        {
            using var xlsx = new XlsxWriter(path, "Keluarga");
            xlsx.WriteRow(Header);
            foreach (var row in ExampleRows)
            {
                xlsx.WriteRow(row);
            }

            return;
        }

        var text = new StringBuilder();
        text.Append(CsvText.Row(Header)).Append('\n');
        foreach (var row in ExampleRows)
        {
            text.Append(CsvText.Row(row)).Append('\n');
        }

        File.WriteAllText(path, text.ToString(), new UTF8Encoding(false));
    }
}
