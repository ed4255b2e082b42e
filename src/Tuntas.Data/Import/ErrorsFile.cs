using System.Text;
using Tuntas.Data.Spreadsheets;

namespace Tuntas.Data.Import;

/// <summary>
/// The errors file of an import: <c>baris</c>, <c>kolom</c>, <c>alasan</c>, then the rejected row
/// as it came (each cell guarded against formulas), in the file's own delimiter (UTF-8 with BOM, CRLF, so Excel opens it as it is).
/// </summary>
internal sealed class ErrorsFile : IAsyncDisposable
{
    private readonly StreamWriter _file;
    private readonly string _delimiter;

    private ErrorsFile(StreamWriter file, char delimiter)
    {
        _file = file;
        _delimiter = delimiter.ToString();
    }

    public static async Task<ErrorsFile> CreateAsync(string path, char delimiter, string headerLine)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }

        var errors = new ErrorsFile(new StreamWriter(path, append: false, new UTF8Encoding(true)) { NewLine = "\r\n" }, delimiter);
        await errors._file.WriteLineAsync(string.Join(errors._delimiter, "baris", "kolom", "alasan") + errors._delimiter + CsvText.GuardLine(headerLine, delimiter));
        return errors;
    }

    public Task WriteAsync(long line, string? column, string? reason, string original) =>
        _file.WriteLineAsync(CsvText.Row([line, column, reason], _delimiter[0]) + _delimiter + CsvText.GuardLine(original, _delimiter[0]));

    public ValueTask DisposeAsync() => _file.DisposeAsync();
}
