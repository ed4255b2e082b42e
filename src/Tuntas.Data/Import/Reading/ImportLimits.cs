using System.Globalization;
using Tuntas.Domain.Common;
using Tuntas.Domain.Import;

namespace Tuntas.Data.Import.Reading;

/// <summary>
/// How much an uploaded workbook or CSV file may unpack to before it is refused whole. A workbook is
/// a zip archive: a few hundred kilobytes can unpack to gigabytes (a "zip bomb"), so every part is
/// checked against the archive's directory before reading and counted again while it is read (the
/// directory can lie). The defaults hold a province-scale list with room to spare and keep one
/// import under a few hundred megabytes of memory. Each can be changed with an environment variable
/// (<c>TUNTAS_IMPORT_MAX_PART_MB</c> and so on, see docs/security.md) for the command line and the
/// server alike.
/// </summary>
public sealed record ImportLimits
{
    /// <summary>Largest uncompressed part (one sheet, the shared strings), in bytes.</summary>
    public long MaxPartBytes { get; init; } = 256L * 1024 * 1024;

    /// <summary>Largest uncompressed workbook (all parts together), in bytes.</summary>
    public long MaxTotalBytes { get; init; } = 512L * 1024 * 1024;

    /// <summary>Largest ratio of a part's uncompressed to compressed size (for parts over 1 MB).</summary>
    public int MaxRatio { get; init; } = 100;

    /// <summary>Most shared strings (the workbook's table of distinct texts, held in memory while reading).</summary>
    public int MaxSharedStrings { get; init; } = 1_000_000;

    /// <summary>Most characters in all shared strings together.</summary>
    public long MaxSharedStringChars { get; init; } = 64_000_000;

    /// <summary>Most characters in one cell: Excel's own limit.</summary>
    public int MaxCellChars { get; init; } = 32_767;

    /// <summary>Most cells in the sheet read.</summary>
    public long MaxCells { get; init; } = 20_000_000;

    /// <summary>Most rows (Excel's own limit).</summary>
    public long MaxRows { get; init; } = 1_048_576;

    /// <summary>Most columns in a row (Excel's own limit, column XFD).</summary>
    public int MaxColumns { get; init; } = 16_384;

    /// <summary>Longest line (record) of a CSV file, in characters.</summary>
    public int MaxCsvRecordChars { get; init; } = 1_000_000;

    /// <summary>Parts smaller than this are not checked for their ratio: small parts compress well and cost nothing.</summary>
    public const long RatioFloorBytes = 1024 * 1024;

    private static readonly ImportLimits Configured = FromEnvironment(Environment.GetEnvironmentVariable);
    private static readonly AsyncLocal<ImportLimits?> Scoped = new();

    /// <summary>The limits in force: the defaults, changed by the <c>TUNTAS_IMPORT_*</c> environment variables.</summary>
    public static ImportLimits Current => Scoped.Value ?? Configured;

    /// <summary>Other limits for the calls made from here on in this flow (until disposed): lower ones in a test.</summary>
    public static IDisposable Use(ImportLimits limits)
    {
        var before = Scoped.Value;
        Scoped.Value = limits;
        return new Restore(() => Scoped.Value = before);
    }

    private sealed class Restore(Action restore) : IDisposable
    {
        public void Dispose() => restore();
    }

    /// <summary>The defaults changed by whichever variables <paramref name="read"/> finds.</summary>
    public static ImportLimits FromEnvironment(Func<string, string?> read)
    {
        long? Number(string name) =>
            long.TryParse(read("TUNTAS_IMPORT_" + name), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : null;

        var d = new ImportLimits();
        return new ImportLimits
        {
            MaxPartBytes = Number("MAX_PART_MB") is { } part ? part * 1024 * 1024 : d.MaxPartBytes,
            MaxTotalBytes = Number("MAX_TOTAL_MB") is { } total ? total * 1024 * 1024 : d.MaxTotalBytes,
            MaxRatio = (int)Math.Min(Number("MAX_RATIO") ?? d.MaxRatio, int.MaxValue),
            MaxSharedStrings = (int)Math.Min(Number("MAX_SHARED_STRINGS") ?? d.MaxSharedStrings, int.MaxValue),
            MaxSharedStringChars = Number("MAX_SHARED_STRING_CHARS") ?? d.MaxSharedStringChars,
            MaxCells = Number("MAX_CELLS") ?? d.MaxCells,
            MaxRows = Number("MAX_ROWS") ?? d.MaxRows,
            MaxCsvRecordChars = (int)Math.Min(Number("MAX_CSV_RECORD_CHARS") ?? d.MaxCsvRecordChars, int.MaxValue),
        };
    }

    internal static string Megabytes(long bytes) => (bytes / (1024 * 1024)).ToString("N0", CultureInfo.InvariantCulture) + " MB";

    internal static string Count(long n) => n.ToString("N0", CultureInfo.InvariantCulture);
}

/// <summary>
/// The file is over one of the <see cref="ImportLimits"/>: refused whole, before it is read further;
/// nothing is written. <see cref="Error"/> gives the reason in either language.
/// </summary>
public sealed class ImportLimitException(DomainError error) : ImportFileException(ErrorWords.Text(error, ErrorWords.English))
{
    public DomainError Error { get; } = error;

    /// <summary>A refusal for one of the <see cref="ImportLimitErrors"/>.</summary>
    public static ImportLimitException Of(DomainError error) => new(error);
}
