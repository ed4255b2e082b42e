using Microsoft.EntityFrameworkCore;
using Tuntas.Domain.Access;

namespace Tuntas.Data.Audit;

/// <summary>Reads the audit trail: the newest entries within a scope, and the check of the whole hash chain.</summary>
public sealed class AuditQueries(TuntasDbContext db)
{
    /// <summary>
    /// The newest entries (at most <paramref name="limit"/>) of the scope's region and below, of one
    /// action when <paramref name="action"/> is given. Entries without a region (whole-register runs)
    /// are only in the national scope.
    /// </summary>
    public async Task<IReadOnlyList<AuditEntry>> NewestAsync(RegionScope scope, string? action, int limit, CancellationToken ct = default)
    {
        var entries = db.AuditEntries.AsNoTracking();
        if (scope.Region is { } region)
        {
            var code = region.Value;
            var below = code + ".";
            entries = entries.Where(e => e.Region == code || e.Region!.StartsWith(below));
        }

        if (!string.IsNullOrWhiteSpace(action))
        {
            entries = entries.Where(e => e.Action == action);
        }

        return await entries.OrderByDescending(e => e.Sequence).Take(limit).ToListAsync(ct);
    }

    /// <summary>Recomputes the whole chain.</summary>
    public Task<AuditVerification> VerifyAsync(CancellationToken ct = default) => AuditVerifier.VerifyAsync(db, ct);
}
