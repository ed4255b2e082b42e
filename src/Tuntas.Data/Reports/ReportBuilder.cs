using Microsoft.EntityFrameworkCore;
using Tuntas.Data.Access;
using Tuntas.Data.Audit;
using Tuntas.Data.Monitoring;
using Tuntas.Domain.Regions;
using Tuntas.Domain.Registry;
using Tuntas.Domain.Verification;

namespace Tuntas.Data.Reports;

/// <summary>Computes the content of a report package from the register, as of the end of a day.</summary>
public sealed class ReportBuilder(TuntasDbContext db, HeadlineQuery headline, ClaimAudit.ClaimAuditQueries claimAudits, RegionClock clock)
{
    private static readonly HouseholdStatus[] Exits = [HouseholdStatus.Graduated, HouseholdStatus.Excluded, HouseholdStatus.Moved, HouseholdStatus.Deceased, HouseholdStatus.Merged];

    /// <summary>The content, or null when the region does not exist.</summary>
    public async Task<ReportContent?> BuildAsync(RegionCode region, DateOnly at, CancellationToken ct = default)
    {
        var figures = await headline.ComputeAsync(region, at, ct);
        if (figures is null)
        {
            return null;
        }

        var last = HeadlineQuery.InRegion(headline.LastEventsAsOf(at), region);
        var byArea = await last
            .GroupBy(e => new { e.DistrictCode, e.VillageCode, e.To })
            .Select(g => new { g.Key.DistrictCode, g.Key.VillageCode, g.Key.To, Count = g.Count() })
            .ToListAsync(ct);
        var caseload = last.Where(e => e.To == HouseholdStatus.Listed || e.To == HouseholdStatus.Verified);
        var peopleByVillage = await caseload
            .Join(db.People, e => e.HouseholdId, p => p.HouseholdId, (e, p) => e.VillageCode)
            .GroupBy(v => v)
            .Select(g => new { Village = g.Key, People = g.Count() })
            .ToDictionaryAsync(x => x.Village.Value, x => x.People, ct);
        var codes = byArea.Select(a => a.DistrictCode).Concat(byArea.Select(a => a.VillageCode)).Distinct().ToList();
        var names = await db.Regions.AsNoTracking().Where(r => codes.Contains(r.Code)).ToDictionaryAsync(r => r.Code.Value, r => r.Name, ct);

        AreaFigures Area(string code, IEnumerable<(HouseholdStatus To, int Count)> rows, int people)
        {
            var list = rows.ToList();
            int Of(HouseholdStatus s) => list.Where(r => r.To == s).Sum(r => r.Count);
            return new AreaFigures(code, names.GetValueOrDefault(code, code), Of(HouseholdStatus.Listed) + Of(HouseholdStatus.Verified), Of(HouseholdStatus.Verified),
                Of(HouseholdStatus.Listed), people, Of(HouseholdStatus.Graduated), Of(HouseholdStatus.Excluded), Of(HouseholdStatus.Moved), Of(HouseholdStatus.Deceased), Of(HouseholdStatus.Merged));
        }

        var villages = byArea.GroupBy(a => a.VillageCode.Value)
            .Select(g => Area(g.Key, g.Select(a => (a.To, a.Count)), peopleByVillage.GetValueOrDefault(g.Key)))
            .OrderBy(a => a.Region, StringComparer.Ordinal).ToList();
        var districts = byArea.GroupBy(a => a.DistrictCode.Value)
            .Select(g => Area(g.Key, g.Select(a => (a.To, a.Count)), villages.Where(v => v.Region.StartsWith(g.Key + ".", StringComparison.Ordinal)).Sum(v => v.People)))
            .OrderBy(a => a.Region, StringComparer.Ordinal).ToList();

        // Deliveries up to the day to households that live in the region now.
        var households = db.Households.InRegion(region).Select(h => h.Id);
        var delivered = await db.Deliveries.AsNoTracking()
            .Where(d => d.Date <= at && households.Contains(d.HouseholdId))
            .GroupBy(d => d.ProgrammeCode)
            .Select(g => new { Programme = g.Key, Deliveries = g.Count(), Households = g.Select(d => d.HouseholdId).Distinct().Count(), Amount = g.Sum(d => d.Amount ?? 0) })
            .ToListAsync(ct);
        var programmeNames = await db.Programmes.AsNoTracking().ToDictionaryAsync(p => p.Code, p => p.Name, ct);
        var deliveries = delivered.OrderBy(d => d.Programme, StringComparer.Ordinal)
            .Select(d => new ProgrammeFigures(d.Programme, programmeNames.GetValueOrDefault(d.Programme, d.Programme), d.Deliveries, d.Households, d.Amount))
            .ToList();

        // Verification coverage: exits backed by an approved visit, and the visits approved by then.
        var exits = await last.Where(e => Exits.Contains(e.To)).Select(e => new { Approved = e.Visit != null && e.Visit.Review == ReviewState.Approved }).ToListAsync(ct);
        var inRegion = HeadlineQuery.InRegion(db.StatusEvents, region).Select(e => e.HouseholdId).Distinct();
        var approvedVisits = await db.Visits.CountAsync(v => v.Review == ReviewState.Approved && v.VisitedOn <= at && inRegion.Contains(v.HouseholdId), ct);
        var withVisit = exits.Count(e => e.Approved);
        var poor = figures.ExtremePoor;
        var coverage = new VerificationCoverage(
            poor.Households ?? 0, poor.Verified ?? 0, Share(poor.Verified ?? 0, poor.Households ?? 0), exits.Count, withVisit, Share(withVisit, exits.Count), approvedVisits);

        var audits = (await claimAudits.BesideHeadlineAsync(region, at, ct)).Select(ClaimAuditFigures.Of).ToList();

        var head = await db.Set<AuditHead>().AsNoTracking().SingleOrDefaultAsync(h => h.Id == AuditHead.SingletonId, ct) ?? new AuditHead();
        return new ReportContent(
            region.Value, figures.RegionName, at, Audit.AuditEntry.ToStoredPrecision(clock.UtcNow), figures, districts, villages, deliveries, coverage,
            new AuditChainHead(head.Sequence, head.Hash))
        {
            ClaimAudits = audits,
        };
    }

    private static decimal Share(int part, int whole) => whole == 0 ? 0m : Math.Round((decimal)part / whole, 4);
}
