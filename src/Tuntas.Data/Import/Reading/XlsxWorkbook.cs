using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Xml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Tuntas.Domain.Import;

namespace Tuntas.Data.Import.Reading;

/// <summary>
/// An XLSX (or XLSM) workbook opened for reading, row by row with a plain XML reader. Cells Excel
/// stored as numbers are marked, because a NIK or No. KK stored as a number has already lost its
/// last digit. The workbook is held to the <see cref="ImportLimits"/>: its zip directory is checked
/// before anything is unpacked, and every part is counted again while it is read, so a small file
/// that unpacks to gigabytes is refused whole before memory grows.
/// </summary>
internal sealed class XlsxWorkbook : IDisposable
{
    private static readonly XmlReaderSettings Xml = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        CloseInput = true,
    };

    private readonly ImportLimits _limits;
    private readonly SpreadsheetDocument _document;
    private readonly List<string> _sharedStrings = [];
    private readonly char[] _chunk = new char[8192];
    private long _bytesRead;

    public XlsxWorkbook(string path)
    {
        _limits = ImportLimits.Current;
        CheckDirectory(path, _limits);
        try
        {
            _document = SpreadsheetDocument.Open(path, isEditable: false, new OpenSettings { MaxCharactersInPart = _limits.MaxPartBytes });
        }
        catch (Exception e) when (e is OpenXmlPackageException or InvalidDataException or FileFormatException)
        {
            throw new ImportFileException($"The file is not a readable .xlsx workbook ({e.Message}). Save it again from Excel or LibreOffice as .xlsx, or as .csv.");
        }

        try
        {
            var workbook = _document.WorkbookPart ?? throw new ImportFileException("The workbook has no sheets.");
            Sheets = [.. (workbook.Workbook.Sheets?.Elements<Sheet>() ?? []).Select((s, i) => (s.Name?.Value ?? (i + 1).ToString(CultureInfo.InvariantCulture), (WorksheetPart)workbook.GetPartById(s.Id!.Value!)))];
            if (Sheets.Count == 0)
            {
                throw new ImportFileException("The workbook has no sheets.");
            }

            if (workbook.SharedStringTablePart is { } strings)
            {
                _bytesRead = ReadSharedStrings(strings);
            }
        }
        catch (InvalidOperationException e) when (e.Message.Contains("MaxCharactersInPart", StringComparison.Ordinal))
        {
            _document.Dispose();
            throw ImportLimitException.Of(ImportLimitErrors.PartSize("workbook", _limits.MaxPartBytes / (1024 * 1024)));
        }
        catch
        {
            _document.Dispose();
            throw;
        }
    }

    /// <summary>The sheets in the workbook's order, by name.</summary>
    public IReadOnlyList<(string Name, WorksheetPart Part)> Sheets { get; }

    /// <summary>The sheet of that name (any case, spaces around it ignored), or null.</summary>
    public WorksheetPart? Sheet(string name) =>
        Sheets.FirstOrDefault(s => string.Equals(s.Name.Trim(), name, StringComparison.OrdinalIgnoreCase)).Part;

    public void Dispose() => _document.Dispose();

    /// <summary>
    /// The sizes the zip directory declares, before anything is unpacked: each part, all of them
    /// together, and how much each part grows (a normal sheet grows 5 to 30 times; a bomb thousands).
    /// </summary>
    private static void CheckDirectory(string path, ImportLimits limits)
    {
        ZipArchive zip;
        try
        {
            zip = ZipFile.OpenRead(path);
        }
        catch (InvalidDataException e)
        {
            throw new ImportFileException($"The file is not a readable .xlsx workbook ({e.Message}). Save it again from Excel or LibreOffice as .xlsx, or as .csv.");
        }

        using (zip)
        {
            long total = 0;
            foreach (var entry in zip.Entries)
            {
                if (entry.Length > limits.MaxPartBytes)
                {
                    throw ImportLimitException.Of(ImportLimitErrors.PartSize(entry.FullName, limits.MaxPartBytes / (1024 * 1024)));
                }

                total += entry.Length;
                if (total > limits.MaxTotalBytes)
                {
                    throw ImportLimitException.Of(ImportLimitErrors.TotalSize(limits.MaxTotalBytes / (1024 * 1024)));
                }

                if (entry.Length > ImportLimits.RatioFloorBytes && entry.Length > (long)limits.MaxRatio * Math.Max(entry.CompressedLength, 1))
                {
                    throw ImportLimitException.Of(ImportLimitErrors.Ratio(entry.FullName, entry.Length / Math.Max(entry.CompressedLength, 1), limits.MaxRatio));
                }
            }
        }
    }

    /// <summary>A part's content, counted as it is unpacked.</summary>
    private BoundedStream Open(OpenXmlPart part, long alreadyRead)
    {
        var name = part.Uri.OriginalString.TrimStart('/');
        var limit = Math.Min(_limits.MaxPartBytes, _limits.MaxTotalBytes - alreadyRead);
        return new BoundedStream(
            part.GetStream(FileMode.Open, FileAccess.Read),
            limit,
            () => limit == _limits.MaxPartBytes
                ? ImportLimitException.Of(ImportLimitErrors.PartSize(name, _limits.MaxPartBytes / (1024 * 1024)))
                : ImportLimitException.Of(ImportLimitErrors.TotalSize(_limits.MaxTotalBytes / (1024 * 1024))));
    }

    /// <summary>The table of shared strings, held in memory while the sheet is read: bounded by count and length.</summary>
    private long ReadSharedStrings(SharedStringTablePart part)
    {
        var stream = Open(part, 0);
        using var reader = XmlReader.Create(stream, Xml);
        long chars = 0;
        while (Next(reader))
        {
            if (reader.NodeType != XmlNodeType.Element || reader.LocalName != "si")
            {
                continue;
            }

            if (_sharedStrings.Count == _limits.MaxSharedStrings)
            {
                throw ImportLimitException.Of(ImportLimitErrors.SharedStrings(_limits.MaxSharedStrings));
            }

            var text = ReadText(reader);
            chars += text.Length;
            if (chars > _limits.MaxSharedStringChars)
            {
                throw ImportLimitException.Of(ImportLimitErrors.SharedStringChars(_limits.MaxSharedStringChars));
            }

            _sharedStrings.Add(text);
        }

        return stream.Count;
    }

    /// <summary>
    /// The rows of a sheet in file order (line number and cells), blank ones included. The parts read
    /// so far count toward the workbook's total, so reading every sheet is held to the same limit.
    /// </summary>
    public IEnumerable<(long Line, SourceCell[] Cells)> Rows(WorksheetPart sheet)
    {
        var stream = Open(sheet, _bytesRead);
        using var reader = XmlReader.Create(stream, Xml);
        long previous = 0;
        long rows = 0;
        long cellCount = 0;
        while (Next(reader))
        {
            if (reader.NodeType != XmlNodeType.Element || reader.LocalName != "row")
            {
                continue;
            }

            if (++rows > _limits.MaxRows)
            {
                throw ImportLimitException.Of(ImportLimitErrors.Rows(_limits.MaxRows));
            }

            var line = long.TryParse(reader.GetAttribute("r"), NumberStyles.None, CultureInfo.InvariantCulture, out var index) ? index : previous + 1;
            previous = line;
            var cells = new List<SourceCell>();
            if (!reader.IsEmptyElement)
            {
                var depth = reader.Depth;
                while (Next(reader) && !(reader.NodeType == XmlNodeType.EndElement && reader.Depth == depth))
                {
                    if (reader.NodeType != XmlNodeType.Element || reader.LocalName != "c")
                    {
                        continue;
                    }

                    if (++cellCount > _limits.MaxCells)
                    {
                        throw ImportLimitException.Of(ImportLimitErrors.Cells(_limits.MaxCells));
                    }

                    var column = ColumnIndex(reader.GetAttribute("r")) ?? cells.Count;
                    if (column >= _limits.MaxColumns)
                    {
                        throw ImportLimitException.Of(ImportLimitErrors.Columns(line, _limits.MaxColumns));
                    }

                    while (cells.Count < column)
                    {
                        cells.Add(default);
                    }

                    cells.Add(ReadCell(reader));
                }
            }

            yield return (line, cells.ToArray());
        }

        _bytesRead += stream.Count;
    }

    /// <summary>One <c>c</c> element: its type, its value (<c>v</c>) or inline string (<c>is</c>); the reader ends on its end.</summary>
    private SourceCell ReadCell(XmlReader reader)
    {
        var type = reader.GetAttribute("t");
        string? raw = null;
        string? inline = null;
        if (!reader.IsEmptyElement)
        {
            var depth = reader.Depth;
            while (Next(reader) && !(reader.NodeType == XmlNodeType.EndElement && reader.Depth == depth))
            {
                if (reader.NodeType == XmlNodeType.Element && reader.Depth == depth + 1)
                {
                    switch (reader.LocalName)
                    {
                        case "v":
                            raw = ReadText(reader);
                            break;
                        case "is":
                            inline = ReadText(reader);
                            break;
                    }
                }
            }
        }

        return Value(type, raw, inline);
    }

    private SourceCell Value(string? type, string? raw, string? inline)
    {
        switch (type)
        {
            case "s":
                return new SourceCell(int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < _sharedStrings.Count ? _sharedStrings[i] : null);
            case "inlineStr":
                return new SourceCell(inline);
            case "str" or "b" or "e" or "d":
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

    /// <summary>
    /// The text of the element the reader is on (<c>si</c>, <c>is</c>, <c>v</c>): the text of its
    /// <c>t</c> elements (or its own, for <c>v</c>), without phonetic runs (<c>rPh</c>), read in chunks
    /// and refused past <see cref="ImportLimits.MaxCellChars"/>. The reader ends on the element's end.
    /// </summary>
    private string ReadText(XmlReader reader)
    {
        if (reader.IsEmptyElement)
        {
            return string.Empty;
        }

        var depth = reader.Depth;
        var textDepth = reader.LocalName is "v" or "t" ? depth + 1 : -1;
        var phonetic = -1;
        var text = new StringBuilder();
        while (Next(reader) && !(reader.NodeType == XmlNodeType.EndElement && reader.Depth == depth))
        {
            switch (reader.NodeType)
            {
                case XmlNodeType.Element when reader.LocalName == "rPh" && !reader.IsEmptyElement && phonetic < 0:
                    phonetic = reader.Depth;
                    break;
                case XmlNodeType.EndElement when reader.Depth == phonetic:
                    phonetic = -1;
                    break;
                case XmlNodeType.Element when reader.LocalName == "t" && phonetic < 0 && !reader.IsEmptyElement:
                    textDepth = reader.Depth + 1;
                    break;
                case XmlNodeType.EndElement when reader.LocalName == "t" && reader.Depth == textDepth - 1 && textDepth != depth + 1:
                    textDepth = -1;
                    break;
                case XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace when reader.Depth == textDepth && phonetic < 0:
                    int n;
                    while ((n = Chunk(reader)) > 0)
                    {
                        if (text.Length + n > _limits.MaxCellChars)
                        {
                            throw ImportLimitException.Of(ImportLimitErrors.CellText(_limits.MaxCellChars));
                        }

                        text.Append(_chunk, 0, n);
                    }

                    break;
            }
        }

        return text.ToString();
    }

    /// <summary>The next node; a part that is not well-formed XML (cut short, or damaged) refuses the file.</summary>
    private static bool Next(XmlReader reader)
    {
        try
        {
            return reader.Read();
        }
        catch (Exception e) when (e is XmlException or InvalidDataException)
        {
            throw Damaged(e);
        }
    }

    private int Chunk(XmlReader reader)
    {
        try
        {
            return reader.ReadValueChunk(_chunk, 0, _chunk.Length);
        }
        catch (Exception e) when (e is XmlException or InvalidDataException)
        {
            throw Damaged(e);
        }
    }

    private static ImportFileException Damaged(Exception e) =>
        new($"The file is not a readable .xlsx workbook: a part of it is damaged or cut short ({e.Message}). Save it again from Excel or LibreOffice as .xlsx, or as .csv.");

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
            if (index > 1_000_000)
            {
                return int.MaxValue;
            }
        }

        return index - 1;
    }
}
