using System.Globalization;
using Tuntas.Domain.Common;
using Tuntas.Domain.Import;

namespace Tuntas.Data.Import;

public sealed record ImportCounts(long Inserted, long Updated, long Unchanged);

/// <summary>
/// The result of an import (contracts §3). Always <c>Rows == Accepted + Rejected</c>. <see cref="WarningRows"/>
/// lists the accepted rows with warnings, in file order (the first <see cref="ImportOptions.ShownWarnings"/>).
/// </summary>
public sealed record ImportSummary(
    string File, long Rows, long Accepted, long Rejected, long Warnings,
    ImportCounts Households, ImportCounts Members, string? ErrorsFile, bool DryRun, long? BatchId)
{
    public IReadOnlyList<ImportWarning> WarningRows { get; init; } = [];

    /// <summary>
    /// Of the rejected rows, the people an OpenSID workbook records as no longer living in the family
    /// (dead, moved, lost, gone, not valid): kept out of the register, each with its reason.
    /// </summary>
    public long NotLiving { get; init; }

    /// <summary>Two summaries are equal when their figures are, and they list warnings on the same lines.</summary>
    public bool Equals(ImportSummary? other) =>
        other is not null
        && (File, Rows, Accepted, Rejected, Warnings, Households, Members, ErrorsFile, DryRun, BatchId)
            == (other.File, other.Rows, other.Accepted, other.Rejected, other.Warnings, other.Households, other.Members, other.ErrorsFile, other.DryRun, other.BatchId)
        && WarningRows.Select(w => w.Line).SequenceEqual(other.WarningRows.Select(w => w.Line));

    public override int GetHashCode() => HashCode.Combine(File, Rows, Accepted, Rejected, Warnings, Households, Members, BatchId);
}

/// <summary>An accepted row that should be looked at: its line, who it is, and the warnings (typed).</summary>
public sealed record ImportWarning(long Line, string? Nik, string? Name, IReadOnlyList<DomainError> Reasons)
{
    /// <summary>The warnings in words of <paramref name="language"/>.</summary>
    public string Text(CultureInfo language) => ImportReasons.Text(Reasons, language);
}

/// <summary>How to run an import.</summary>
public sealed record ImportOptions(
    string Path,
    string Source,
    bool DryRun,
    string ErrorsPath,
    Tuntas.Domain.Access.RegionScope Scope,
    string? UserName = null,
    long BulkLoadThreshold = ImportOptions.DefaultBulkLoadThreshold,
    CultureInfo? Language = null,
    string? Role = null,
    string? Village = null)
{
    /// <summary>At most this many rows with warnings are listed in the summary (all are counted).</summary>
    public const int ShownWarnings = 1000;

    /// <summary>The language of the reasons in the errors file: Bahasa Indonesia unless told.</summary>
    public CultureInfo ReasonLanguage => Language ?? ErrorWords.Indonesian;

    /// <summary>From this many new rows into an empty table, its indexes are built once after the load.</summary>
    public const long DefaultBulkLoadThreshold = 50_000;
}
