using Tuntas.Domain.Import;

namespace Tuntas.Data.Import.Reading;

/// <summary>The file cannot be read as a household list at all; nothing is written.</summary>
public sealed class ImportFileException(string message) : Exception(message);

/// <summary>
/// One non-blank row of the file: its line number, its cells in file order, and the row as it
/// came (the raw CSV text, or the cells of a spreadsheet row written as CSV).
/// </summary>
public sealed record SourceRecord(long Line, SourceCell[] Cells, string Original);

/// <summary>
/// Reads a household list (CSV or XLSX) one row at a time, without holding the file in memory,
/// and maps its headers to the import columns.
/// </summary>
public abstract class ImportFileReader : IDisposable
{
    private IReadOnlyList<string> _headers = [];

    /// <summary>The header cells as written in the file.</summary>
    public IReadOnlyList<string> Headers => _headers;

    /// <summary>Where each recognised column sits in a row.</summary>
    public IReadOnlyDictionary<ImportColumn, int> Columns { get; private set; } = new Dictionary<ImportColumn, int>();

    /// <summary>A short description of how the file was read (encoding, delimiter, sheet).</summary>
    public abstract string Format { get; }

    /// <summary>The delimiter of <see cref="SourceRecord.Original"/> and of the header line: the file's own for CSV.</summary>
    public virtual char Delimiter => ',';

    /// <summary>The header row as it came, in the same form as <see cref="SourceRecord.Original"/>.</summary>
    public abstract string HeaderLine { get; }

    public static ImportFileReader Open(string path)
    {
        if (!File.Exists(path))
        {
            throw new ImportFileException($"The file {path} does not exist.");
        }

        return Path.GetExtension(path).ToLowerInvariant() switch
        {
            ".xlsx" or ".xlsm" => new XlsxImportFileReader(path),
            ".csv" or ".txt" or ".tsv" => new CsvImportFileReader(path),
            ".xls" => throw new ImportFileException("Old Excel .xls files cannot be read; open it in Excel or LibreOffice and save it as .xlsx or .csv."),
            var other => throw new ImportFileException($"Files of type '{other}' cannot be imported; use .csv or .xlsx."),
        };
    }

    /// <summary>The data rows after the header, blank ones skipped.</summary>
    public abstract IEnumerable<SourceRecord> ReadRecords();

    /// <summary>The cell of a column in a row; an empty cell when the file has no such column or the row is short.</summary>
    public SourceCell Cell(SourceRecord record, ImportColumn column) =>
        Columns.TryGetValue(column, out var index) && index < record.Cells.Length ? record.Cells[index] : default;

    protected void SetHeaders(IReadOnlyList<string> headers)
    {
        var columns = new Dictionary<ImportColumn, int>();
        for (var i = 0; i < headers.Count; i++)
        {
            if (ImportColumns.Match(headers[i]) is not { } column)
            {
                continue;
            }

            if (columns.TryGetValue(column, out var earlier))
            {
                throw new ImportFileException($"Columns '{headers[earlier]}' and '{headers[i]}' both mean {column.Name()}; keep one of them.");
            }

            columns[column] = i;
        }

        var missing = ImportColumns.Required.Where(c => !columns.ContainsKey(c)).ToList();
        if (missing.Count > 0)
        {
            throw new ImportFileException(
                $"The file has no column for {string.Join(", ", missing.Select(c => c.Name()))}. " +
                $"Its header row reads: {string.Join(" | ", headers)}. See docs/import-format.md for the accepted column names.");
        }

        _headers = headers;
        Columns = columns;
    }

    protected static bool IsBlank(SourceCell[] cells) => cells.All(c => string.IsNullOrWhiteSpace(c.Text));

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
    }
}
