using System.Text;
using Sylvan.Data.Csv;
using Tuntas.Domain.Import;

namespace Tuntas.Data.Import.Reading;

/// <summary>
/// CSV in the forms offices produce: <c>,</c> or <c>;</c> delimited, UTF-8 with or without BOM or
/// Windows-1252, CRLF or LF line ends, RFC 4180 quoting.
/// </summary>
internal sealed class CsvImportFileReader : ImportFileReader
{
    private readonly string _path;
    private readonly Encoding _encoding;
    private readonly char _delimiter;
    private readonly long _headerLine;
    private readonly string _headerText;
    private readonly ImportLimits _limits = ImportLimits.Current;

    static CsvImportFileReader() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public CsvImportFileReader(string path, ColumnSchema schema)
        : base(schema)
    {
        _path = path;
        _encoding = DetectEncoding(path);
        using var text = new StreamReader(path, _encoding, detectEncodingFromByteOrderMarks: true);
        string? header;
        long line = 0;
        do
        {
            header = ReadLine(text, line + 1, _limits.MaxCsvRecordChars);
            line++;
        }
        while (header is not null && string.IsNullOrWhiteSpace(header));

        if (header is null)
        {
            throw new ImportFileException("The file is empty: it has no header row.");
        }

        _headerLine = line;
        _headerText = header;
        _delimiter = CountOutsideQuotes(header, ';') > CountOutsideQuotes(header, ',') ? ';' :
            CountOutsideQuotes(header, '\t') > CountOutsideQuotes(header, ',') ? '\t' : ',';
        using var reader = CreateReader(new StreamReader(path, _encoding, detectEncodingFromByteOrderMarks: true));
        SetHeaders(Enumerable.Range(0, reader.FieldCount).Select(reader.GetName).ToList());
    }

    public override char Delimiter => _delimiter;

    public override string HeaderLine => _headerText;

    public override string Format => $"CSV, {(_encoding.CodePage == 1252 ? "Windows-1252" : "UTF-8")}, delimiter '{(_delimiter == '\t' ? "tab" : _delimiter.ToString())}'";

    public override IEnumerable<SourceRecord> ReadRecords()
    {
        using var reader = CreateReader(new StreamReader(_path, _encoding, detectEncodingFromByteOrderMarks: true));
        var nextLine = _headerLine + 1;
        while (Next(reader, nextLine))
        {
            // Blank lines come back as records of their own, and a quoted cell may span lines: the
            // line numbers follow the newlines of the raw records, so they match what an editor shows.
            var line = nextLine;
            var raw = reader.GetRawRecordSpan();
            nextLine += raw.Count('\n');

            var cells = new SourceCell[reader.FieldCount];
            for (var i = 0; i < cells.Length; i++)
            {
                cells[i] = new SourceCell(i < reader.RowFieldCount ? reader.GetString(i) : null);
            }

            if (IsBlank(cells))
            {
                continue;
            }

            yield return new SourceRecord(line, cells, raw.TrimEnd("\r\n").ToString());
        }
    }

    private CsvDataReader CreateReader(TextReader text)
    {
        try
        {
            return CsvDataReader.Create(text, new CsvDataReaderOptions { HasHeaders = true, Delimiter = _delimiter, BufferSize = 1 << 16, MaxBufferSize = Math.Max(1 << 16, _limits.MaxCsvRecordChars) });
        }
        catch (CsvRecordTooLargeException)
        {
            throw ImportLimitException.Of(ImportLimitErrors.CsvRecord(_headerLine, _limits.MaxCsvRecordChars));
        }
    }

    /// <summary>The next record; a record longer than the limit (a file with no line ends, an unclosed quote) refuses the file.</summary>
    private bool Next(CsvDataReader reader, long line)
    {
        try
        {
            return reader.Read();
        }
        catch (CsvRecordTooLargeException)
        {
            throw ImportLimitException.Of(ImportLimitErrors.CsvRecord(line, _limits.MaxCsvRecordChars));
        }
    }

    /// <summary>One line of text, refused past <paramref name="max"/> characters instead of read whole into memory.</summary>
    private static string? ReadLine(TextReader text, long line, int max)
    {
        var builder = new StringBuilder();
        int c;
        while ((c = text.Read()) >= 0)
        {
            if (c == '\n')
            {
                return builder.ToString().TrimEnd('\r');
            }

            if (builder.Length == max)
            {
                throw ImportLimitException.Of(ImportLimitErrors.CsvRecord(line, max));
            }

            builder.Append((char)c);
        }

        return c < 0 && builder.Length == 0 ? null : builder.ToString().TrimEnd('\r');
    }

    /// <summary>UTF-8 when every byte sequence is valid UTF-8 (or there is a BOM); otherwise Windows-1252.</summary>
    private static Encoding DetectEncoding(string path)
    {
        using var stream = File.OpenRead(path);
        Span<byte> bom = stackalloc byte[3];
        var read = stream.Read(bom);
        if (read == 3 && bom[0] == 0xEF && bom[1] == 0xBB && bom[2] == 0xBF)
        {
            return new UTF8Encoding(false);
        }

        stream.Position = 0;
        var decoder = new UTF8Encoding(false, throwOnInvalidBytes: true).GetDecoder();
        var bytes = new byte[1 << 16];
        var chars = new char[(1 << 16) + 4];
        try
        {
            int n;
            while ((n = stream.Read(bytes, 0, bytes.Length)) > 0)
            {
                decoder.GetChars(bytes, 0, n, chars, 0, flush: false);
            }

            decoder.GetChars([], 0, 0, chars, 0, flush: true);
            return new UTF8Encoding(false);
        }
        catch (DecoderFallbackException)
        {
            return Encoding.GetEncoding(1252);
        }
    }

    private static int CountOutsideQuotes(string line, char c)
    {
        var count = 0;
        var quoted = false;
        foreach (var ch in line)
        {
            if (ch == '"')
            {
                quoted = !quoted;
            }
            else if (ch == c && !quoted)
            {
                count++;
            }
        }

        return count;
    }
}
