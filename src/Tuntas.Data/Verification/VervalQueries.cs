using Microsoft.EntityFrameworkCore;
using Tuntas.Data.Access;
using Tuntas.Data.Audit;
using Tuntas.Domain.Access;
using Tuntas.Domain.Regions;
using Tuntas.Domain.Registry;
using Tuntas.Domain.Verification;

namespace Tuntas.Data.Verification;

/// <summary>A task as the lists show it.</summary>
public sealed record TaskRow(long Id, string NoKk, string? HeadName, RegionCode Village, string VillageName, HouseholdStatus Status, VisitPurpose Purpose, VisitTaskState State, string? AssignedTo, DateOnly DueOn, string? RoundName, int Version);

/// <summary>A task waiting for a visit, as a visitor's phone lists it (the households file of ODK Collect's form).</summary>
public sealed record VisitableTask(long TaskId, string NoKk, string? HeadName, string? Address, string VillageName, int Version);

/// <summary>A stored file as its download needs it: where it is kept, its type (when known) and its name.</summary>
public sealed record StoredFile(string? StorageKey, string? ContentType, string? FileName);

/// <summary>A visit waiting for (or past) review, as the lists show it.</summary>
public sealed record VisitRow(long Id, long TaskId, string NoKk, string? HeadName, RegionCode Village, string VillageName, HouseholdStatus Status, string Visitor, DateOnly VisitedOn, HouseholdStatus? Recommendation, ReviewState Review, int Evidence, DateTime SubmittedAt);

public static class TaskQueries
{
    /// <summary>Tasks still under way: waiting for a visit, sent back, or waiting for review.</summary>
    public static IQueryable<VisitTask> Pending(this IQueryable<VisitTask> tasks) =>
        tasks.Where(t => t.State == VisitTaskState.Open || t.State == VisitTaskState.Returned || t.State == VisitTaskState.Submitted);
}

/// <summary>The reads of the verval screens, every one filtered by the caller's region scope.</summary>
public sealed class VervalQueries(TuntasDbContext db)
{
    public async Task<IReadOnlyList<TaskRow>> TasksAsync(RegionScope scope, string? assignedTo, bool openOnly, long? roundId, int take, CancellationToken ct)
    {
        var tasks = db.Tasks.AsNoTracking();
        if (openOnly)
        {
            tasks = tasks.Pending();
        }

        if (assignedTo is not null)
        {
            tasks = tasks.Where(t => t.AssignedTo == assignedTo || t.AssignedTo == null);
        }

        if (roundId is not null)
        {
            tasks = tasks.Where(t => t.RoundId == roundId);
        }

        var rows = await (
                from t in tasks
                join h in db.Households.InScope(scope) on t.HouseholdId equals h.Id
                join r in db.Regions on h.VillageCode equals r.Code
                orderby t.DueOn, h.VillageCode, h.NoKk
                select new
                {
                    t.Id,
                    h.NoKk,
                    Head = h.Members.Where(m => m.Relation == FamilyRelation.KepalaKeluarga).Select(m => m.Name).FirstOrDefault(),
                    h.VillageCode,
                    r.Name,
                    h.Status,
                    t.Purpose,
                    t.State,
                    t.AssignedTo,
                    t.DueOn,
                    Round = t.Round == null ? null : t.Round.Name,
                    t.Version,
                })
            .Take(take).ToListAsync(ct);
        return rows.Select(x => new TaskRow(x.Id, x.NoKk.Value, x.Head, x.VillageCode, x.Name, x.Status, x.Purpose, x.State, x.AssignedTo, x.DueOn, x.Round, x.Version)).ToList();
    }

    /// <summary>
    /// The tasks waiting for a visit (open or sent back) in the scope: for a visitor named, those assigned
    /// to them or to nobody (as their task list shows them), one per household, by due date.
    /// </summary>
    public async Task<IReadOnlyList<VisitableTask>> VisitableTasksAsync(RegionScope scope, string? visitor, int take, CancellationToken ct, NomorKk? noKk = null)
    {
        var tasks = db.Tasks.AsNoTracking().Where(t => t.State == VisitTaskState.Open || t.State == VisitTaskState.Returned);
        if (visitor is not null)
        {
            tasks = tasks.Where(t => t.AssignedTo == visitor || t.AssignedTo == null);
        }

        var households = db.Households.InScope(scope);
        if (noKk is { } one)
        {
            households = households.Where(h => h.NoKk == one);
        }

        var rows = await (
                from t in tasks
                join h in households on t.HouseholdId equals h.Id
                join r in db.Regions on h.VillageCode equals r.Code
                orderby t.DueOn, h.VillageCode, h.NoKk, t.Id
                select new
                {
                    t.Id,
                    h.NoKk,
                    Head = h.Members.Where(m => m.Relation == FamilyRelation.KepalaKeluarga).Select(m => m.Name).FirstOrDefault(),
                    h.Address,
                    r.Name,
                    t.Version,
                })
            .Take(take).ToListAsync(ct);
        return rows.Select(x => new VisitableTask(x.Id, x.NoKk.Value, x.Head, x.Address, x.Name, x.Version))
            .DistinctBy(x => x.NoKk).ToList();
    }

    /// <summary>Whether a household of this No. KK lies in the scope (whatever its tasks).</summary>
    public Task<bool> HouseholdInScopeAsync(RegionScope scope, NomorKk noKk, CancellationToken ct) =>
        db.Households.InScope(scope).AnyAsync(h => h.NoKk == noKk, ct);

    public async Task<IReadOnlyList<VisitRow>> VisitsAsync(RegionScope scope, ReviewState? review, int take, CancellationToken ct)
    {
        var visits = db.Visits.AsNoTracking();
        if (review is not null)
        {
            visits = visits.Where(v => v.Review == review);
        }

        var rows = await (
                from v in visits
                join h in db.Households.InScope(scope) on v.HouseholdId equals h.Id
                join r in db.Regions on h.VillageCode equals r.Code
                orderby v.SubmittedAt
                select new
                {
                    v.Id,
                    v.TaskId,
                    h.NoKk,
                    Head = h.Members.Where(m => m.Relation == FamilyRelation.KepalaKeluarga).Select(m => m.Name).FirstOrDefault(),
                    h.VillageCode,
                    r.Name,
                    h.Status,
                    v.Visitor,
                    v.VisitedOn,
                    v.Recommendation,
                    v.Review,
                    Evidence = v.Evidence.Count,
                    v.SubmittedAt,
                })
            .Take(take).ToListAsync(ct);
        return rows.Select(x => new VisitRow(x.Id, x.TaskId, x.NoKk.Value, x.Head, x.VillageCode, x.Name, x.Status, x.Visitor, x.VisitedOn, x.Recommendation, x.Review, x.Evidence, x.SubmittedAt)).ToList();
    }

    /// <summary>A task with its household (tracked, for changing), or null outside the scope.</summary>
    public async Task<(VisitTask Task, Household Household)?> FindTaskAsync(RegionScope scope, long id, CancellationToken ct)
    {
        var task = await db.Tasks.Include(t => t.Round).SingleOrDefaultAsync(t => t.Id == id, ct);
        if (task is null)
        {
            return null;
        }

        var household = await db.Households.InScope(scope).Include(h => h.Members).SingleOrDefaultAsync(h => h.Id == task.HouseholdId, ct);
        return household is null ? null : (task, household);
    }

    /// <summary>A visit with its task, evidence and household (tracked), or null outside the scope.</summary>
    public async Task<(Visit Visit, Household Household)?> FindVisitAsync(RegionScope scope, long id, CancellationToken ct)
    {
        var visit = await db.Visits.Include(v => v.Task).Include(v => v.Evidence).SingleOrDefaultAsync(v => v.Id == id, ct);
        if (visit is null)
        {
            return null;
        }

        var household = await db.Households.InScope(scope).Include(h => h.Members).SingleOrDefaultAsync(h => h.Id == visit.HouseholdId, ct);
        return household is null ? null : (visit, household);
    }

    /// <summary>A meeting of a round with its decisions (tracked, for changing), or null when its village is outside the scope.</summary>
    public async Task<VillageMeeting?> FindMeetingAsync(RegionScope scope, long roundId, long id, CancellationToken ct)
    {
        var meeting = await db.Meetings.Include(m => m.Decisions).SingleOrDefaultAsync(m => m.Id == id && m.RoundId == roundId, ct);
        return meeting is not null && scope.Contains(meeting.Village) ? meeting : null;
    }

    public Task<List<Visit>> VisitsOfAsync(long householdId, CancellationToken ct) =>
        db.Visits.AsNoTracking().Include(v => v.Evidence).Where(v => v.HouseholdId == householdId).OrderByDescending(v => v.VisitedOn).ThenByDescending(v => v.Id).ToListAsync(ct);

    public Task<List<HouseholdStatusEvent>> StatusHistoryAsync(long householdId, CancellationToken ct) =>
        db.StatusEvents.AsNoTracking().Where(e => e.HouseholdId == householdId).OrderBy(e => e.EffectiveDate).ThenBy(e => e.Id).ToListAsync(ct);

    /// <summary>The household's timeline: its audit entries, oldest first.</summary>
    public Task<List<AuditEntry>> TimelineAsync(long householdId, CancellationToken ct) =>
        db.AuditEntries.AsNoTracking().Where(e => e.HouseholdId == householdId).OrderBy(e => e.Sequence).ToListAsync(ct);

    /// <summary>Rounds of the caller's region, of a region inside it, or of a larger region that covers it.</summary>
    public async Task<List<VervalRound>> RoundsAsync(RegionScope scope, CancellationToken ct)
    {
        // Rounds are few (a handful per regency and year): filtering them here is cheap.
        var rounds = await db.Rounds.AsNoTracking().OrderByDescending(r => r.PeriodStart).ThenByDescending(r => r.Id).ToListAsync(ct);
        return rounds.Where(r => Overlaps(scope, r.Region)).ToList();
    }

    /// <summary>Task counts of a round by state, within the caller's scope.</summary>
    public async Task<Dictionary<VisitTaskState, int>> RoundProgressAsync(RegionScope scope, long roundId, CancellationToken ct) =>
        await (from t in db.Tasks.Where(t => t.RoundId == roundId)
               join h in db.Households.InScope(scope) on t.HouseholdId equals h.Id
               group t by t.State into g
               select new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);

    public async Task<List<VillageMeeting>> MeetingsAsync(RegionScope scope, long roundId, CancellationToken ct)
    {
        var meetings = await db.Meetings.AsNoTracking().Include(m => m.Decisions).Where(m => m.RoundId == roundId).OrderBy(m => m.HeldOn).ToListAsync(ct);
        return meetings.Where(m => scope.Contains(m.Village)).ToList();
    }

    public Task<List<Proposal>> ProposalsAsync(RegionScope scope, CancellationToken ct)
    {
        IQueryable<Proposal> proposals = db.Proposals.AsNoTracking().Include(p => p.Task);
        if (scope.Region is { } region)
        {
            var villages = VillagesIn(region);
            proposals = proposals.Where(p => villages.Contains(p.Village));
        }

        return proposals.OrderBy(p => p.DueOn).ThenBy(p => p.Id).Take(500).ToListAsync(ct);
    }

    /// <summary>The codes of the villages inside a region, as a query (the region table's parent links).</summary>
    public IQueryable<RegionCode> VillagesIn(RegionCode region)
    {
        var regions = db.Regions.AsNoTracking();
        return region.Level switch
        {
            RegionLevel.Village => regions.Where(r => r.Code == region).Select(r => r.Code),
            RegionLevel.District => regions.Where(r => r.ParentCode == region).Select(r => r.Code),
            RegionLevel.Regency => regions.Where(v => regions.Any(d => d.ParentCode == region && v.ParentCode == d.Code)).Select(v => v.Code),
            _ => regions.Where(v => v.Level == RegionLevel.Village && regions.Any(d => v.ParentCode == d.Code && regions.Any(k => k.ParentCode == region && d.ParentCode == k.Code))).Select(v => v.Code),
        };
    }

    /// <summary>
    /// The desa/kelurahan inside a region a resident may choose from, by code: all of a kecamatan's;
    /// of a kabupaten/kota, none when there are more than <paramref name="max"/>; none of a province.
    /// </summary>
    public async Task<IReadOnlyList<Region>> VillagesToChooseAsync(RegionCode region, int max, CancellationToken ct)
    {
        if (region.Level == RegionLevel.Province)
        {
            return [];
        }

        var codes = VillagesIn(region);
        var villages = db.Regions.AsNoTracking().Where(r => codes.Contains(r.Code)).OrderBy(r => r.Code);
        if (region.Level != RegionLevel.Regency)
        {
            return await villages.ToListAsync(ct);
        }

        var listed = await villages.Take(max + 1).ToListAsync(ct);
        return listed.Count > max ? [] : listed;
    }

    /// <summary>The poverty criteria in force for a region on a day, or null when none is.</summary>
    public async Task<PovertyCriteria?> CriteriaAsync(RegionCode region, DateOnly at, CancellationToken ct) =>
        PovertyCriteria.Select(await db.Criteria.AsNoTracking().ToListAsync(ct), region, at);

    /// <summary>Whether a region is inside the scope or covers it.</summary>
    public static bool Overlaps(RegionScope scope, RegionCode region) =>
        scope.Contains(region) || (scope.Region is { } s && region.Contains(s));

    /// <summary>The households of a village for a meeting's decisions: the caseload first, then the rest of the register.</summary>
    public Task<List<Household>> VillageHouseholdsAsync(RegionCode village, int take, CancellationToken ct) =>
        db.Households.AsNoTracking().Include(h => h.Members).Where(h => h.VillageCode == village)
            .OrderBy(h => h.Status == HouseholdStatus.Listed || h.Status == HouseholdStatus.Verified ? 0 : 1).ThenBy(h => h.NoKk)
            .Take(take).ToListAsync(ct);

    /// <summary>Operators and facilitators whose region covers a household's village: who a task can go to.</summary>
    public async Task<List<string>> AssigneesAsync(RegionScope scope, CancellationToken ct)
    {
        var users = await db.Users.AsNoTracking().Where(u => (u.Role == Role.Operator || u.Role == Role.Facilitator) && u.RegionCode != null)
            .Select(u => new { u.UserName, u.RegionCode }).ToListAsync(ct);
        return users.Where(u => Overlaps(scope, u.RegionCode!))
            .Select(u => u.UserName!).Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>A round (untracked), or null when it neither lies inside the scope nor covers it.</summary>
    public async Task<VervalRound?> FindRoundAsync(RegionScope scope, long id, CancellationToken ct)
    {
        var round = await db.Rounds.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, ct);
        return round is not null && Overlaps(scope, round.Region) ? round : null;
    }

    /// <summary>The No. KK of households by id, for lists that hold only the id.</summary>
    public Task<Dictionary<long, string>> NoKkByIdAsync(IReadOnlyCollection<long> ids, CancellationToken ct) =>
        db.Households.AsNoTracking().Where(h => ids.Contains(h.Id)).ToDictionaryAsync(h => h.Id, h => h.NoKk.Value, ct);

    /// <summary>The region of a user account, or null when there is no such user or it has no region.</summary>
    public Task<RegionCode?> UserRegionAsync(string userName, CancellationToken ct) =>
        db.Users.AsNoTracking().Where(u => u.UserName == userName).Select(u => u.RegionCode).SingleOrDefaultAsync(ct);

    /// <summary>A visit's evidence file, or null when it does not exist or its household is outside the scope.</summary>
    public Task<StoredFile?> VisitEvidenceAsync(RegionScope scope, long id, CancellationToken ct) =>
        (from e in db.Evidence.AsNoTracking()
         join v in db.Visits on e.VisitId equals v.Id
         join h in db.Households.InScope(scope) on v.HouseholdId equals h.Id
         where e.Id == id
         select new StoredFile(e.StorageKey, e.ContentType, e.FileName))
        .SingleOrDefaultAsync(ct);

    /// <summary>A meeting's signed minutes, or null when the meeting does not exist or its village is outside the scope.</summary>
    public async Task<StoredFile?> MeetingMinutesAsync(RegionScope scope, long id, CancellationToken ct)
    {
        var meeting = await db.Meetings.AsNoTracking().SingleOrDefaultAsync(m => m.Id == id, ct);
        return meeting is null || !scope.Contains(meeting.Village) ? null : new StoredFile(meeting.MinutesStorageKey, null, meeting.MinutesFileName);
    }

    /// <summary>A proposal's evidence, or null when the proposal does not exist or its village is outside the scope.</summary>
    public async Task<StoredFile?> ProposalEvidenceAsync(RegionScope scope, long id, CancellationToken ct)
    {
        var proposal = await db.Proposals.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, ct);
        return proposal is null || !scope.Contains(proposal.Village) ? null : new StoredFile(proposal.EvidenceStorageKey, null, proposal.EvidenceFileName);
    }

    /// <summary>A delivery's proof, or null when the delivery does not exist or its household is outside the scope.</summary>
    public Task<StoredFile?> DeliveryEvidenceAsync(RegionScope scope, long id, CancellationToken ct) =>
        (from d in db.Deliveries.AsNoTracking()
         join h in db.Households.InScope(scope) on d.HouseholdId equals h.Id
         where d.Id == id
         select new StoredFile(d.EvidenceStorageKey, d.EvidenceContentType, d.EvidenceFileName))
        .SingleOrDefaultAsync(ct);
}
