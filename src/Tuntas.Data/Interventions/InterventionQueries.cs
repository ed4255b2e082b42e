using Microsoft.EntityFrameworkCore;
using Tuntas.Data.Access;
using Tuntas.Data.Verification;
using Tuntas.Domain.Access;
using Tuntas.Domain.Interventions;
using Tuntas.Domain.Regions;
using Tuntas.Domain.Registry;
using Tuntas.Domain.Verification;

namespace Tuntas.Data.Interventions;

/// <summary>One delivery as a household's page lists it.</summary>
public sealed record DeliveryLine(
    long Id, string Programme, string ProgrammeName, Strategy Strategy, DateOnly Date, DateOnly? PeriodEnd, long? Amount,
    string Agency, DeliverySource Source, string? PersonName, string? Note, bool HasEvidence);

/// <summary>The deliveries of a group (a programme or an agency) in a budget summary.</summary>
public sealed record BudgetLine(string Key, string Name, int Deliveries, int Households, long Amount, int WithoutAmount);

/// <summary>What was delivered in a region (where households live now) between two days.</summary>
public sealed record BudgetReport(
    RegionCode Region, DateOnly From, DateOnly To, IReadOnlyList<BudgetLine> ByProgramme, IReadOnlyList<BudgetLine> ByAgency,
    int Deliveries, int Households, long Amount);

/// <summary>A verified household that programmes reached and whose last assessment puts it above the poverty line.</summary>
public sealed record GraduationCandidate(
    long HouseholdId, string NoKk, string VillageCode, string? HeadName, long SpendingPerCapita, long Line, DateOnly? AssessedOn,
    IReadOnlyList<string> Programmes, DateOnly LastDelivery, VisitTaskState? PendingTask, VisitPurpose? PendingPurpose);

/// <summary>A recipient an agency named that the register does not hold, open on the follow-up list.</summary>
public sealed record FollowUpItem(
    long Id, string Programme, string RecipientKey, DateOnly Date, long? Amount, string? Note, string? Region, string? NumberDistrict,
    long ImportId, long Line, DateTime CreatedAt, int Version);

/// <summary>
/// The read side of the intervention screens: a household's deliveries, the budget summary, the
/// agency worklist, graduation readiness and the follow-up list. Every query takes a region the
/// caller has already been allowed to see.
/// </summary>
public sealed class InterventionQueries(TuntasDbContext db, GapsQuery gaps)
{
    /// <summary>The open programmes, or only <paramref name="own"/> (an agency officer's programme) when given; by code.</summary>
    public async Task<List<Programme>> OpenProgrammesAsync(string? own, CancellationToken ct = default) =>
        await db.Programmes.AsNoTracking()
            .Where(p => p.Active && (own == null || p.Code == own))
            .OrderBy(p => p.Code)
            .ToListAsync(ct);

    /// <summary>The names of the villages a list shows, by code.</summary>
    public async Task<Dictionary<string, string>> VillageNamesAsync(IEnumerable<string> codes, CancellationToken ct = default)
    {
        var wanted = codes.Distinct().Select(RegionCode.From).ToList();
        return await db.Regions.AsNoTracking().Where(r => wanted.Contains(r.Code)).ToDictionaryAsync(r => r.Code.Value, r => r.Name, ct);
    }

    /// <summary>The deliveries of one household, newest first.</summary>
    public async Task<List<DeliveryLine>> DeliveriesOfAsync(long householdId, CancellationToken ct = default)
    {
        var rows = await db.Deliveries.AsNoTracking()
            .Where(d => d.HouseholdId == householdId)
            .OrderByDescending(d => d.Date).ThenByDescending(d => d.Id)
            .Select(d => new
            {
                d.Id,
                d.ProgrammeCode,
                d.Date,
                d.PeriodEnd,
                d.Amount,
                d.Agency,
                d.Source,
                d.PersonId,
                d.Note,
                d.EvidenceSha256,
            })
            .ToListAsync(ct);
        var programmes = await db.Programmes.AsNoTracking().ToDictionaryAsync(p => p.Code, p => new { p.Name, p.Strategy }, ct);
        var personIds = rows.Where(r => r.PersonId is not null).Select(r => r.PersonId!.Value).Distinct().ToList();
        var names = await db.People.AsNoTracking().Where(p => personIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, ct);
        return rows.Select(r => new DeliveryLine(
                r.Id, r.ProgrammeCode, programmes.GetValueOrDefault(r.ProgrammeCode)?.Name ?? r.ProgrammeCode,
                programmes.GetValueOrDefault(r.ProgrammeCode)?.Strategy ?? Strategy.ReduceSpending, r.Date, r.PeriodEnd, r.Amount, r.Agency, r.Source,
                r.PersonId is { } pid ? names.GetValueOrDefault(pid) : null, r.Note, r.EvidenceSha256 is not null))
            .ToList();
    }

    /// <summary>The needs of one household today and whether a delivery met them; empty when it is not extreme poor.</summary>
    public async Task<HouseholdConvergence?> ConvergenceOfAsync(Household household, DateOnly at, CancellationToken ct = default)
    {
        var caseload = await gaps.CaseloadAsync(household.VillageCode, at, ct);
        return caseload.SingleOrDefault(h => h.HouseholdId == household.Id);
    }

    /// <summary>
    /// Sums of delivery amounts and counts of deliveries and households, by programme and by agency,
    /// for deliveries dated between the two days (inclusive) to households living in the region now.
    /// </summary>
    public async Task<BudgetReport> BudgetAsync(RegionCode region, DateOnly from, DateOnly to, CancellationToken ct = default)
    {
        var households = db.Households.InRegion(region).Select(h => h.Id);
        var rows = await db.Deliveries.AsNoTracking()
            .Where(d => households.Contains(d.HouseholdId) && d.Date >= from && d.Date <= to)
            .Select(d => new BudgetRow(d.ProgrammeCode, d.Agency, d.HouseholdId, d.Amount))
            .ToListAsync(ct);
        var names = await db.Programmes.AsNoTracking().ToDictionaryAsync(p => p.Code, p => p.Name, ct);

        // Grouped in memory: one query serves both groupings, and a region's deliveries in a period are few.
        List<BudgetLine> Group(Func<string, string> name, Func<BudgetRow, string> key) => rows
            .GroupBy(r => key(r))
            .Select(g => new BudgetLine(
                g.Key, name(g.Key), g.Count(), g.Select(r => r.HouseholdId).Distinct().Count(), g.Sum(r => r.Amount ?? 0L), g.Count(r => r.Amount is null)))
            .OrderByDescending(l => l.Amount).ThenBy(l => l.Key, StringComparer.Ordinal)
            .ToList();

        return new BudgetReport(
            region, from, to,
            Group(code => names.GetValueOrDefault(code, code), r => r.Programme),
            Group(agency => agency, r => r.Agency),
            rows.Count, rows.Select(r => r.HouseholdId).Distinct().Count(), rows.Sum(r => r.Amount ?? 0L));
    }

    /// <summary>The extreme-poor households of a region on a day with an unmet need that the programme can meet.</summary>
    public async Task<List<(HouseholdConvergence Household, IReadOnlyList<HouseholdNeed> Needs)>> WorklistAsync(
        RegionCode region, string programme, DateOnly at, CancellationToken ct = default)
    {
        var caseload = await gaps.CaseloadAsync(region, at, ct);
        return caseload
            .Select(h => (Household: h, Needs: (IReadOnlyList<HouseholdNeed>)h.Unmet.Where(n => n.Programmes.Contains(programme, StringComparer.Ordinal)).ToList()))
            .Where(x => x.Needs.Count > 0)
            .ToList();
    }

    /// <summary>
    /// Candidates for a graduation visit: households verified now, reached by at least one delivery,
    /// whose last assessed spending per person is above the poverty line that applies to them today.
    /// </summary>
    public async Task<List<GraduationCandidate>> GraduationReadinessAsync(RegionCode region, DateOnly today, CancellationToken ct = default)
    {
        var verified = await db.Households.AsNoTracking().InRegion(region)
            .Where(h => h.Status == HouseholdStatus.Verified && h.SpendingPerCapita != null && db.Deliveries.Any(d => d.HouseholdId == h.Id && d.Date <= today))
            .Select(h => new
            {
                h.Id,
                h.NoKk,
                h.VillageCode,
                h.SpendingPerCapita,
                h.AssessedOn,
                Head = h.Members.Where(m => m.Relation == FamilyRelation.KepalaKeluarga).Select(m => m.Name).FirstOrDefault(),
            })
            .ToListAsync(ct);
        if (verified.Count == 0)
        {
            return [];
        }

        var criteria = await db.Criteria.AsNoTracking().ToListAsync(ct);
        var above = verified
            .Select(h => (h, Line: PovertyCriteria.Select(criteria, h.VillageCode, today)?.LinePerCapita))
            .Where(x => x.Line is { } line && x.h.SpendingPerCapita > line)
            .ToList();
        var ids = above.Select(x => x.h.Id).ToList();
        var deliveries = (await db.Deliveries.AsNoTracking().Where(d => ids.Contains(d.HouseholdId) && d.Date <= today)
                .Select(d => new { d.HouseholdId, d.ProgrammeCode, d.Date }).ToListAsync(ct))
            .ToLookup(d => d.HouseholdId);
        var pending = (await db.Tasks.AsNoTracking().Pending().Where(t => ids.Contains(t.HouseholdId))
                .Select(t => new { t.HouseholdId, t.State, t.Purpose, t.Id }).ToListAsync(ct))
            .GroupBy(t => t.HouseholdId)
            .ToDictionary(g => g.Key, g => g.OrderByDescending(t => t.Id).First());

        return above
            .OrderBy(x => x.h.VillageCode.Value, StringComparer.Ordinal).ThenBy(x => x.h.NoKk.Value, StringComparer.Ordinal)
            .Select(x => new GraduationCandidate(
                x.h.Id, x.h.NoKk.Value, x.h.VillageCode.Value, x.h.Head, x.h.SpendingPerCapita!.Value, x.Line!.Value, x.h.AssessedOn,
                deliveries[x.h.Id].Select(d => d.ProgrammeCode).Distinct().OrderBy(c => c, StringComparer.Ordinal).ToList(),
                deliveries[x.h.Id].Max(d => d.Date),
                pending.TryGetValue(x.h.Id, out var task) ? task.State : null,
                pending.TryGetValue(x.h.Id, out var same) ? same.Purpose : null))
            .ToList();
    }

    /// <summary>The open follow-up items the scope may see: those of imports made within it (all of them nationally).</summary>
    public async Task<List<FollowUpItem>> FollowUpAsync(RegionScope scope, CancellationToken ct = default) =>
        await OpenFollowUps(scope)
            .OrderByDescending(u => u.CreatedAt).ThenBy(u => u.Id)
            .Select(u => new FollowUpItem(u.Id, u.ProgrammeCode, u.RecipientKey, u.Date, u.Amount, u.Note, u.Region, u.NumberDistrict, u.ImportId, u.Line, u.CreatedAt, u.Version))
            .ToListAsync(ct);

    /// <summary>One open follow-up item within the scope, tracked for closing; null when there is none.</summary>
    public async Task<UnmatchedRecipient?> FindOpenFollowUpAsync(RegionScope scope, long id, CancellationToken ct = default) =>
        await OpenFollowUps(scope).SingleOrDefaultAsync(u => u.Id == id, ct);

    /// <summary>One follow-up item within the scope, open or already resolved, tracked; null when there is none.</summary>
    public async Task<UnmatchedRecipient?> FindFollowUpAsync(RegionScope scope, long id, CancellationToken ct = default) =>
        await FollowUps(scope, db.UnmatchedRecipients).SingleOrDefaultAsync(u => u.Id == id, ct);

    private sealed record BudgetRow(string Programme, string Agency, long HouseholdId, long? Amount);

    private IQueryable<UnmatchedRecipient> OpenFollowUps(RegionScope scope) =>
        FollowUps(scope, db.UnmatchedRecipients.Where(u => u.ResolvedAt == null));

    private static IQueryable<UnmatchedRecipient> FollowUps(RegionScope scope, IQueryable<UnmatchedRecipient> open)
    {
        if (scope.Region is not { } region)
        {
            return open;
        }

        var code = region.Value;
        var below = code + ".";
        // A list imported for a region belongs to that region; one imported nationally (from the
        // command line) goes to the region where the number was first registered.
        return open.Where(u => u.Region != null
            ? u.Region == code || u.Region.StartsWith(below)
            : u.NumberDistrict != null && (u.NumberDistrict == code || u.NumberDistrict.StartsWith(below)));
    }
}
