using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Tuntas.Data.Spreadsheets;

/// <summary>
/// Writes a one-sheet XLSX workbook row by row (SAX), so that large lists do not sit in memory.
/// Text cells are written as inline strings: a NIK stays 16 digits of text, never a rounded number.
/// </summary>
public sealed class XlsxWriter : IDisposable
{
    private readonly SpreadsheetDocument _document;
    private readonly OpenXmlWriter _writer;
    private readonly WorkbookPart _workbook;
    private readonly string _sheetName;
    private readonly uint _headerRow;
    private uint _row;
    private int _columns;

    public XlsxWriter(string path, string sheetName)
        : this(path, sheetName, 0)
    {
    }

    /// <summary>
    /// A workbook whose header is on row <paramref name="headerRow"/> (a title block above it): the
    /// rows down to the header stay in view when scrolling, and the header carries a filter over the
    /// rows below it. 0 for neither.
    /// </summary>
    public XlsxWriter(string path, string sheetName, int headerRow)
    {
        _document = SpreadsheetDocument.Create(path, SpreadsheetDocumentType.Workbook);
        _workbook = _document.AddWorkbookPart();
        _sheetName = sheetName;
        _headerRow = (uint)Math.Max(0, headerRow);
        var sheet = _workbook.AddNewPart<WorksheetPart>();
        _writer = OpenXmlWriter.Create(sheet);
        _writer.WriteStartElement(new Worksheet());
        if (_headerRow > 0)
        {
            var below = "A" + (_headerRow + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
            var pane = new Pane
            {
                VerticalSplit = _headerRow,
                TopLeftCell = below,
                ActivePane = PaneValues.BottomLeft,
                State = PaneStateValues.Frozen,
            };
            _writer.WriteElement(new SheetViews(new SheetView(pane) { WorkbookViewId = 0U }));
        }

        _writer.WriteStartElement(new SheetData());
        _workbook.Workbook = new Workbook(new Sheets(new Sheet { Id = _workbook.GetIdOfPart(sheet), SheetId = 1, Name = sheetName }));
    }

    /// <summary>Appends a row; a <see cref="double"/> or <see cref="long"/> becomes a number cell, anything else text.</summary>
    public void WriteRow(IEnumerable<object?> values)
    {
        _row++;
        _writer.WriteStartElement(new Row { RowIndex = _row });
        var column = 0;
        foreach (var value in values)
        {
            var reference = ColumnName(column++) + _row.ToString(System.Globalization.CultureInfo.InvariantCulture);
            switch (value)
            {
                case null:
                    break;
                case double or long or int or decimal:
                    _writer.WriteElement(new Cell
                    {
                        CellReference = reference,
                        DataType = CellValues.Number,
                        CellValue = new CellValue(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)!),
                    });
                    break;
                default:
                    _writer.WriteElement(new Cell(new InlineString(new Text(value.ToString()!) { Space = SpaceProcessingModeValues.Preserve }))
                    {
                        CellReference = reference,
                        DataType = CellValues.InlineString,
                    });
                    break;
            }
        }

        if (_row == _headerRow)
        {
            _columns = column;
        }

        _writer.WriteEndElement();
    }

    public static string ColumnName(int index)
    {
        var name = string.Empty;
        for (var i = index + 1; i > 0; i = (i - 1) / 26)
        {
            name = (char)('A' + ((i - 1) % 26)) + name;
        }

        return name;
    }

    public void Dispose()
    {
        _writer.WriteEndElement();
        if (_headerRow > 0 && _columns > 0 && _row >= _headerRow)
        {
            var inv = System.Globalization.CultureInfo.InvariantCulture;
            var last = ColumnName(_columns - 1);
            _writer.WriteElement(new AutoFilter { Reference = $"A{_headerRow.ToString(inv)}:{last}{_row.ToString(inv)}" });
            _workbook.Workbook.Append(new DefinedNames(new DefinedName($"'{_sheetName}'!$A${_headerRow.ToString(inv)}:${last}${_row.ToString(inv)}")
            {
                Name = "_xlnm._FilterDatabase",
                LocalSheetId = 0U,
                Hidden = true,
            }));
        }

        _writer.WriteEndElement();
        _writer.Close();
        _document.Dispose();
    }
}
