using Tuntas.Data.Spreadsheets;
using Tuntas.Domain.Import;

namespace Tuntas.Data.Import.Reading;

/// <summary>
/// The first sheet of an XLSX workbook (<see cref="XlsxWorkbook"/>), with the header in the first
/// non-empty row that names the required columns (P3KE exports put title rows above it).
/// </summary>
internal sealed class XlsxImportFileReader : ImportFileReader
{
    private readonly XlsxWorkbook _workbook;
    private readonly DocumentFormat.OpenXml.Packaging.WorksheetPart _sheet;
    private readonly string _sheetName;
    private readonly long _headerLine;

    public XlsxImportFileReader(string path, ColumnSchema schema)
        : this(new XlsxWorkbook(path), schema)
    {
    }

    /// <summary>Reads the first sheet of an opened workbook, which this reader then owns.</summary>
    public XlsxImportFileReader(XlsxWorkbook workbook, ColumnSchema schema)
        : base(schema)
    {
        _workbook = workbook;
        (_sheetName, _sheet) = workbook.Sheets[0];
        try
        {
            // The header is the first non-empty row that names the required columns; title rows
            // above it (as in P3KE exports) are skipped. Without such a row, the first non-empty row
            // is taken, so that the error names what the file does have.
            (long Line, SourceCell[] Cells)? firstNonEmpty = null;
            var scanned = 0;
            foreach (var (line, cells) in workbook.Rows(_sheet))
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
        catch
        {
            workbook.Dispose();
            throw;
        }
    }

    public override string Format => $"XLSX, sheet '{_sheetName}'";

    public override string HeaderLine => CsvText.Line(Headers);

    public override IEnumerable<SourceRecord> ReadRecords()
    {
        foreach (var (line, cells) in _workbook.Rows(_sheet))
        {
            if (line <= _headerLine || IsBlank(cells))
            {
                continue;
            }

            yield return new SourceRecord(line, cells, CsvText.Line(cells.Select(c => c.Text)));
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _workbook.Dispose();
        }

        base.Dispose(disposing);
    }
}
