using Microsoft.EntityFrameworkCore;
using Tuntas.Domain.Access;
using Tuntas.Domain.ClaimAudit;
using Tuntas.Domain.Regions;
using Tuntas.Domain.Registry;

namespace Tuntas.Data.ClaimAudit;

/// <summary>A claim audit: what was drawn and what the re-checks have found.</summary>
public sealed record ClaimAuditStanding(
    long Id,
    RegionCode Region,
    HouseholdStatus Status,
    DateOnly From,
    DateOnly To,
    string Seed,
    string PopulationHash,
    bool Stratified,
    string CreatedBy,
    DateTime CreatedAt,
    ClaimAuditTally Tally);

/// <summary>A drawn household waiting for its re-check.</summary>
public sealed record PendingRecheck(long AuditId, string NoKk, RegionCode District, HouseholdStatus Status);

/// <summary>Reads claim audits, always within the caller's scope.</summary>
public sealed class ClaimAuditQueries(TuntasDbContext db)
{
    /// <summary>The audits of a region and the regions below it, newest first, as they stand now.</summary>
    public async Task<IReadOnlyList<ClaimAuditStanding>> ListAsync(RegionCode region, RegionScope scope, CancellationToken ct = default)
    {
        if (!scope.Contains(region))
        {
            return [];
        }

        var samples = await db.ClaimAuditSamples.AsNoTracking().Include(s => s.Items).OrderByDescending(s => s.CreatedAt).ToListAsync(ct);
        return samples.Where(s => region.Contains(s.Region)).Select(Standing).ToList();
    }

    /// <summary>The re-checks waiting for one verifier, oldest audit first.</summary>
    public async Task<IReadOnlyList<PendingRecheck>> WaitingForAsync(string userName, RegionScope scope, CancellationToken ct = default)
    {
        var rows = await db.ClaimAuditItems.AsNoTracking()
            .Where(i => i.AssignedTo == userName && i.Finding == null)
            .Select(i => new { i.SampleId, i.NoKk, i.District, i.Sample!.Status, i.Sample.Region, i.Sample.CreatedAt })
            .ToListAsync(ct);
        return rows.Where(r => scope.Contains(r.District))
            .OrderBy(r => r.CreatedAt).ThenBy(r => r.NoKk, StringComparer.Ordinal)
            .Select(r => new PendingRecheck(r.SampleId, r.NoKk, r.District, r.Status))
            .ToList();
    }

    /// <summary>
    /// One audit with its households, or null when it does not exist or does not overlap the scope. A
    /// regency's verifier may hold re-checks of a province-wide audit: the audit is found, and callers
    /// show only the households inside the scope (<see cref="RegionScope.Contains"/> on the kecamatan).
    /// </summary>
    public async Task<ClaimAuditSample?> GetAsync(long id, RegionScope scope, CancellationToken ct = default)
    {
        var sample = await db.ClaimAuditSamples.AsNoTracking().Include(s => s.Items).SingleOrDefaultAsync(s => s.Id == id, ct);
        return sample is not null && (scope.Contains(sample.Region) || (scope.Region is { } own && sample.Region.Contains(own))) ? sample : null;
    }

    /// <summary>
    /// The audits shown beside a region's headline on a day: those of the region itself whose period
    /// ended by then, one per audited status (the latest period; a complete audit before one still
    /// running). Like the figures, which read changes by the day they took effect, an audit counts
    /// every finding known now.
    /// </summary>
    public async Task<IReadOnlyList<ClaimAuditStanding>> BesideHeadlineAsync(RegionCode region, DateOnly at, CancellationToken ct = default)
    {
        var samples = await db.ClaimAuditSamples.AsNoTracking().Include(s => s.Items)
            .Where(s => s.Region == region && s.To <= at)
            .ToListAsync(ct);
        return samples
            .Select(Standing)
            .GroupBy(s => s.Status)
            .Select(g => g.OrderByDescending(s => s.To).ThenByDescending(s => s.Tally.Complete).ThenByDescending(s => s.CreatedAt).First())
            .OrderBy(s => s.Status)
            .ToList();
    }

    private static ClaimAuditStanding Standing(ClaimAuditSample s) =>
        new(s.Id, s.Region, s.Status, s.From, s.To, s.Seed, s.PopulationHash, s.Stratified, s.CreatedBy, s.CreatedAt, s.Tally());
}
