using System.Globalization;
using System.Text;
using Tuntas.Data.Spreadsheets;
using Tuntas.Domain.Common;

namespace Tuntas.Data.Import;

/// <summary>
/// The errors file of an import: <c>baris</c>, <c>kolom</c>, <c>alasan</c>, then the rejected row
/// as it came (each cell guarded against formulas), in the file's own delimiter (UTF-8 with BOM, CRLF, so Excel opens it as it is).
/// It is bounded: at most <see cref="MaxRows"/> rows, each row as it came cut at
/// <see cref="MaxOriginalChars"/> characters and its reason at <see cref="MaxReasonChars"/>, and a last line saying how many more were left out,
/// so that a file of junk cannot leave an errors file many times its own size.
/// </summary>
internal sealed class ErrorsFile : IAsyncDisposable
{
    /// <summary>Most rejected rows listed.</summary>
    public const int MaxRows = 50_000;

    /// <summary>Longest row as it came, in characters (a household row is a few hundred).</summary>
    public const int MaxOriginalChars = 2_000;

    /// <summary>Longest reason (a reason may quote the value it refuses).</summary>
    public const int MaxReasonChars = 1_000;

    private readonly StreamWriter _file;
    private readonly string _delimiter;
    private long _written;
    private long _left;

    private readonly CultureInfo _language;

    private ErrorsFile(StreamWriter file, char delimiter, CultureInfo language)
    {
        _file = file;
        _delimiter = delimiter.ToString();
        _language = language;
    }

    /// <summary>A new errors file; its closing line (rows left out) is in <paramref name="language"/>, the language of its reasons.</summary>
    public static async Task<ErrorsFile> CreateAsync(string path, char delimiter, string headerLine, CultureInfo language)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }

        var errors = new ErrorsFile(new StreamWriter(path, append: false, new UTF8Encoding(true)) { NewLine = "\r\n" }, delimiter, language);
        await errors._file.WriteLineAsync(string.Join(errors._delimiter, "baris", "kolom", "alasan") + errors._delimiter + CsvText.GuardLine(headerLine, delimiter));
        return errors;
    }

    public Task WriteAsync(long line, string? column, string? reason, string original)
    {
        if (_written == MaxRows)
        {
            _left++;
            return Task.CompletedTask;
        }

        _written++;
        original = Cut(original, MaxOriginalChars);
        reason = reason is null ? null : Cut(reason, MaxReasonChars);

        return _file.WriteLineAsync(CsvText.Row([line, column, reason], _delimiter[0]) + _delimiter + CsvText.GuardLine(original, _delimiter[0]));
    }

    private static string Cut(string text, int max) => text.Length > max ? text[..max] + "…" : text;

    public async ValueTask DisposeAsync()
    {
        if (_left > 0)
        {
            // Numbers as the language writes them: 50.000 in Bahasa Indonesia, 50,000 in English.
            var culture = _language.TwoLetterISOLanguageName == "en" ? CultureInfo.InvariantCulture : CultureInfo.GetCultureInfo("id");
            var words = string.Format(culture, ErrorWords.Find("ImportErrors.NotListed", _language) ?? "{0:N0} more rejected rows are not listed (this file lists at most {1:N0})", _left, MaxRows);
            await _file.WriteLineAsync(string.Join(_delimiter, string.Empty, string.Empty, CsvText.Field(words)));
        }

        await _file.DisposeAsync();
    }
}
