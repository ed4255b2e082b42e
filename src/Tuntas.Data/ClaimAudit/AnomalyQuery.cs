using Microsoft.EntityFrameworkCore;
using Tuntas.Data.Access;
using Tuntas.Data.Monitoring;
using Tuntas.Domain.Access;
using Tuntas.Domain.ClaimAudit;
using Tuntas.Domain.Regions;
using Tuntas.Domain.Verification;

namespace Tuntas.Data.ClaimAudit;

/// <summary>The anomaly flags of a region over a window of days (<c>tuntas anomalies</c>, <c>GET /api/v1/anomalies</c>).</summary>
public sealed record AnomalyReport(RegionCode Region, string RegionName, DateWindow Window, IReadOnlyList<AnomalyFlag> Flags);

/// <summary>
/// Reads what the anomaly rules (<see cref="AnomalyRules"/>) need about a region and runs them: the
/// households that live there now or had a status change there, their whole status history, their
/// visits with positions and evidence hashes, their first delivery, and the targets. The window
/// chooses which events are reported on, not which are read: a graduation in the window is judged
/// against deliveries before it, a surge against the months before it.
/// </summary>
public sealed class AnomalyQuery(TuntasDbContext db, VisitMarkSettings? marks = null)
{
    /// <summary>The names of the regions the flags of a report point to, by code.</summary>
    public async Task<IReadOnlyDictionary<string, string>> RegionNamesAsync(AnomalyReport? report, CancellationToken ct = default)
    {
        var codes = report?.Flags.Select(f => f.Region).Distinct().ToList() ?? [];
        return await db.Regions.AsNoTracking().Where(r => codes.Contains(r.Code)).ToDictionaryAsync(r => r.Code.Value, r => r.Name, ct);
    }

    /// <summary>The flags, or null when the region does not exist or lies outside the caller's scope.</summary>
    public async Task<AnomalyReport?> RunAsync(RegionScope scope, RegionCode region, DateWindow window, CancellationToken ct = default)
    {
        if (!scope.Contains(region))
        {
            return null;
        }

        var name = await db.Regions.AsNoTracking().Where(r => r.Code == region).Select(r => r.Name).SingleOrDefaultAsync(ct);
        if (name is null)
        {
            return null;
        }

        var ids = db.Households.InRegion(region).Select(h => h.Id)
            .Union(HeadlineQuery.InRegion(db.StatusEvents, region).Select(e => e.HouseholdId));
        var households = await db.Households.AsNoTracking().Where(h => ids.Contains(h.Id))
            .Select(h => new { h.Id, h.NoKk, h.VillageCode })
            .ToDictionaryAsync(h => h.Id, ct);

        var changes = (await db.StatusEvents.AsNoTracking().Where(e => ids.Contains(e.HouseholdId))
                .Select(e => new { e.Id, e.HouseholdId, e.VillageCode, e.From, e.To, e.EffectiveDate, e.Actor, e.VisitId })
                .ToListAsync(ct))
            .Select(e => new StatusChangeRecord(e.HouseholdId, households[e.HouseholdId].NoKk.Value, e.VillageCode, e.From, e.To, e.EffectiveDate, e.Id, e.Actor, e.VisitId))
            .ToList();

        var visits = await VisitsAsync(db.Visits.Where(v => ids.Contains(v.HouseholdId)), ct);

        // A change may name a visit of another household: read it too, so the rule can say so.
        var read = visits.Select(v => v.Id).ToHashSet();
        var named = changes.Select(c => c.VisitId).OfType<long>().Distinct().Where(id => !read.Contains(id)).ToList();
        if (named.Count > 0)
        {
            visits.AddRange(await VisitsAsync(db.Visits.Where(v => named.Contains(v.Id)), ct));
        }

        // The same photo elsewhere, whatever the region: the rule names those in the caller's scope and counts the rest.
        var hashes = visits.SelectMany(v => v.EvidenceHashes).Distinct().ToList();
        var known = visits.Select(v => v.Id).ToList();
        var elsewhere = db.Evidence.Where(x => hashes.Contains(x.Sha256) && !known.Contains(x.VisitId)).Select(x => x.VisitId);
        visits.AddRange(await VisitsAsync(db.Visits.Where(v => elsewhere.Contains(v.Id)), ct));

        var deliveries = await db.Deliveries.AsNoTracking().Where(d => ids.Contains(d.HouseholdId))
            .GroupBy(d => d.HouseholdId)
            .Select(g => new DeliveryRecord(g.Key, g.Min(d => d.Date)))
            .ToListAsync(ct);
        var targets = await db.Targets.AsNoTracking().Select(t => new TargetRecord(t.Region, t.Date)).ToListAsync(ct);

        var input = new AnomalyInput(region, changes, visits, deliveries, targets, scope.Region, marks);
        return new AnomalyReport(region, name, window, AnomalyRules.Evaluate(input, window));
    }

    /// <summary>The visits as the rules read them, each in the desa/kelurahan where its household lives.</summary>
    private async Task<List<VisitRecord>> VisitsAsync(IQueryable<Visit> query, CancellationToken ct)
    {
        var rows = await query.AsNoTracking()
            .Join(db.Households, v => v.HouseholdId, h => h.Id, (v, h) => new
            {
                v.Id,
                v.HouseholdId,
                h.NoKk,
                h.VillageCode,
                v.VisitedOn,
                v.Review,
                v.Latitude,
                v.Longitude,
                v.Found,
                v.MetPerson,
                v.Indicators,
                v.NoShelter,
                v.SpendingPerCapita,
                v.MembersPresent,
                v.MembersMoved,
                v.MembersDeceased,
                v.MembersBorn,
                v.SubmittedAt,
                v.FormOpenedAt,
            })
            .ToListAsync(ct);
        var ids = rows.Select(r => r.Id).ToList();
        var evidence = (await db.Evidence.AsNoTracking().Where(x => ids.Contains(x.VisitId)).Select(x => new { x.VisitId, x.Sha256 }).ToListAsync(ct))
            .ToLookup(x => x.VisitId, x => x.Sha256);
        return rows.Select(r => new VisitRecord(r.Id, r.HouseholdId, r.NoKk.Value, r.VillageCode, r.VisitedOn, r.Review == ReviewState.Approved, r.Latitude, r.Longitude, evidence[r.Id].ToList(),
                new VisitAnswers(r.Found, r.MetPerson, r.Indicators, r.NoShelter, r.SpendingPerCapita, r.MembersPresent, r.MembersMoved, r.MembersDeceased, r.MembersBorn),
                r.SubmittedAt, r.FormOpenedAt, r.Review == ReviewState.Returned))
            .ToList();
    }
}
