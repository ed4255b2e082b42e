namespace Tuntas.Data.Import;

public sealed record ImportCounts(long Inserted, long Updated, long Unchanged);

/// <summary>The result of an import (contracts §3). Always <c>Rows == Accepted + Rejected</c>.</summary>
public sealed record ImportSummary(
    string File, long Rows, long Accepted, long Rejected, long Warnings,
    ImportCounts Households, ImportCounts Members, string? ErrorsFile, bool DryRun, long? BatchId);

/// <summary>How to run an import.</summary>
public sealed record ImportOptions(
    string Path,
    string Source,
    bool DryRun,
    string ErrorsPath,
    Tuntas.Domain.Access.RegionScope Scope,
    string? UserName = null,
    long BulkLoadThreshold = ImportOptions.DefaultBulkLoadThreshold)
{
    /// <summary>From this many new rows into an empty table, its indexes are built once after the load.</summary>
    public const long DefaultBulkLoadThreshold = 50_000;
}
