using Microsoft.EntityFrameworkCore;
using Tuntas.Data.Audit;
using Tuntas.Data.Monitoring;
using Tuntas.Data.Verification;
using Tuntas.Domain.Access;
using Tuntas.Domain.ClaimAudit;
using Tuntas.Domain.Common;
using Tuntas.Domain.Regions;
using Tuntas.Domain.Registry;
using Tuntas.Domain.Verification;

namespace Tuntas.Data.ClaimAudit;

/// <summary>
/// What to draw: the households that were in (or entered) <paramref name="Status"/> in a region and
/// period. There is no seed to give: the server draws it (<see cref="SampleDraw.NewSeed"/>).
/// </summary>
public sealed record DrawRequest(RegionCode Region, HouseholdStatus Status, DateOnly From, DateOnly To, int Size, bool StratifyByDistrict);

/// <summary>
/// A recorded draw done again from its seed over the population as of the audit's dates, read now.
/// <paramref name="Sample"/> is what the seed gives over that population (null when it is now empty
/// or smaller than the sample).
/// </summary>
public sealed record ClaimAuditReplay(ClaimAuditSample Audit, string FoundHash, int FoundPopulation, IReadOnlyList<SampleCandidate>? Sample)
{
    /// <summary>The households drawn and recorded, in draw order.</summary>
    public IReadOnlyList<string> RecordedSample { get; } = Audit.Items.OrderBy(i => i.Id).Select(i => i.NoKk).ToList();

    public bool PopulationMatches => string.Equals(FoundHash, Audit.PopulationHash, StringComparison.Ordinal);

    public bool SampleMatches => Sample is not null && Sample.Select(c => c.NoKk).SequenceEqual(RecordedSample, StringComparer.Ordinal);

    /// <summary>True when the replay gives back exactly what was recorded: the same population and the same households.</summary>
    public bool Matches => PopulationMatches && SampleMatches;
}

/// <summary>
/// Claim audits as commands: draw a sample (with a seed the server draws from a cryptographic source,
/// written to the audit trail at once with the hash of the population, in the same commit as the
/// sample, so nobody can choose the seed or quietly redraw), replay a recorded draw, assign the re-checks to independent
/// verifiers, and record their findings. Each is a step of a use case (<see cref="DrawClaimAudit"/>, <see cref="RecordClaimAuditFinding"/>), inside its unit of work.
/// </summary>
public sealed class ClaimAuditService(TuntasDbContext db, VervalService verval, RegionClock clock)
{
    private DateTime Now => clock.UtcNow;

    public async Task<ClaimAuditSample> DrawAsync(DrawRequest request, string actor, AuditTrail audit, CancellationToken ct = default)
    {
        if (request.To < request.From)
        {
            throw new DomainException("The period ends before it starts.", "Periode berakhir sebelum dimulai.");
        }

        if (request.To > clock.Today(request.Region))
        {
            throw new DomainException("The period cannot end in the future.", "Periode tidak boleh berakhir di masa depan.");
        }

        if (!ClaimAuditSample.IsAuditable(request.Status))
        {
            throw new DomainException(
                "A claim audit re-checks graduated, excluded, verified or listed households.",
                "Audit klaim memeriksa ulang keluarga berstatus graduasi, tidak memenuhi kriteria, terverifikasi atau terdata.");
        }

        var population = await PopulationAsync(request, ct);
        var drawn = SampleDraw.Draw(population.Select(p => p.Candidate).ToList(), request.Size, SampleDraw.NewSeed(), request.StratifyByDistrict);
        var byNoKk = population.ToDictionary(p => p.Candidate.NoKk, StringComparer.Ordinal);

        var sample = new ClaimAuditSample(request.Region, request.Status, request.From, request.To, drawn, request.StratifyByDistrict, actor, Now);
        var verifiers = await VerifiersAsync(request.Region, ct);
        var load = verifiers.ToDictionary(v => v.UserName, _ => 0, StringComparer.OrdinalIgnoreCase);
        foreach (var candidate in drawn.Sample)
        {
            var member = byNoKk[candidate.NoKk];
            var item = sample.Add(member.HouseholdId, candidate.NoKk, candidate.District, member.Original);

            // The independent verifier of the household's region with the fewest re-checks so far.
            var assignee = verifiers
                .Where(v => v.Region is null || v.Region.Contains(member.Village))
                .Where(v => item.IsIndependent(v.UserName))
                .OrderBy(v => load[v.UserName]).ThenBy(v => v.UserName, StringComparer.Ordinal)
                .Select(v => v.UserName)
                .FirstOrDefault();
            if (assignee is not null)
            {
                item.AssignTo(assignee);
                load[assignee]++;
            }
        }

        db.ClaimAuditSamples.Add(sample);
        audit.Record(actor, "claim-audit.draw", AuditSubject.Of(sample), null, new
        {
            region = request.Region.Value,
            status = request.Status.ToWire(),
            from = request.From,
            to = request.To,
            size = request.Size,
            stratify = request.StratifyByDistrict ? "district" : null,
            seed = drawn.Seed,
            populationHash = drawn.PopulationHash,
            population = drawn.Population,
            sample = drawn.Sample.Select(s => s.NoKk).ToList(),
            assignedTo = sample.Items.Select(i => i.AssignedTo).ToList(),
        });
        return sample;
    }

    /// <summary>
    /// Does a recorded draw again: the population of the audit's region, status and period read now
    /// (only changes effective up to the period's last day count), its hash, and what the recorded
    /// seed draws from it. Null for an audit that does not exist. Writes nothing.
    /// </summary>
    public async Task<ClaimAuditReplay?> ReplayAsync(long auditId, CancellationToken ct = default)
    {
        var sample = await db.ClaimAuditSamples.AsNoTracking().Include(s => s.Items).SingleOrDefaultAsync(s => s.Id == auditId, ct);
        if (sample is null)
        {
            return null;
        }

        var request = new DrawRequest(sample.Region, sample.Status, sample.From, sample.To, sample.Items.Count, sample.Stratified);
        var population = (await PopulationAsync(request, ct)).Select(p => p.Candidate).ToList();
        var hash = SampleDraw.PopulationHash(population.Select(c => c.NoKk));
        IReadOnlyList<SampleCandidate>? again = null;
        if (population.Count >= request.Size && request.Size > 0)
        {
            again = SampleDraw.Draw(population, request.Size, sample.Seed, sample.Stratified).Sample;
        }

        return new ClaimAuditReplay(sample, hash, population.Count, again);
    }

    /// <summary>How long the village has to visit a household found wrong.</summary>
    public const int FollowUpDays = 14;

    /// <summary>
    /// Records what the re-check found; only someone independent of the original decision may. A
    /// household found wrong gets a field visit task (unless one is already open), so that its record is
    /// corrected the usual way: visit, Dinas Sosial's approval, then the status change.
    /// </summary>
    public async Task<ClaimAuditItem> RecordFindingAsync(long sampleId, string noKk, int? expectedVersion, RecheckFinding finding, string? note, DateOnly checkedOn, string checker, AuditTrail audit, CancellationToken ct = default)
    {
        var sample = await db.ClaimAuditSamples.Include(s => s.Items).SingleOrDefaultAsync(s => s.Id == sampleId, ct)
            ?? throw new DomainException($"Claim audit {sampleId} does not exist.", $"Audit klaim {sampleId} tidak ada.");
        var item = sample.Items.SingleOrDefault(i => i.NoKk == noKk.Trim())
            ?? throw new DomainException($"KK {noKk} is not in the sample of claim audit {sampleId}.", $"KK {noKk} tidak termasuk sampel audit klaim {sampleId}.");
        if (expectedVersion is { } version && version != item.Version)
        {
            throw new DomainException(
                "Someone else entered a finding for this household meanwhile; reload the page.",
                "Petugas lain sudah mengisi hasil untuk keluarga ini; muat ulang halaman.");
        }

        var today = clock.Today(item.District);
        item.Record(finding, note, checkedOn, checker, today, Now);
        long? followUp = null;
        if (finding == RecheckFinding.Wrong && !await db.Tasks.Pending().AnyAsync(t => t.HouseholdId == item.HouseholdId, ct))
        {
            var household = await db.Households.SingleAsync(h => h.Id == item.HouseholdId, ct);
            var task = await verval.CreateTaskAsync(household, VisitPurpose.Reverification, today.AddDays(FollowUpDays), checker, audit, ct);
            await db.SaveChangesAsync(ct);
            followUp = task.Id;
        }

        audit.Record(checker, "claim-audit.finding", new AuditSubject("claim-audit-item", () => $"{sample.Id}/{item.NoKk}", () => item.HouseholdId, () => item.District.Value), null, new
        {
            audit = sample.Id,
            noKk = item.NoKk,
            finding = finding.ToWire(),
            note = item.Note,
            checkedOn,
            followUpTask = followUp,
        });
        return item;
    }

    /// <summary>The households the draw is made from, each with the decision that put it in the status.</summary>
    internal async Task<List<PopulationMember>> PopulationAsync(DrawRequest request, CancellationToken ct)
    {
        // Only what decides membership: every change up to the first day (the status then), and the
        // changes into the status during the period.
        var events = await HeadlineQuery.InRegion(db.StatusEvents.AsNoTracking(), request.Region)
            .Where(e => e.EffectiveDate <= request.From || (e.To == request.Status && e.EffectiveDate <= request.To))
            .Select(e => new { e.Id, e.HouseholdId, e.EffectiveDate, e.To, e.Actor, e.VisitId, e.VillageCode, e.DistrictCode })
            .ToListAsync(ct);

        var chosen = new List<(long HouseholdId, long? VisitId, string Actor, RegionCode Village, RegionCode District)>();
        foreach (var history in events.GroupBy(e => e.HouseholdId))
        {
            var ordered = history.OrderBy(e => e.EffectiveDate).ThenBy(e => e.Id).ToList();
            var atStart = ordered.LastOrDefault(e => e.EffectiveDate <= request.From);
            var entered = ordered.LastOrDefault(e => e.To == request.Status && e.EffectiveDate >= request.From);
            var behind = entered ?? (atStart?.To == request.Status ? atStart : null);
            if (behind is not null)
            {
                chosen.Add((history.Key, behind.VisitId, behind.Actor, behind.VillageCode, behind.DistrictCode));
            }
        }

        var ids = chosen.Select(c => c.HouseholdId).ToList();
        var visitIds = chosen.Where(c => c.VisitId is not null).Select(c => c.VisitId!.Value).ToList();
        var noKks = new Dictionary<long, string>();
        var visits = new Dictionary<long, (string Visitor, string? Reviewer)>();
        foreach (var chunk in ids.Chunk(5000))
        {
            foreach (var h in await db.Households.AsNoTracking().Where(h => chunk.Contains(h.Id)).Select(h => new { h.Id, h.NoKk }).ToListAsync(ct))
            {
                noKks[h.Id] = h.NoKk.Value;
            }
        }

        foreach (var chunk in visitIds.Chunk(5000))
        {
            foreach (var v in await db.Visits.AsNoTracking().Where(v => chunk.Contains(v.Id)).Select(v => new { v.Id, v.Visitor, v.ReviewedBy }).ToListAsync(ct))
            {
                visits[v.Id] = (v.Visitor, v.ReviewedBy);
            }
        }

        return chosen.Select(c =>
        {
            var visit = c.VisitId is { } id && visits.TryGetValue(id, out var v) ? v : default;
            return new PopulationMember(c.HouseholdId, c.Village, new SampleCandidate(noKks[c.HouseholdId], c.District), new OriginalDecision(visit.Visitor, visit.Reviewer, c.Actor));
        }).ToList();
    }

    private async Task<List<(string UserName, RegionCode? Region)>> VerifiersAsync(RegionCode region, CancellationToken ct)
    {
        var users = await db.Users.AsNoTracking()
            .Where(u => u.Role == Role.Verifier)
            .Select(u => new { u.UserName, u.RegionCode })
            .ToListAsync(ct);
        return users
            .Where(u => u.RegionCode is null || u.RegionCode.Contains(region) || region.Contains(u.RegionCode))
            .Select(u => (u.UserName!, u.RegionCode))
            .OrderBy(u => u.Item1, StringComparer.Ordinal)
            .ToList();
    }

    internal sealed record PopulationMember(long HouseholdId, RegionCode Village, SampleCandidate Candidate, OriginalDecision Original);
}
