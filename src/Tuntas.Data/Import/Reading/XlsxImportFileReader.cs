using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Tuntas.Data.Spreadsheets;
using Tuntas.Domain.Import;

namespace Tuntas.Data.Import.Reading;

/// <summary>
/// The first sheet of an XLSX workbook, read row by row (SAX), with the header in the first
/// non-empty row (P3KE exports put title rows above it). Cells Excel stored as numbers are marked,
/// because a NIK or No. KK stored as a number has already lost its last digit.
/// </summary>
internal sealed class XlsxImportFileReader : ImportFileReader
{
    private readonly SpreadsheetDocument _document;
    private readonly WorksheetPart _sheet;
    private readonly string _sheetName;
    private readonly List<string> _sharedStrings = [];
    private readonly long _headerLine;

    public XlsxImportFileReader(string path, ColumnSchema schema)
        : base(schema)
    {
        try
        {
            _document = SpreadsheetDocument.Open(path, isEditable: false);
        }
        catch (Exception e) when (e is OpenXmlPackageException or InvalidDataException or FileFormatException)
        {
            throw new ImportFileException($"The file is not a readable .xlsx workbook ({e.Message}). Save it again from Excel or LibreOffice as .xlsx, or as .csv.");
        }

        var workbook = _document.WorkbookPart ?? throw new ImportFileException("The workbook has no sheets.");
        var first = workbook.Workbook.Sheets?.Elements<Sheet>().FirstOrDefault() ?? throw new ImportFileException("The workbook has no sheets.");
        _sheetName = first.Name?.Value ?? "1";
        _sheet = (WorksheetPart)workbook.GetPartById(first.Id!.Value!);
        if (workbook.SharedStringTablePart is { } strings)
        {
            using var reader = OpenXmlReader.Create(strings);
            while (reader.Read())
            {
                if (reader.ElementType == typeof(SharedStringItem) && reader.IsStartElement)
                {
                    _sharedStrings.Add(((SharedStringItem)reader.LoadCurrentElement()!).InnerText);
                }
            }
        }

        // The header is the first non-empty row that names the required columns; title rows
        // above it (as in P3KE exports) are skipped. Without such a row, the first non-empty row
        // is taken, so that the error names what the file does have.
        (long Line, SourceCell[] Cells)? firstNonEmpty = null;
        var scanned = 0;
        foreach (var (line, cells) in Rows())
        {
            if (IsBlank(cells))
            {
                continue;
            }

            firstNonEmpty ??= (line, cells);
            var names = cells.Select(c => c.Text ?? string.Empty).ToList();
            if (schema.IsHeader(names))
            {
                _headerLine = line;
                SetHeaders(names.Select(n => n.Trim()).ToList());
                return;
            }

            if (++scanned == 30)
            {
                break;
            }
        }

        if (firstNonEmpty is null)
        {
            throw new ImportFileException($"Sheet '{_sheetName}' is empty: it has no header row.");
        }

        _headerLine = firstNonEmpty.Value.Line;
        SetHeaders(firstNonEmpty.Value.Cells.Select(c => c.Text?.Trim() ?? string.Empty).ToList());
    }

    public override string Format => $"XLSX, sheet '{_sheetName}'";

    public override string HeaderLine => CsvText.Line(Headers);

    public override IEnumerable<SourceRecord> ReadRecords()
    {
        foreach (var (line, cells) in Rows())
        {
            if (line <= _headerLine || IsBlank(cells))
            {
                continue;
            }

            yield return new SourceRecord(line, cells, CsvText.Line(cells.Select(c => c.Text)));
        }
    }

    private IEnumerable<(long Line, SourceCell[] Cells)> Rows()
    {
        using var reader = OpenXmlReader.Create(_sheet);
        long previous = 0;
        while (reader.Read())
        {
            if (reader.ElementType != typeof(Row) || !reader.IsStartElement)
            {
                continue;
            }

            var row = (Row)reader.LoadCurrentElement()!;
            var line = row.RowIndex?.Value is { } index ? (long)index : previous + 1;
            previous = line;
            var cells = new List<SourceCell>();
            foreach (var cell in row.Elements<Cell>())
            {
                var column = ColumnIndex(cell.CellReference?.Value) ?? cells.Count;
                while (cells.Count < column)
                {
                    cells.Add(default);
                }

                cells.Add(Read(cell));
            }

            yield return (line, cells.ToArray());
        }
    }

    private SourceCell Read(Cell cell)
    {
        var raw = cell.CellValue?.Text;
        var type = cell.DataType?.Value;
        if (type == CellValues.SharedString)
        {
            return new SourceCell(int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < _sharedStrings.Count ? _sharedStrings[i] : null);
        }

        if (type == CellValues.InlineString)
        {
            return new SourceCell(cell.InlineString?.InnerText);
        }

        if (type == CellValues.String || type == CellValues.Boolean || type == CellValues.Error || type == CellValues.Date)
        {
            return new SourceCell(raw);
        }

        // No type or "n": a number. Keep its text as Excel stored it, and its value.
        if (raw is not null && double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            var text = Math.Abs(number) < 1e15 && number == Math.Floor(number) ? ((long)number).ToString(CultureInfo.InvariantCulture) : raw;
            return new SourceCell(text, IsNumber: true, Number: number);
        }

        return new SourceCell(raw);
    }

    /// <summary>Zero-based column of a reference such as <c>C12</c>.</summary>
    private static int? ColumnIndex(string? reference)
    {
        if (string.IsNullOrEmpty(reference))
        {
            return null;
        }

        var index = 0;
        foreach (var c in reference)
        {
            if (c is < 'A' or > 'Z')
            {
                break;
            }

            index = (index * 26) + (c - 'A' + 1);
        }

        return index - 1;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _document.Dispose();
        }

        base.Dispose(disposing);
    }
}
