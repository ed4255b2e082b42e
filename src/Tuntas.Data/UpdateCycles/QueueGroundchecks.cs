using Microsoft.EntityFrameworkCore;
using Tuntas.Data.Audit;
using Tuntas.Data.Common;
using Tuntas.Data.Verification;
using Tuntas.Domain.Registry;
using Tuntas.Domain.UpdateCycles;
using Tuntas.Domain.Verification;

namespace Tuntas.Data.UpdateCycles;

/// <summary>What queuing the groundchecks of a ranking did.</summary>
/// <param name="Jumps">Changes given.</param>
/// <param name="Crossing">Of them, families whose desil crossed between 1-4 and 5+ (either way).</param>
/// <param name="Queued">Crossing families given a groundcheck now (a new task, or their pending one).</param>
/// <param name="JoinedPending">Of <paramref name="Queued"/>, families already waiting for a visit, whose task does the groundcheck too.</param>
/// <param name="AlreadyQueued">Crossing families already queued for the same version: nothing new.</param>
/// <param name="NotFound">Crossing changes naming a household the register does not hold.</param>
/// <param name="CyclesOpened">Cycles opened because a version's month had none for the family's kabupaten/kota.</param>
public sealed record GroundcheckQueueResult(int Jumps, int Crossing, int Queued, int JoinedPending, int AlreadyQueued, int NotFound, int CyclesOpened);

/// <summary>
/// After a new desil ranking: every family whose desil crossed between 1-4 and 5+ (either way) is
/// queued for a groundcheck visit, recorded against the update cycle of its kabupaten/kota for the
/// month of the ranking's version (opened with the default deadlines when there is none). The task
/// goes to the village's operator, else the kecamatan's facilitator, as every verval task; a family
/// already waiting for a visit is not given a second task, the pending one does the groundcheck. The
/// same version twice queues nothing new. One unit of work.
/// </summary>
public sealed class QueueGroundchecks(UnitOfWork work, UpdateCycleQueries queries, VervalService verval) : IUseCase
{
    /// <summary>Days the field team has for a groundcheck visit, as for an usul or sanggah.</summary>
    public const int DaysToVisit = Proposal.DaysToVerify;

    public Task<WriteResult<GroundcheckQueueResult>> RunAsync(IReadOnlyList<DesilJump> jumps, string actor, CancellationToken ct = default) =>
        work.RunAsync(c => QueueInAsync(jumps, actor, c), ct);

    /// <summary>
    /// Queues the groundchecks inside a unit of work another use case already opened (the desil import,
    /// so that a new version and the visits it calls for are stored together or not at all).
    /// </summary>
    internal async Task<GroundcheckQueueResult> QueueInAsync(IReadOnlyList<DesilJump> jumps, string actor, CancellationToken c)
    {
        var crossing = jumps.Where(j => j.Crosses).DistinctBy(j => (j.HouseholdId, j.Version)).ToList();
        var ids = crossing.Select(j => j.HouseholdId).Distinct().ToList();
        var households = new Dictionary<long, Household>();
        var queued = new HashSet<(long, DateOnly)>();
        var pending = new Dictionary<long, VisitTask>();
        foreach (var chunk in ids.Chunk(500))
        {
            foreach (var h in await work.Db.Households.Where(h => chunk.Contains(h.Id)).ToListAsync(c))
            {
                households[h.Id] = h;
            }

            foreach (var g in await work.Db.CycleGroundchecks.Where(g => chunk.Contains(g.HouseholdId)).Select(g => new { g.HouseholdId, g.DesilVersion }).ToListAsync(c))
            {
                queued.Add((g.HouseholdId, g.DesilVersion));
            }

            foreach (var t in await work.Db.Tasks.Pending().Where(t => chunk.Contains(t.HouseholdId)).OrderBy(t => t.DueOn).ToListAsync(c))
            {
                pending.TryAdd(t.HouseholdId, t);
            }
        }

        var cycles = new Dictionary<(string, DateOnly), UpdateCycle>();
        var entries = new List<(DesilJump Jump, Household Household, UpdateCycle Cycle, VisitTask Task)>();
        int done = 0, joined = 0, already = 0, missing = 0, opened = 0;
        var today = work.Clock.Today();
        foreach (var jump in crossing)
        {
            if (!households.TryGetValue(jump.HouseholdId, out var household))
            {
                missing++;
                continue;
            }

            if (!queued.Add((jump.HouseholdId, jump.Version)))
            {
                already++;
                continue;
            }

            var month = new DateOnly(jump.Version.Year, jump.Version.Month, 1);
            if (!cycles.TryGetValue((household.RegencyCode.Value!, month), out var cycle))
            {
                cycle = await queries.FindAsync(household.RegencyCode, month, c);
                if (cycle is null)
                {
                    cycle = await OpenCycle.OpenInAsync(work, queries, household.RegencyCode, month, CycleDeadlines.Default, actor, c);
                    opened++;
                }

                cycles[(household.RegencyCode.Value!, month)] = cycle;
            }

            if (pending.TryGetValue(household.Id, out var task))
            {
                joined++;
            }
            else
            {
                task = await verval.CreateTaskAsync(household, VisitPurpose.Groundcheck, today.AddDays(DaysToVisit), actor, work.Audit, c);
                pending[household.Id] = task;
            }

            entries.Add((jump, household, cycle, task));
            done++;
        }

        // One save for every new task (not one per task: the import's context tracks thousands of
        // families), then the cycle's record of each, which needs the task's number.
        await work.Db.SaveChangesAsync(c);
        foreach (var (jump, household, cycle, task) in entries)
        {
            work.Db.CycleGroundchecks.Add(new CycleGroundcheck(cycle.Id, household.Id, jump.Version, jump.Before, jump.After, task.Id, actor, work.Clock.UtcNow));
            work.Audit.Record(actor, "cycle.groundcheck-queue", AuditSubject.Of(household), null, new
            {
                cycle = cycle.MonthText,
                version = jump.Version,
                desil = new { before = jump.Before, after = jump.After },
                task = task.Id,
            });
        }

        await work.Db.SaveChangesAsync(c);
        return new GroundcheckQueueResult(jumps.Count, crossing.Count, done, joined, already, missing, opened);
    }
}
