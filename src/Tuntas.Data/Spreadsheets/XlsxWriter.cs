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
    private uint _row;

    public XlsxWriter(string path, string sheetName)
    {
        _document = SpreadsheetDocument.Create(path, SpreadsheetDocumentType.Workbook);
        var workbook = _document.AddWorkbookPart();
        var sheet = workbook.AddNewPart<WorksheetPart>();
        _writer = OpenXmlWriter.Create(sheet);
        _writer.WriteStartElement(new Worksheet());
        _writer.WriteStartElement(new SheetData());
        workbook.Workbook = new Workbook(new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheet), SheetId = 1, Name = sheetName }));
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
        _writer.WriteEndElement();
        _writer.Close();
        _document.Dispose();
    }
}
