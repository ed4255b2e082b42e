using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace Tuntas.Testing;

/// <summary>
/// Hostile workbooks built from scratch with System.IO.Compression: a few hundred kilobytes on disk
/// that unpack to far more (zip bombs), a zip directory that lies about a part's size, a sheet of
/// too many cells. Each is a valid XLSX a spreadsheet program would open (or try to).
/// </summary>
public static class Workbooks
{
    private const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    /// <summary>The header of a household list, as shared strings 0-6, with one family row after it.</summary>
    private static readonly string[] Header = ["no_kk", "kode_wilayah", "nik", "nama", "jenis_kelamin", "tanggal_lahir", "hubungan"];

    /// <summary>One shared string of <paramref name="chars"/> letters A (after the header's), used in the first data row.</summary>
    public static string OneHugeSharedString(long chars) => Write(
        strings =>
        {
            WriteHeaderStrings(strings);
            strings.Write("<si><t>");
            var block = new string('A', 1 << 16);
            for (long left = chars; left > 0; left -= block.Length)
            {
                strings.Write(left >= block.Length ? block : block[..(int)left]);
            }

            strings.Write("</t></si>");
        },
        sheet => sheet.Write($"""<row r="2"><c r="A2" t="s"><v>{Header.Length}</v></c></row>"""));

    /// <summary><paramref name="count"/> tiny shared strings (each one letter).</summary>
    public static string ManySharedStrings(int count) => Write(
        strings =>
        {
            WriteHeaderStrings(strings);
            for (var i = 0; i < count; i++)
            {
                strings.Write("<si><t>a</t></si>");
            }
        },
        _ => { });

    /// <summary>A sheet of <paramref name="rows"/> rows of <paramref name="columns"/> number cells under the header.</summary>
    public static string ManyCells(int rows, int columns) => Write(
        WriteHeaderStrings,
        sheet =>
        {
            for (var r = 2; r <= rows + 1; r++)
            {
                sheet.Write($"<row r=\"{r}\">");
                for (var c = 0; c < columns; c++)
                {
                    sheet.Write("<c><v>1</v></c>");
                }

                sheet.Write("</row>");
            }
        });

    /// <summary>
    /// A workbook whose shared strings part holds <paramref name="padding"/> bytes of blank space
    /// between its strings, while the zip directory (central and local headers) says the part holds
    /// only <paramref name="declared"/> bytes.
    /// </summary>
    public static string LyingHeader(int padding, uint declared)
    {
        var path = Write(
            strings =>
            {
                WriteHeaderStrings(strings);
                var blank = new string(' ', 1 << 16);
                for (var left = padding; left > 0; left -= blank.Length)
                {
                    strings.Write(left >= blank.Length ? blank : blank[..left]);
                }
            },
            _ => { });
        var bytes = File.ReadAllBytes(path);
        var end = bytes.AsSpan().LastIndexOf([(byte)0x50, (byte)0x4B, (byte)0x05, (byte)0x06]);
        var entries = BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(end + 10));
        var at = (int)BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(end + 16));
        for (var i = 0; i < entries; i++)
        {
            var nameLength = BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(at + 28));
            var extra = BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(at + 30));
            var comment = BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(at + 32));
            var local = (int)BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(at + 42));
            var name = Encoding.UTF8.GetString(bytes, at + 46, nameLength);
            if (name == "xl/sharedStrings.xml")
            {
                BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(at + 24), declared);
                BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(local + 22), declared);
            }

            at += 46 + nameLength + extra + comment;
        }

        File.WriteAllBytes(path, bytes);
        return path;
    }

    private static void WriteHeaderStrings(StreamWriter strings)
    {
        foreach (var name in Header)
        {
            strings.Write($"<si><t>{name}</t></si>");
        }
    }

    /// <summary>A minimal workbook: the shared strings and the rows after the header row are written by the callers.</summary>
    private static string Write(Action<StreamWriter> sharedStrings, Action<StreamWriter> rowsAfterHeader)
    {
        var path = Path.Combine(Path.GetTempPath(), $"tuntas-bomb-{Guid.NewGuid():N}.xlsx");
        using (var zip = ZipFile.Open(path, ZipArchiveMode.Create))
        {
            void Part(string name, Action<StreamWriter> write)
            {
                using var writer = new StreamWriter(zip.CreateEntry(name, CompressionLevel.SmallestSize).Open(), new UTF8Encoding(false), 1 << 16);
                write(writer);
            }

            Part("[Content_Types].xml", w => w.Write("""<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>"""));
            Part("_rels/.rels", w => w.Write("""<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"""));
            Part("xl/workbook.xml", w => w.Write($"""<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="{Main}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Keluarga" sheetId="1" r:id="rId1"/></sheets></workbook>"""));
            Part("xl/_rels/workbook.xml.rels", w => w.Write("""<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>"""));
            Part("xl/sharedStrings.xml", w =>
            {
                w.Write($"""<?xml version="1.0" encoding="UTF-8"?><sst xmlns="{Main}">""");
                sharedStrings(w);
                w.Write("</sst>");
            });
            Part("xl/worksheets/sheet1.xml", w =>
            {
                w.Write($"""<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{Main}"><sheetData><row r="1">""");
                for (var i = 0; i < Header.Length; i++)
                {
                    w.Write($"""<c r="{(char)('A' + i)}1" t="s"><v>{i}</v></c>""");
                }

                w.Write("</row>");
                rowsAfterHeader(w);
                w.Write("</sheetData></worksheet>");
            });
        }

        return path;
    }
}
