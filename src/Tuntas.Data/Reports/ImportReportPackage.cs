using Tuntas.Data.Audit;
using Tuntas.Data.Common;
using Tuntas.Domain.Access;

namespace Tuntas.Data.Reports;

/// <summary>
/// Loads a kabupaten/kota's report package into this (province) database, with its audit entry, as
/// one unit of work; the same package twice is recorded once. A package that cannot be read or was
/// changed after it was made throws <see cref="ReportPackageException"/> or
/// <see cref="ReportTamperedException"/> before anything is written.
/// </summary>
public sealed class ImportReportPackage(UnitOfWork work, ReportPackages packages) : IUseCase
{
    public async Task<WriteResult<ImportedReportResult>> ImportAsync(string path, string? actor, RegionScope? scope = null, CancellationToken ct = default)
    {
        // A package without data is refused by ReadAsync, so its counts are never stored as 0.
        var package = await packages.ReadAsync(path, scope, ct);
        var content = package.Content;
        var result = new ImportedReportResult(content.Region, content.RegionName, content.At, package.Sha256, content.Headline.ExtremePoor.Households ?? 0, package.ImportedBefore);
        if (package.ImportedBefore)
        {
            return WriteResult<ImportedReportResult>.Ok(result);
        }

        return await work.RunAsync(_ =>
        {
            var region = package.Region.Value;
            work.Db.ImportedReports.Add(new ImportedReport
            {
                Region = region,
                RegionName = content.RegionName,
                At = content.At,
                Sha256 = package.Sha256,
                GeneratedAt = content.GeneratedAt,
                ExtremePoorHouseholds = content.Headline.ExtremePoor.Households ?? 0,
                People = content.Headline.ExtremePoor.People ?? 0,
                Verified = content.Headline.ExtremePoor.Verified ?? 0,
                AuditHeadHash = content.AuditHead.Hash,
                Content = package.ContentJson,
                FileName = package.FileName,
                ImportedBy = actor,
                ImportedAt = work.Clock.UtcNow,
            });
            work.Audit.Record(actor ?? "cli", "report.import", AuditSubject.Named("report", $"{region}:{content.At:yyyy-MM-dd}:{package.Sha256[..12]}", region), null, new
            {
                region = content.Region,
                at = content.At,
                sha256 = package.Sha256,
                extremePoorHouseholds = content.Headline.ExtremePoor.Households,
                auditHead = content.AuditHead.Hash,
            });
            return Task.FromResult(result);
        }, ct);
    }
}
