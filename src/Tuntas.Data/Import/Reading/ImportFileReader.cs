using Tuntas.Domain.Common;
using Tuntas.Domain.Import;

namespace Tuntas.Data.Import.Reading;

/// <summary>The file cannot be read as an import file at all; nothing is written.</summary>
public class ImportFileException(string message) : Exception(message);

/// <summary>
/// One non-blank row of the file: its line number, its cells in file order, and the row as it
/// came (the raw CSV text, or the cells of a spreadsheet row written as CSV).
/// </summary>
public sealed record SourceRecord(long Line, SourceCell[] Cells, string Original)
{
    /// <summary>
    /// A refusal the file's own layout gives the row before its cells are checked (an OpenSID person
    /// who is no longer living in the family): the column named in the errors file and the reason.
    /// </summary>
    public (string Column, DomainError Reason)? Refusal { get; init; }
}

/// <summary>
/// Reads an import file (CSV or XLSX) one row at a time, without holding the file in memory,
/// and maps its headers to the columns of its <see cref="ColumnSchema"/>.
/// </summary>
public abstract class ImportFileReader(ColumnSchema schema) : IDisposable
{
    private IReadOnlyList<string> _headers = [];
    private int[] _indexByColumn = [];

    /// <summary>The kind of file this reader expects.</summary>
    public ColumnSchema Schema { get; } = schema;

    /// <summary>The header cells as written in the file.</summary>
    public IReadOnlyList<string> Headers => _headers;

    /// <summary>Where each recognised column (by its number in the schema) sits in a row.</summary>
    public IReadOnlyDictionary<int, int> Columns { get; private set; } = new Dictionary<int, int>();

    /// <summary>A short description of how the file was read (encoding, delimiter, sheet).</summary>
    public abstract string Format { get; }

    /// <summary>The delimiter of <see cref="SourceRecord.Original"/> and of the header line: the file's own for CSV.</summary>
    public virtual char Delimiter => ',';

    /// <summary>The header row as it came, in the same form as <see cref="SourceRecord.Original"/>.</summary>
    public abstract string HeaderLine { get; }

    /// <summary>Opens a household list (contracts §3).</summary>
    public static ImportFileReader Open(string path) => Open(path, ColumnSchema.Households);

    /// <summary>
    /// Opens a household list, or an OpenSID population workbook, which is recognised by its header
    /// of OpenSID's column names and needs the desa it holds (<paramref name="village"/>, dotted):
    /// the file names no region. A desa given for an ordinary household list, which names its own
    /// in <c>kode_wilayah</c>, is refused.
    /// </summary>
    public static ImportFileReader OpenHouseholds(string path, string? village)
    {
        var extension = Path.GetExtension(path).ToLowerInvariant();
        if (File.Exists(path) && extension is ".xlsx" or ".xlsm")
        {
            var workbook = new XlsxWorkbook(path);
            try
            {
                if (OpenSidPopulationReader.Recognises(workbook))
                {
                    return village is null
                        ? throw new ImportFileException(OpenSidPopulationReader.VillageMissing)
                        : new OpenSidPopulationReader(workbook, village);
                }

                if (village is not null)
                {
                    throw new ImportFileException(OpenSidPopulationReader.VillageNotForThisFile);
                }

                return new XlsxImportFileReader(workbook, ColumnSchema.Households);
            }
            catch
            {
                workbook.Dispose();
                throw;
            }
        }

        return village is not null && File.Exists(path)
            ? throw new ImportFileException(OpenSidPopulationReader.VillageNotForThisFile)
            : Open(path, ColumnSchema.Households);
    }

    /// <summary>Whether the file is an OpenSID population workbook (which needs its desa named); false for any other file, readable or not.</summary>
    public static bool IsOpenSidPopulation(string path)
    {
        if (!File.Exists(path) || Path.GetExtension(path).ToLowerInvariant() is not (".xlsx" or ".xlsm"))
        {
            return false;
        }

        try
        {
            using var workbook = new XlsxWorkbook(path);
            return OpenSidPopulationReader.Recognises(workbook);
        }
        catch (ImportFileException)
        {
            // Unreadable, or over the limits: the import itself says why.
            return false;
        }
    }

    public static ImportFileReader Open(string path, ColumnSchema schema)
    {
        if (!File.Exists(path))
        {
            throw new ImportFileException($"The file {path} does not exist.");
        }

        return Path.GetExtension(path).ToLowerInvariant() switch
        {
            ".xlsx" or ".xlsm" => new XlsxImportFileReader(path, schema),
            ".csv" or ".txt" or ".tsv" => new CsvImportFileReader(path, schema),
            ".xls" => throw new ImportFileException("Old Excel .xls files cannot be read; open it in Excel or LibreOffice and save it as .xlsx or .csv."),
            var other => throw new ImportFileException($"Files of type '{other}' cannot be imported; use .csv or .xlsx."),
        };
    }

    /// <summary>The data rows after the header, blank ones skipped.</summary>
    public abstract IEnumerable<SourceRecord> ReadRecords();

    /// <summary>The cell of a column in a row; an empty cell when the file has no such column or the row is short.</summary>
    public SourceCell Cell(SourceRecord record, ImportColumn column) => Cell(record, (int)column);

    /// <summary>The cell of a column (by its number in the schema) in a row.</summary>
    public SourceCell Cell(SourceRecord record, int column)
    {
        if (column >= _indexByColumn.Length)
        {
            return default;
        }

        var index = _indexByColumn[column];
        return index >= 0 && index < record.Cells.Length ? record.Cells[index] : default;
    }

    protected void SetHeaders(IReadOnlyList<string> headers)
    {
        var columns = Schema.Map(headers);
        var byColumn = new int[columns.Count == 0 ? 0 : columns.Keys.Max() + 1];
        Array.Fill(byColumn, -1);
        foreach (var (column, index) in columns)
        {
            byColumn[column] = index;
        }

        _headers = headers;
        Columns = columns;
        _indexByColumn = byColumn;
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
