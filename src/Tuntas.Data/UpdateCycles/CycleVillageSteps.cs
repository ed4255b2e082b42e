using Microsoft.EntityFrameworkCore;
using Tuntas.Data.Audit;
using Tuntas.Data.Common;
using Tuntas.Data.Verification;
using Tuntas.Domain.Access;
using Tuntas.Domain.Common;
using Tuntas.Domain.Regions;
using Tuntas.Domain.UpdateCycles;

namespace Tuntas.Data.UpdateCycles;

/// <summary>A village of a cycle found for a writer in their region, with its cycle; null when either is outside it.</summary>
internal static class CycleVillageLookup
{
    public static async Task<(UpdateCycle Cycle, CycleVillage Village)?> FindAsync(UnitOfWork work, UpdateCycleQueries queries, RegionScope scope, long cycleId, RegionCode village, CancellationToken ct)
    {
        if (!scope.Contains(village) || await queries.FindAsync(scope, cycleId, ct) is not { } cycle)
        {
            return null;
        }

        return await work.Db.CycleVillages.SingleOrDefaultAsync(v => v.CycleId == cycleId && v.Village == village, ct) is { } line ? (cycle, line) : null;
    }
}

/// <summary>
/// The village's musyawarah in a cycle: its date and, when at hand, the berita acara (a stored
/// document, checked by its content on upload). Recording again corrects the date or replaces the
/// document. One unit of work.
/// </summary>
public sealed class RecordCycleMeeting(UnitOfWork work, UpdateCycleQueries queries) : IUseCase
{
    /// <summary>Records the meeting; the version is the one of the village's line the user saw (null from the command line).</summary>
    public Task<WriteResult<CycleVillage>> RecordAsync(
        RegionScope scope, long cycleId, RegionCode village, DateOnly heldOn, EvidenceFile? minutes, int? version, string actor, CancellationToken ct = default) =>
        work.RunOrRefuseAsync<CycleVillage>(async c =>
        {
            if (await CycleVillageLookup.FindAsync(work, queries, scope, cycleId, village, c) is not var (cycle, line))
            {
                return new WriteError.NotFound("village");
            }

            if (version is { } seen)
            {
                work.Db.Entry(line).Property(v => v.Version).OriginalValue = seen;
            }

            var before = new { line.MeetingHeldOn, minutes = line.MinutesSha256 };
            line.RecordMeeting(cycle, heldOn, actor, work.Clock.Today(village));
            if (minutes is not null)
            {
                line.AttachMinutes(minutes.FileName, minutes.Sha256, minutes.StorageKey);
            }

            await work.Db.SaveChangesAsync(c);
            work.Audit.Record(actor, "cycle.meeting", AuditSubject.Of(line), before, new
            {
                cycle = cycle.MonthText,
                heldOn,
                minutes = minutes is null ? null : new { minutes.FileName, minutes.Sha256 },
            });
            return WriteResult<CycleVillage>.Ok(line);
        }, ct);
}

/// <summary>The village's operator says every proposal of the month is entered. One unit of work.</summary>
public sealed class FinishCycleProposals(UnitOfWork work, UpdateCycleQueries queries) : IUseCase
{
    public Task<WriteResult<CycleVillage>> FinishAsync(RegionScope scope, long cycleId, RegionCode village, int? version, string actor, CancellationToken ct = default) =>
        work.RunOrRefuseAsync<CycleVillage>(async c =>
        {
            if (await CycleVillageLookup.FindAsync(work, queries, scope, cycleId, village, c) is not var (cycle, line))
            {
                return new WriteError.NotFound("village");
            }

            if (version is { } seen)
            {
                work.Db.Entry(line).Property(v => v.Version).OriginalValue = seen;
            }

            line.FinishProposals(actor, work.Clock.Today(village));
            await work.Db.SaveChangesAsync(c);
            work.Audit.Record(actor, "cycle.proposals-done", AuditSubject.Of(line), null, new { cycle = cycle.MonthText, on = line.ProposalsDoneOn });
            return WriteResult<CycleVillage>.Ok(line);
        }, ct);
}

/// <summary>What a village proposes about one family.</summary>
public sealed record CycleProposalInput(string NoKk, string HeadNik, string HeadName, CycleProposalKind Kind, string Reason);

/// <summary>
/// A village's proposal (usulan desa) entered in a cycle by its operator or facilitator: refused
/// once the village said its proposals were all entered, or when the family is already proposed in
/// the same cycle. A family the register holds is linked to it. One unit of work.
/// </summary>
public sealed class EnterCycleProposal(UnitOfWork work, UpdateCycleQueries queries) : IUseCase
{
    public Task<WriteResult<CycleProposal>> EnterAsync(RegionScope scope, long cycleId, RegionCode village, CycleProposalInput input, string actor, CancellationToken ct = default) =>
        work.RunOrRefuseAsync<CycleProposal>(async c =>
        {
            if (await CycleVillageLookup.FindAsync(work, queries, scope, cycleId, village, c) is not var (cycle, line))
            {
                return new WriteError.NotFound("village");
            }

            if (line.ProposalsDoneOn is not null)
            {
                throw new DomainException(UpdateCycleErrors.ProposalsClosed());
            }

            var noKk = Tuntas.Domain.Registry.NomorKk.Parse(input.NoKk);
            long? householdId = null;
            if (noKk.IsValid)
            {
                var kk = noKk.Value!;
                if (await work.Db.CycleProposals.AnyAsync(p => p.CycleId == cycleId && p.NoKk == kk.Value, c))
                {
                    throw new DomainException(UpdateCycleErrors.AlreadyProposed(kk.Value));
                }

                householdId = await work.Db.Households.Where(h => h.NoKk == kk).Select(h => (long?)h.Id).SingleOrDefaultAsync(c);
            }

            var proposal = new CycleProposal(cycleId, village, input.NoKk, input.HeadNik, input.HeadName, input.Kind, input.Reason, householdId, actor, work.Clock.UtcNow);
            work.Db.CycleProposals.Add(proposal);
            await work.Db.SaveChangesAsync(c);
            work.Audit.Record(actor, "cycle.proposal", AuditSubject.Of(proposal), null, new
            {
                cycle = cycle.MonthText,
                village = village.Value,
                noKk = proposal.NoKk,
                kind = proposal.Kind.ToSiksNg(),
                reason = proposal.Reason,
            });
            return WriteResult<CycleProposal>.Ok(proposal);
        }, ct);
}

/// <summary>Dinas Sosial accepts or refuses (with its reason) one proposal of a cycle. One unit of work.</summary>
public sealed class CheckCycleProposal(UnitOfWork work, UpdateCycleQueries queries) : IUseCase
{
    public Task<WriteResult<CycleProposal>> CheckAsync(RegionScope scope, long cycleId, long proposalId, int? version, bool accept, string? note, string actor, CancellationToken ct = default) =>
        work.RunOrRefuseAsync<CycleProposal>(async c =>
        {
            if (await FindAsync(work, queries, scope, cycleId, proposalId, c) is not { } proposal)
            {
                return new WriteError.NotFound("proposal");
            }

            if (version is { } seen)
            {
                work.Db.Entry(proposal).Property(p => p.Version).OriginalValue = seen;
            }

            proposal.Check(accept, note, actor, work.Clock.Today(proposal.Village));
            await work.Db.SaveChangesAsync(c);
            work.Audit.Record(actor, accept ? "cycle.proposal-accept" : "cycle.proposal-refuse", AuditSubject.Of(proposal),
                new { state = "entered" }, new { state = proposal.State.ToString().ToLowerInvariant(), note = proposal.CheckNote });
            return WriteResult<CycleProposal>.Ok(proposal);
        }, ct);

    internal static async Task<CycleProposal?> FindAsync(UnitOfWork work, UpdateCycleQueries queries, RegionScope scope, long cycleId, long proposalId, CancellationToken ct)
    {
        if (await queries.FindAsync(scope, cycleId, ct) is null)
        {
            return null;
        }

        return await work.Db.CycleProposals.SingleOrDefaultAsync(p => p.Id == proposalId && p.CycleId == cycleId, ct) is { } found && scope.Contains(found.Village) ? found : null;
    }
}

/// <summary>The field check (groundcheck) of an accepted proposal: what was found, on which day. One unit of work.</summary>
public sealed class RecordProposalGroundcheck(UnitOfWork work, UpdateCycleQueries queries) : IUseCase
{
    public Task<WriteResult<CycleProposal>> RecordAsync(
        RegionScope scope, long cycleId, long proposalId, int? version, GroundcheckOutcome outcome, DateOnly on, string? note, string actor, CancellationToken ct = default) =>
        work.RunOrRefuseAsync<CycleProposal>(async c =>
        {
            if (await CheckCycleProposal.FindAsync(work, queries, scope, cycleId, proposalId, c) is not { } proposal)
            {
                return new WriteError.NotFound("proposal");
            }

            if (version is { } seen)
            {
                work.Db.Entry(proposal).Property(p => p.Version).OriginalValue = seen;
            }

            proposal.RecordGroundcheck(outcome, on, note, actor, work.Clock.Today(proposal.Village));
            await work.Db.SaveChangesAsync(c);
            work.Audit.Record(actor, "cycle.groundcheck", AuditSubject.Of(proposal), null, new { outcome = outcome.ToString().ToLowerInvariant(), on, note = proposal.GroundcheckNote });
            return WriteResult<CycleProposal>.Ok(proposal);
        }, ct);
}
