using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Tuntas.Testing;

/// <summary>One cell as a reader sees it: its text and whether the file stores it as text (not as a number).</summary>
public sealed record SheetCell(string Text, bool IsText);

/// <summary>A workbook read back with DocumentFormat.OpenXml: its sheets in order, rows by column letter, and its document properties.</summary>
public sealed record ReadWorkbook(IReadOnlyList<string> SheetNames, IReadOnlyDictionary<string, List<Dictionary<string, SheetCell>>> Sheets, string? Title, string? Subject, string? Description)
{
    /// <summary>The rows of a sheet as text, columns A.. up to <paramref name="width"/>, blank cells as "".</summary>
    public List<string[]> Rows(string sheet, int width) =>
        Sheets[sheet].Select(r => Enumerable.Range(0, width).Select(c => r.TryGetValue(((char)('A' + c)).ToString(), out var cell) ? cell.Text : string.Empty).ToArray()).ToList();

    public static ReadWorkbook Read(byte[] bytes)
    {
        using var stream = new MemoryStream(bytes);
        using var document = SpreadsheetDocument.Open(stream, false);
        var part = document.WorkbookPart!;
        var shared = part.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(s => s.InnerText).ToList() ?? [];
        var names = new List<string>();
        var sheets = new Dictionary<string, List<Dictionary<string, SheetCell>>>(StringComparer.Ordinal);
        foreach (var sheet in part.Workbook.Sheets!.Elements<Sheet>())
        {
            names.Add(sheet.Name!.Value!);
            var worksheet = (WorksheetPart)part.GetPartById(sheet.Id!.Value!);
            var rows = new List<Dictionary<string, SheetCell>>();
            foreach (var row in worksheet.Worksheet.Descendants<Row>())
            {
                var cells = new Dictionary<string, SheetCell>(StringComparer.Ordinal);
                foreach (var cell in row.Elements<Cell>())
                {
                    var column = new string(cell.CellReference!.Value!.TakeWhile(char.IsLetter).ToArray());
                    var type = cell.DataType?.Value;
                    var text = type == CellValues.SharedString ? shared[int.Parse(cell.CellValue!.Text, System.Globalization.CultureInfo.InvariantCulture)]
                        : type == CellValues.InlineString ? cell.InlineString!.InnerText
                        : cell.CellValue?.Text ?? string.Empty;
                    cells[column] = new SheetCell(text, type == CellValues.SharedString || type == CellValues.InlineString || type == CellValues.String);
                }

                rows.Add(cells);
            }

            sheets[sheet.Name!.Value!] = rows;
        }

        var properties = document.PackageProperties;
        return new ReadWorkbook(names, sheets, properties.Title, properties.Subject, properties.Description);
    }
}
