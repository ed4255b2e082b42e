using Microsoft.EntityFrameworkCore;
using Tuntas.Data.Access;
using Tuntas.Data.Monitoring;
using Tuntas.Domain.Interventions;
using Tuntas.Domain.Regions;
using Tuntas.Domain.Registry;
using Tuntas.Domain.Verification;

namespace Tuntas.Data.Interventions;

/// <summary>A programme a household received on or before the day of the question.</summary>
public sealed record Received(string Programme, Strategy Strategy, DateOnly Date, DateOnly LastDay, long? Amount);

/// <summary>A need of a household and whether a delivery has met it.</summary>
public sealed record HouseholdNeed(string Code, string Name, IReadOnlyList<string> Programmes, bool Met);

/// <summary>
/// One extreme-poor household on a day: where it lives, its status, what reached it by then, what
/// it needs and which of those needs no programme has met yet.
/// </summary>
public sealed record HouseholdConvergence(
    long HouseholdId, string NoKk, string VillageCode, string? HeadName, HouseholdStatus Status, long? SpendingPerCapita, DateOnly? AssessedOn,
    IReadOnlyList<Received> Received, IReadOnlyList<HouseholdNeed> Needs, bool InHandling)
{
    public bool Reached => Received.Count > 0;

    public bool ReachedBy(Strategy strategy) => Received.Any(r => r.Strategy == strategy);

    public IEnumerable<HouseholdNeed> Unmet => Needs.Where(n => !n.Met);
}

/// <summary>A need and how many households have it unmet.</summary>
public sealed record MissingNeed(string Programme, string Need, string Name, IReadOnlyList<string> Alternatives, int Households);

/// <summary>The gaps of a region on a day (the <c>tuntas gaps</c> JSON).</summary>
public sealed record GapsReport(
    string Region, string RegionName, DateOnly At, int ExtremePoorHouseholds, int WithoutAnyIntervention, int InHandling,
    IReadOnlyDictionary<string, int> ByStrategy, IReadOnlyList<MissingNeed> MissingNeeded, int Leakage)
{
    /// <summary>The rule <see cref="Leakage"/> was counted with, in words (<see cref="GapsQuery.LeakageRule"/>).</summary>
    public string LeakageRule { get; init; } = "";

    /// <summary>Per programme allocated by desil: the eligible extreme-poor households and how many of them it did not reach.</summary>
    public IReadOnlyList<ExclusionError> ExclusionError { get; init; } = [];

    /// <summary>The rule <see cref="ExclusionError"/> was counted with, in words (<see cref="GapsQuery.ExclusionRule"/>).</summary>
    public string ExclusionRule { get; init; } = "";
}

/// <summary>
/// A programme allocated by desil on a day: of the extreme-poor households (listed or verified) whose
/// desil is within its eligibility, how many it reached in the handling window and how many it did
/// not (<see cref="Excluded"/>: the exclusion error). <see cref="WithoutDesil"/> extreme-poor
/// households have no desil and are judged neither way.
/// </summary>
public sealed record ExclusionError(string Programme, int DesilMax, string? Source, int Eligible, int Receiving, int Excluded, int WithoutDesil);

/// <summary>
/// Who still gets nothing. Everything is computed for the end of a day from dated records: the
/// caseload from the status history (<see cref="HeadlineQuery"/>), deliveries dated on or before
/// the day, needs from the rules (<see cref="NeedRule"/>) over the register and the last approved
/// visit.
/// </summary>
public sealed class GapsQuery(TuntasDbContext db, HeadlineQuery headline, InterventionOptions options, TimeProvider time)
{
    /// <summary>The gaps report, or null when the region does not exist.</summary>
    public async Task<GapsReport?> ComputeAsync(RegionCode region, DateOnly at, CancellationToken ct = default)
    {
        var name = await db.Regions.AsNoTracking().Where(r => r.Code == region).Select(r => r.Name).SingleOrDefaultAsync(ct);
        if (name is null)
        {
            return null;
        }

        var rules = await ActiveRulesAsync(ct);
        var households = await CaseloadAsync(region, at, rules, ct);
        var missing = rules.GroupBy(r => r.Code)
            .Select(g =>
            {
                var programmes = g.First().ProgrammeCodes;
                var count = households.Count(h => h.Needs.Any(n => n.Code == g.Key && !n.Met));
                return new MissingNeed(programmes[0], g.Key, g.First().Name, programmes.Skip(1).ToList(), count);
            })
            .ToList();
        var byStrategy = Enum.GetValues<Strategy>().ToDictionary(s => s.ToWire(), s => households.Count(h => h.ReachedBy(s)));

        return new GapsReport(
            region.Value, name, at, households.Count, households.Count(h => !h.Reached), households.Count(h => h.InHandling),
            byStrategy, missing, await LeakageAsync(region, at, ct))
        {
            LeakageRule = LeakageRule(options),
            ExclusionError = await ExclusionErrorAsync(households, at, ct),
            ExclusionRule = ExclusionRule,
        };
    }

    /// <summary>How leakage is counted, in words, for the reports that show it.</summary>
    public static string LeakageRule(InterventionOptions options) =>
        "Kepmensos 79/HUK/2025: penerima program bersasaran kemiskinan yang saat penyaluran tidak terdata/terverifikasi miskin ekstrem "
        + "dan desilnya di atas batas program (PKH desil 1-4; sembako/BPNT dan PBI-JK desil 1-5); tanpa desil atau tanpa batas desil: "
        + $"pengeluaran per kapita >= {options.LeakageFactor.ToString(System.Globalization.CultureInfo.InvariantCulture)} x garis kemiskinan ekstrem, "
        + $"atau tanpa pengeluaran, desil >= {options.LeakageDesil}";

    /// <summary>How the exclusion error is counted, in words.</summary>
    public const string ExclusionRule =
        "Kepmensos 79/HUK/2025: keluarga miskin ekstrem (terdata/terverifikasi) yang desilnya dalam batas program, "
        + "tetapi tidak menerima program itu dalam jendela penanganan sebelum tanggal tersebut";

    /// <summary>The exclusion error of every active programme with a desil eligibility, over the caseload of the day.</summary>
    private async Task<List<ExclusionError>> ExclusionErrorAsync(List<HouseholdConvergence> caseload, DateOnly at, CancellationToken ct)
    {
        var programmes = await db.Programmes.AsNoTracking().Where(p => p.Active && p.EligibleDesilMax != null)
            .OrderBy(p => p.Code)
            .Select(p => new { p.Code, Max = p.EligibleDesilMax!.Value, p.EligibilitySource })
            .ToListAsync(ct);
        if (programmes.Count == 0)
        {
            return [];
        }

        var desils = await DesilsInForceAsync(caseload.Select(h => h.HouseholdId).ToList(), at, ct);

        var windowStart = options.WindowStart(at);
        var withoutDesil = caseload.Count(h => desils.GetValueOrDefault(h.HouseholdId) is null);
        return programmes.Select(p =>
        {
            var eligible = caseload.Where(h => desils.GetValueOrDefault(h.HouseholdId) is { } d && d <= p.Max).ToList();
            var receiving = eligible.Count(h => h.Received.Any(r => r.Programme == p.Code && r.LastDay >= windowStart));
            return new ExclusionError(p.Code, p.Max, p.EligibilitySource, eligible.Count, receiving, eligible.Count - receiving, withoutDesil);
        }).ToList();
    }

    /// <summary>The extreme-poor households (listed or verified) of a region at the end of a day, with what reached them and what they need.</summary>
    public async Task<List<HouseholdConvergence>> CaseloadAsync(RegionCode region, DateOnly at, CancellationToken ct = default) =>
        await CaseloadAsync(region, at, await ActiveRulesAsync(ct), ct);

    private async Task<List<HouseholdConvergence>> CaseloadAsync(RegionCode region, DateOnly at, List<NeedRule> rules, CancellationToken ct)
    {
        var statuses = await HeadlineQuery.InRegion(headline.LastEventsAsOf(at), region)
            .Where(e => e.To == HouseholdStatus.Listed || e.To == HouseholdStatus.Verified)
            .Select(e => new { e.HouseholdId, e.To })
            .ToDictionaryAsync(e => e.HouseholdId, e => e.To, ct);
        if (statuses.Count == 0)
        {
            return [];
        }

        var ids = HeadlineQuery.InRegion(headline.LastEventsAsOf(at), region)
            .Where(e => e.To == HouseholdStatus.Listed || e.To == HouseholdStatus.Verified)
            .Select(e => e.HouseholdId);
        var households = await db.Households.AsNoTracking().Where(h => ids.Contains(h.Id))
            .Select(h => new { h.Id, h.NoKk, h.VillageCode, h.Indicators, h.SpendingPerCapita, h.AssessedOn })
            .ToListAsync(ct);
        // Members born after the day did not exist yet on it.
        var members = (await db.People.AsNoTracking().Where(p => ids.Contains(p.HouseholdId) && p.BirthDate <= at)
            .Select(p => new { p.HouseholdId, p.Nik, p.Name, p.Sex, p.BirthDate, p.Relation, p.Education, p.Occupation, p.Disability, p.HealthInsurance })
            .ToListAsync(ct))
            .ToLookup(p => p.HouseholdId);
        var births = (await db.Visits.AsNoTracking()
            .Where(v => ids.Contains(v.HouseholdId) && v.Review == ReviewState.Approved && v.VisitedOn <= at)
            .Select(v => new { v.HouseholdId, v.VisitedOn, v.Id, v.MembersBorn })
            .ToListAsync(ct))
            .GroupBy(v => v.HouseholdId)
            .ToDictionary(g => g.Key, g => g.OrderByDescending(v => v.VisitedOn).ThenByDescending(v => v.Id).First().MembersBorn);
        var received = await ReceivedAsync(ids, at, ct);
        var windowStart = options.WindowStart(at);
        var today = Domain.Regions.RegionClock.DayAt(time.GetUtcNow().UtcDateTime);

        var result = new List<HouseholdConvergence>(households.Count);
        foreach (var h in households.OrderBy(h => h.VillageCode.Value, StringComparer.Ordinal).ThenBy(h => h.NoKk.Value, StringComparer.Ordinal))
        {
            var people = members[h.Id].ToList();
            var facts = new HouseholdNeedFacts(
                h.Id,
                h.Indicators,
                births.TryGetValue(h.Id, out var born) ? born : null,
                people.Select(p => new MemberNeedFacts(p.BirthDate, p.Education, p.Occupation, p.Disability, p.HealthInsurance, NikMatches(p.Nik, p.BirthDate, p.Sex, today))).ToList());
            var got = received[h.Id].ToList();
            var needs = rules.Where(r => r.Matches(facts, at))
                .GroupBy(r => r.Code)
                .Select(g => new HouseholdNeed(g.Key, g.First().Name, g.First().ProgrammeCodes, got.Any(r => g.First().ProgrammeCodes.Contains(r.Programme))))
                .ToList();
            var status = statuses[h.Id];
            var inHandling = status == HouseholdStatus.Verified && got.Any(r => r.LastDay >= windowStart);
            result.Add(new HouseholdConvergence(
                h.Id, h.NoKk.Value, h.VillageCode.Value, people.FirstOrDefault(p => p.Relation == FamilyRelation.KepalaKeluarga)?.Name,
                status, h.SpendingPerCapita, h.AssessedOn, got, needs, inHandling));
        }

        return result;
    }

    /// <summary>
    /// The desil of each household in force at the end of <paramref name="at"/>: the latest dated version
    /// not after that day (<see cref="DesilHistory.InForce"/>), null when every version is later; a
    /// household without any dated desil keeps the one on its record (data from before the history).
    /// </summary>
    private async Task<Dictionary<long, int?>> DesilsInForceAsync(IReadOnlyList<long> ids, DateOnly at, CancellationToken ct)
    {
        var desils = new Dictionary<long, int?>();
        foreach (var chunk in ids.Chunk(500))
        {
            foreach (var h in await db.Households.AsNoTracking().Where(h => chunk.Contains(h.Id)).Select(h => new { h.Id, h.Desil }).ToListAsync(ct))
            {
                desils[h.Id] = h.Desil;
            }

            foreach (var history in (await db.HouseholdDesils.AsNoTracking().Where(d => chunk.Contains(d.HouseholdId)).ToListAsync(ct)).GroupBy(d => d.HouseholdId))
            {
                desils[history.Key] = DesilHistory.InForce(history, at)?.Desil;
            }
        }

        return desils;
    }

    /// <summary>
    /// Households of the region (where they live now) that received a poverty-targeted programme in
    /// the window before the day, on a day when they were not extreme poor (never listed, or after
    /// they graduated or were excluded), and were not eligible for it: for a programme allocated by
    /// desil (<see cref="Programme.EligibleDesilMax"/>, Kepmensos 79/HUK/2025) a household whose desil
    /// is above the programme's; otherwise, or without a desil, spending well above the line (or,
    /// without a spending figure, a high desil).
    /// </summary>
    public async Task<int> LeakageAsync(RegionCode region, DateOnly at, CancellationToken ct = default)
    {
        var windowStart = options.WindowStart(at);
        var eligibility = await db.Programmes.AsNoTracking().Where(p => p.PovertyTargeted)
            .ToDictionaryAsync(p => p.Code, p => p.EligibleDesilMax, ct);
        var targeted = db.Programmes.Where(p => p.PovertyTargeted).Select(p => p.Code);
        var recipients = db.Deliveries
            .Where(d => targeted.Contains(d.ProgrammeCode) && d.Date <= at && (d.PeriodEnd ?? d.Date) >= windowStart)
            .Select(d => d.HouseholdId);
        var candidates = await db.Households.AsNoTracking().InRegion(region)
            .Where(h => recipients.Contains(h.Id))
            .Select(h => new { h.Id, h.VillageCode, h.SpendingPerCapita })
            .ToListAsync(ct);
        if (candidates.Count == 0)
        {
            return 0;
        }

        var desils = await DesilsInForceAsync(candidates.Select(h => h.Id).ToList(), at, ct);
        var criteria = await db.Criteria.AsNoTracking().ToListAsync(ct);
        bool NotEligible(long? spending, int? desil, RegionCode village, string programme)
        {
            if (eligibility.GetValueOrDefault(programme) is { } max && desil is { } d)
            {
                return d > max;
            }

            var line = PovertyCriteria.Select(criteria, village, at)?.LinePerCapita;
            return spending is { } s
                ? line is { } l && s >= l * options.LeakageFactor
                : desil is { } x && x >= options.LeakageDesil;
        }

        var leaking = 0;
        foreach (var chunk in candidates.Chunk(500))
        {
            var ids = chunk.Select(h => h.Id).ToList();
            var events = (await db.StatusEvents.AsNoTracking().Where(e => ids.Contains(e.HouseholdId) && e.EffectiveDate <= at)
                .Select(e => new { e.HouseholdId, e.EffectiveDate, e.Id, e.To })
                .ToListAsync(ct))
                .ToLookup(e => e.HouseholdId);
            var deliveries = (await db.Deliveries.AsNoTracking()
                .Where(d => ids.Contains(d.HouseholdId) && targeted.Contains(d.ProgrammeCode) && d.Date <= at && (d.PeriodEnd ?? d.Date) >= windowStart)
                .Select(d => new { d.HouseholdId, d.Date, d.ProgrammeCode })
                .ToListAsync(ct))
                .ToLookup(d => d.HouseholdId);
            leaking += chunk.Count(h => deliveries[h.Id].Any(d =>
            {
                var status = events[h.Id].Where(e => e.EffectiveDate <= d.Date).OrderBy(e => e.EffectiveDate).ThenBy(e => e.Id).LastOrDefault()?.To;
                return status is not (HouseholdStatus.Listed or HouseholdStatus.Verified) && NotEligible(h.SpendingPerCapita, desils.GetValueOrDefault(h.Id), h.VillageCode, d.ProgrammeCode);
            }));
        }

        return leaking;
    }

    public async Task<List<NeedRule>> ActiveRulesAsync(CancellationToken ct = default) =>
        await db.NeedRules.AsNoTracking().Where(r => r.Active).OrderBy(r => r.Code).ThenBy(r => r.Id).ToListAsync(ct);

    private async Task<ILookup<long, Received>> ReceivedAsync(IQueryable<long> ids, DateOnly at, CancellationToken ct)
    {
        var strategies = await db.Programmes.AsNoTracking().ToDictionaryAsync(p => p.Code, p => p.Strategy, ct);
        var rows = await db.Deliveries.AsNoTracking()
            .Where(d => ids.Contains(d.HouseholdId) && d.Date <= at)
            .OrderBy(d => d.Date)
            .Select(d => new { d.HouseholdId, d.ProgrammeCode, d.Date, d.PeriodEnd, d.Amount })
            .ToListAsync(ct);
        return rows.ToLookup(
            d => d.HouseholdId,
            d => new Received(d.ProgrammeCode, strategies.GetValueOrDefault(d.ProgrammeCode, Strategy.ReduceSpending), d.Date, d.PeriodEnd ?? d.Date, d.Amount));
    }

    /// <summary>Whether a NIK's birth date and sex agree with the member's record (a mismatch points to documents to fix).</summary>
    private static bool NikMatches(Nik nik, DateOnly birthDate, Sex sex, DateOnly today)
    {
        var explained = NikExplainer.Explain(nik, today);
        return explained.Valid && explained.BirthDate == birthDate && explained.Sex == sex;
    }
}
