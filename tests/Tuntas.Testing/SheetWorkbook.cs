using System.Globalization;
using System.IO.Compression;
using System.Security;
using System.Text;

namespace Tuntas.Testing;

/// <summary>
/// Writes a workbook of several sheets from scratch (inline strings, numbers as number cells), the
/// way OpenSID's templates arrive: an <c>.xlsm</c> is written with the macro-enabled content type.
/// A <see cref="DateOnly"/> is written as a date cell (an Excel serial number).
/// </summary>
public static class SheetWorkbook
{
    private const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    public static string Write(string extension, params (string Name, IEnumerable<object?[]> Rows)[] sheets)
    {
        var path = Path.Combine(Path.GetTempPath(), $"tuntas-sheets-{Guid.NewGuid():N}{extension}");
        var mainType = extension == ".xlsm"
            ? "application/vnd.ms-excel.sheet.macroEnabled.main+xml"
            : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml";
        using var zip = ZipFile.Open(path, ZipArchiveMode.Create);
        void Part(string name, string content)
        {
            using var writer = new StreamWriter(zip.CreateEntry(name).Open(), new UTF8Encoding(false));
            writer.Write(content);
        }

        var overrides = string.Concat(sheets.Select((_, i) =>
            $"""<Override PartName="/xl/worksheets/sheet{i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>"""));
        Part("[Content_Types].xml", $"""<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="{mainType}"/>{overrides}</Types>""");
        Part("_rels/.rels", """<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>""");
        var sheetList = string.Concat(sheets.Select((s, i) => $"""<sheet name="{SecurityElement.Escape(s.Name)}" sheetId="{i + 1}" r:id="rId{i + 1}"/>"""));
        Part("xl/workbook.xml", $"""<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="{Main}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>{sheetList}</sheets></workbook>""");
        var relations = string.Concat(sheets.Select((_, i) =>
            $"""<Relationship Id="rId{i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet{i + 1}.xml"/>"""));
        Part("xl/_rels/workbook.xml.rels", $"""<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">{relations}</Relationships>""");
        for (var i = 0; i < sheets.Length; i++)
        {
            var xml = new StringBuilder($"""<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{Main}"><sheetData>""");
            var r = 0;
            foreach (var row in sheets[i].Rows)
            {
                r++;
                xml.Append(CultureInfo.InvariantCulture, $"<row r=\"{r}\">");
                for (var c = 0; c < row.Length; c++)
                {
                    var reference = $"{Column(c)}{r}";
                    switch (row[c])
                    {
                        case null:
                            break;
                        case string text:
                            xml.Append(CultureInfo.InvariantCulture, $"<c r=\"{reference}\" t=\"inlineStr\"><is><t>{SecurityElement.Escape(text)}</t></is></c>");
                            break;
                        case DateOnly day:
                            xml.Append(CultureInfo.InvariantCulture, $"<c r=\"{reference}\"><v>{day.DayNumber - new DateOnly(1899, 12, 30).DayNumber}</v></c>");
                            break;
                        case var number:
                            xml.Append(CultureInfo.InvariantCulture, $"<c r=\"{reference}\"><v>{Convert.ToString(number, CultureInfo.InvariantCulture)}</v></c>");
                            break;
                    }
                }

                xml.Append("</row>");
            }

            xml.Append("</sheetData></worksheet>");
            Part($"xl/worksheets/sheet{i + 1}.xml", xml.ToString());
        }

        return path;
    }

    private static string Column(int index)
    {
        var name = string.Empty;
        for (index++; index > 0; index = (index - 1) / 26)
        {
            name = (char)('A' + ((index - 1) % 26)) + name;
        }

        return name;
    }
}
