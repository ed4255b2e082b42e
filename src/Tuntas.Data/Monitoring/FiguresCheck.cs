using Microsoft.EntityFrameworkCore;
using Tuntas.Domain.Regions;
using Tuntas.Domain.Registry;
using Tuntas.Domain.Verification;

namespace Tuntas.Data.Monitoring;

/// <summary>One published figure that the history does not confirm; null is "no data".</summary>
public sealed record FigureDifference(string Figure, long? Published, long? History);

/// <summary>What <see cref="FiguresCheck"/> compared and found.</summary>
public sealed record FiguresCheckResult(RegionCode Region, DateOnly At, HeadlineFigures Published, HeadlineFigures History, int Compared, IReadOnlyList<FigureDifference> Differences)
{
    public bool Agree => Differences.Count == 0;
}

/// <summary>
/// Compares every figure Tuntas publishes about a region on a day, as the screens, the API and the
/// reports read it (from the maintained day counts), with the same figure read straight from the
/// households' status histories: the headline (caseload, people, verified, in handling, exits by
/// reason), the share of exits backed by an approved field visit, each child region's caseload, the
/// trend, and the exits of the last twelve months (<c>tuntas figures check</c>).
/// </summary>
public sealed class FiguresCheck(TuntasDbContext db, HeadlineQuery headline, DashboardQuery dashboard, PublicFiguresQuery publicFigures)
{
    private static readonly HouseholdStatus[] Caseload = [HouseholdStatus.Listed, HouseholdStatus.Verified];

    private static readonly HouseholdStatus[] Exits = [HouseholdStatus.Graduated, HouseholdStatus.Excluded, HouseholdStatus.Moved, HouseholdStatus.Deceased, HouseholdStatus.Merged];

    /// <summary>The comparison, or null when the region does not exist.</summary>
    public async Task<FiguresCheckResult?> RunAsync(RegionCode region, DateOnly at, CancellationToken ct = default)
    {
        if (await headline.ComputeAsync(region, at, ct) is not { } published || await headline.ComputeFromHistoryAsync(region, at, ct) is not { } history)
        {
            return null;
        }

        var differences = new List<FigureDifference>();
        var compared = 0;
        void Compare(string figure, long? fromCounts, long? fromHistory)
        {
            compared++;
            if (fromCounts != fromHistory)
            {
                differences.Add(new FigureDifference(figure, fromCounts, fromHistory));
            }
        }

        Compare("extremePoor.households", published.ExtremePoor.Households, history.ExtremePoor.Households);
        Compare("extremePoor.people", published.ExtremePoor.People, history.ExtremePoor.People);
        Compare("extremePoor.verified", published.ExtremePoor.Verified, history.ExtremePoor.Verified);
        Compare("extremePoor.unverified", published.ExtremePoor.Unverified, history.ExtremePoor.Unverified);
        Compare("extremePoor.inHandling", published.ExtremePoor.InHandling, history.ExtremePoor.InHandling);
        Compare("exited.graduated", published.Exited.Graduated, history.Exited.Graduated);
        Compare("exited.excluded", published.Exited.Excluded, history.Exited.Excluded);
        Compare("exited.moved", published.Exited.Moved, history.Exited.Moved);
        Compare("exited.deceased", published.Exited.Deceased, history.Exited.Deceased);
        Compare("exited.merged", published.Exited.Merged, history.Exited.Merged);

        var proof = await publicFigures.FieldProofAsync(region, at, ct);
        var (exits, backed) = await FieldProofFromHistoryAsync(region, at, ct);
        Compare("fieldProof.exits", proof.Exits, exits);
        Compare("fieldProof.withApprovedVisit", proof.BackedByVisit, backed);

        if (region.Level != RegionLevel.Village)
        {
            // A child without data is published as null; the history must have no caseload there either.
            var children = (await dashboard.ChildrenAsync(region, at, ct)).ToDictionary(c => c.Code.Value, c => (c.Households ?? 0, c.People ?? 0), StringComparer.Ordinal);
            var expected = await ChildrenFromHistoryAsync(region, at, ct);
            foreach (var code in children.Keys.Union(expected.Keys).Order(StringComparer.Ordinal))
            {
                var (h, p) = children.GetValueOrDefault(code);
                var (eh, ep) = expected.GetValueOrDefault(code);
                Compare($"children[{code}].households", h, eh);
                Compare($"children[{code}].people", p, ep);
            }
        }

        foreach (var point in await dashboard.TrendAsync(region, at, ct))
        {
            var then = point.Day == at ? history : await headline.ComputeFromHistoryAsync(region, point.Day, ct);
            Compare($"trend[{point.Day:yyyy-MM-dd}]", point.Households, then!.ExtremePoor.Households);
        }

        var from = at.AddMonths(-12).AddDays(1);
        var period = await dashboard.ExitsAsync(region, from, at, ct);
        foreach (var (status, count) in new[]
        {
            (HouseholdStatus.Graduated, period.Graduated), (HouseholdStatus.Excluded, period.Excluded), (HouseholdStatus.Moved, period.Moved),
            (HouseholdStatus.Deceased, period.Deceased), (HouseholdStatus.Merged, period.Merged),
        })
        {
            var fromHistory = await HeadlineQuery.InRegion(db.StatusEvents, region)
                .CountAsync(e => e.EffectiveDate >= from && e.EffectiveDate <= at && e.To == status && e.From != e.To, ct);
            Compare($"exitsInLast12Months.{status.ToWire()}", count, fromHistory);
        }

        return new FiguresCheckResult(region, at, published, history, compared, differences);
    }

    /// <summary>
    /// The households in an exit status that day whose last real change (not a move) took them there
    /// from the caseload, and how many of those changes an approved visit backs.
    /// </summary>
    private async Task<(int Exits, int Backed)> FieldProofFromHistoryAsync(RegionCode region, DateOnly at, CancellationToken ct)
    {
        var last = HeadlineQuery.InRegion(headline.LastEventsAsOf(at), region).Where(e => Exits.Contains(e.To));
        var changes = db.StatusEvents.Where(c => c.From != c.To && c.EffectiveDate <= at && !db.StatusEvents.Any(o =>
            o.HouseholdId == c.HouseholdId && o.From != o.To && o.EffectiveDate <= at && (o.EffectiveDate > c.EffectiveDate || (o.EffectiveDate == c.EffectiveDate && o.Id > c.Id))));
        var fromCaseload = from e in last
                           join c in changes on e.HouseholdId equals c.HouseholdId
                           where c.To == e.To && Caseload.Contains(c.From)
                           select c;
        return (await fromCaseload.CountAsync(ct), await fromCaseload.CountAsync(c => c.Visit != null && c.Visit.Review == ReviewState.Approved, ct));
    }

    private async Task<Dictionary<string, (int Households, int People)>> ChildrenFromHistoryAsync(RegionCode region, DateOnly at, CancellationToken ct)
    {
        var caseload = await HeadlineQuery.InRegion(headline.LastEventsAsOf(at), region)
            .Where(e => Caseload.Contains(e.To))
            .Select(e => new { e.VillageCode, People = db.People.Count(p => p.HouseholdId == e.HouseholdId) })
            .ToListAsync(ct);
        return caseload.GroupBy(e => e.VillageCode.AtLevel(region.Level + 1)!.Value, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (g.Count(), g.Sum(e => e.People)), StringComparer.Ordinal);
    }
}
