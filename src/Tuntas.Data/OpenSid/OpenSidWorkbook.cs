using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Tuntas.Data.OpenSid;

/// <summary>
/// Writes the two workbooks a village loads into OpenSID, in the layouts of OpenSID's own import
/// templates (docs/import-format.md, "Exports for OpenSID"). These are read by a machine, so the
/// header sits in row 1 with no title block above it; the region and the as-of date go into the
/// document properties (and, for Data Suplemen, a second sheet <c>Keterangan</c>). Every value is a
/// text cell formatted as text (<c>@</c>): a No. KK or NIK stays 16 digits and a date stays
/// <c>YYYY-MM-DD</c>, as OpenSID's reader expects.
/// </summary>
public static class OpenSidWorkbook
{
    /// <summary>The end-of-data mark OpenSID's templates put in column A after the last row.</summary>
    public const string EndMark = "###";

    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>Data Suplemen (sasaran keluarga): sheet <c>Peserta</c> with <c>Peserta | Keterangan</c>, then <c>Keterangan</c> describing the file.</summary>
    public static void WriteSuplemen(Stream stream, SuplemenExport export, DateTime createdUtc)
    {
        var at = Day(export.At);
        var peserta = new List<IReadOnlyList<string?>> { new[] { "Peserta", "Keterangan" } };
        peserta.AddRange(export.Families.Select(f => new[] { f.NoKk, f.Note }));
        peserta.Add([EndMark]);
        var about = new List<IReadOnlyList<string?>>
        {
            new[] { "Data", "Keluarga miskin ekstrem (terdata atau terverifikasi)" },
            new[] { "Sasaran", "Keluarga (No. KK di kolom Peserta)" },
            new[] { "Desa/Kelurahan", export.VillageName },
            new[] { "Kode wilayah", export.Village.Value },
            new[] { "Per tanggal", at },
            new[] { "Jumlah keluarga", export.Families.Count.ToString(CultureInfo.InvariantCulture) },
            new[] { "Sumber", "Tuntas" },
        };
        Write(stream, [("Peserta", peserta), ("Keterangan", about)], new Properties(
            $"Data Suplemen miskin ekstrem · {export.VillageName} · per {at}",
            $"{export.Village.Value} {export.VillageName}",
            $"Keluarga miskin ekstrem {export.VillageName} ({export.Village.Value}) per {at}: {export.Families.Count} KK. Impor di OpenSID: Data Suplemen, sasaran Keluarga.",
            createdUtc));
    }

    /// <summary>
    /// Program Bantuan in the import template's 7-row layout: sheet <c>Program</c> (label in A, value
    /// in B, then <c>###</c>) and sheet <c>Peserta</c> (<c>Peserta | No. Peserta | NIK | Nama |
    /// Tempat Lahir | Tanggal Lahir | Alamat</c>, then <c>###</c>). With no delivery recorded the
    /// period is the day of the export, because OpenSID refuses a programme without valid dates.
    /// </summary>
    public static void WriteBantuan(Stream stream, BantuanExport export, DateOnly today, DateTime createdUtc)
    {
        var start = Day(export.FirstDelivery ?? today);
        var end = Day(export.LastDelivery ?? today);
        var note = export.FirstDelivery is null
            ? $"Penerima {export.ProgrammeCode} di {export.VillageName} menurut Tuntas: belum ada penyaluran tercatat per {Day(today)}"
            : $"Penerima {export.ProgrammeCode} di {export.VillageName} menurut Tuntas, penyaluran {start} s.d. {end}";
        var program = new List<IReadOnlyList<string?>>
        {
            new[] { "ID Program", "-" },
            new[] { "Nama Program", export.ProgrammeName },
            new[] { "Sasaran Program", "2" },
            new[] { "Keterangan", note },
            new[] { "Asal Dana", export.FundingSource },
            new[] { "Rentang Waktu (Awal)", start },
            new[] { "Rentang Waktu (Akhir)", end },
            new[] { EndMark },
        };
        var peserta = new List<IReadOnlyList<string?>> { new[] { "Peserta", "No. Peserta", "NIK", "Nama", "Tempat Lahir", "Tanggal Lahir", "Alamat" } };
        peserta.AddRange(export.Households.Select(h => new[]
        {
            h.NoKk, null, h.HeadNik, h.HeadName, null, h.HeadBirthDate is { } born ? Day(born) : null, h.Address,
        }));
        peserta.Add([EndMark]);
        Write(stream, [("Program", program), ("Peserta", peserta)], new Properties(
            $"Program Bantuan {export.ProgrammeCode} · {export.VillageName} · per {Day(today)}",
            $"{export.Village.Value} {export.VillageName}",
            $"Penerima {export.ProgrammeName} ({export.ProgrammeCode}) di {export.VillageName} ({export.Village.Value}) per {Day(today)}: {export.Households.Count} KK. Impor di OpenSID: Program Bantuan, sasaran Keluarga.",
            createdUtc));
    }

    private sealed record Properties(string Title, string Subject, string Description, DateTime CreatedUtc);

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static void Write(Stream stream, IReadOnlyList<(string Name, List<IReadOnlyList<string?>> Rows)> sheets, Properties properties)
    {
        using var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook);
        var workbook = document.AddWorkbookPart();
        workbook.Workbook = new Workbook(new Sheets());

        // One cell format besides the default: text (number format 49, "@"), so that Excel keeps a
        // retyped NIK as text too.
        var styles = workbook.AddNewPart<WorkbookStylesPart>();
        styles.Stylesheet = new Stylesheet(
            new Fonts(new Font()) { Count = 1 },
            new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
            new Borders(new Border()) { Count = 1 },
            new CellStyleFormats(new CellFormat()) { Count = 1 },
            new CellFormats(new CellFormat(), new CellFormat { NumberFormatId = 49, ApplyNumberFormat = true }) { Count = 2 });

        var strings = workbook.AddNewPart<SharedStringTablePart>();
        strings.SharedStringTable = new SharedStringTable();
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        int StringIndex(string text)
        {
            if (!index.TryGetValue(text, out var i))
            {
                i = index.Count;
                index[text] = i;
                strings.SharedStringTable.AppendChild(new SharedStringItem(new Text(text) { Space = SpaceProcessingModeValues.Preserve }));
            }

            return i;
        }

        uint sheetId = 0;
        foreach (var (name, rows) in sheets)
        {
            var part = workbook.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            uint rowNumber = 0;
            foreach (var values in rows)
            {
                rowNumber++;
                var row = new Row { RowIndex = rowNumber };
                for (var column = 0; column < values.Count; column++)
                {
                    if (values[column] is not { } value)
                    {
                        continue;
                    }

                    row.AppendChild(new Cell
                    {
                        CellReference = Spreadsheets.XlsxWriter.ColumnName(column) + rowNumber.ToString(CultureInfo.InvariantCulture),
                        DataType = CellValues.SharedString,
                        StyleIndex = 1,
                        CellValue = new CellValue(StringIndex(value).ToString(CultureInfo.InvariantCulture)),
                    });
                }

                data.AppendChild(row);
            }

            var width = Math.Max(2, rows.Max(r => r.Count));
            var columns = new Columns(Enumerable.Range(1, width).Select(c => new Column { Min = (uint)c, Max = (uint)c, Width = c == 1 ? 22 : 26, CustomWidth = true }));
            part.Worksheet = new Worksheet(columns, data);
            workbook.Workbook.Sheets!.AppendChild(new Sheet { Id = workbook.GetIdOfPart(part), SheetId = ++sheetId, Name = name });
        }

        strings.SharedStringTable.Count = (uint)index.Count;
        strings.SharedStringTable.UniqueCount = (uint)index.Count;
        document.PackageProperties.Title = properties.Title;
        document.PackageProperties.Subject = properties.Subject;
        document.PackageProperties.Description = properties.Description;
        document.PackageProperties.Creator = "Tuntas";
        document.PackageProperties.Created = properties.CreatedUtc;
    }
}
