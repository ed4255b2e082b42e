using Tuntas.Domain.Common;

namespace Tuntas.Domain.Import;

/// <summary>Why a whole import file is refused for going over the reader's limits (words: <c>Error.ImportLimit.…</c>).</summary>
public static class ImportLimitErrors
{
    public static DomainError PartSize(string part, long megabytes) => new("ImportLimit.PartSize", part, megabytes);

    public static DomainError TotalSize(long megabytes) => new("ImportLimit.TotalSize", megabytes);

    public static DomainError Ratio(string part, long ratio, long limit) => new("ImportLimit.Ratio", part, ratio, limit);

    public static DomainError SharedStrings(long limit) => new("ImportLimit.SharedStrings", limit);

    public static DomainError SharedStringChars(long limit) => new("ImportLimit.SharedStringChars", limit);

    public static DomainError CellText(long limit) => new("ImportLimit.CellText", limit);

    public static DomainError Cells(long limit) => new("ImportLimit.Cells", limit);

    public static DomainError Rows(long limit) => new("ImportLimit.Rows", limit);

    public static DomainError Columns(long row, long limit) => new("ImportLimit.Columns", row, limit);

    public static DomainError CsvRecord(long line, long limit) => new("ImportLimit.CsvRecord", line, limit);
}
