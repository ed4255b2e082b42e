using Microsoft.EntityFrameworkCore;
using Tuntas.Data.Access;
using Tuntas.Data.Audit;
using Tuntas.Domain.Access;
using Tuntas.Domain.Common;
using Tuntas.Domain.Regions;
using Tuntas.Domain.Registry;
using Tuntas.Domain.Verification;

namespace Tuntas.Data.Verification;

/// <summary>A photo or document already stored (or a demo placeholder), ready to attach.</summary>
public sealed record EvidenceFile(EvidenceKind Kind, string FileName, string ContentType, long Size, string Sha256, string? StorageKey);

/// <summary>What creating a round did.</summary>
public sealed record RoundCreated(VervalRound Round, int ListedTasks, int ReverificationTasks, int Unassigned);

/// <summary>
/// The verval steps (round, task, visit, review, village meeting, usul/sanggah). Each runs inside the
/// unit of work of the use case that calls it (<see cref="Common.UnitOfWork"/>), records its audit
/// entries, and leaves the commit to it; a broken rule throws <see cref="DomainException"/> and
/// nothing is kept.
/// </summary>
public sealed class VervalService(TuntasDbContext db, ClassificationService classification, TimeProvider time)
{
    private DateTime Now => time.GetUtcNow().UtcDateTime;

    private DateOnly Today => RegionClock.DayAt(Now);

    public async Task<RoundCreated> CreateRoundAsync(RegionCode region, string name, DateOnly start, DateOnly end, int reverifyMonths, string actor, AuditTrail audit, CancellationToken ct = default)
    {
        // The selection below reads the database: write what this unit of work changed so far first.
        await db.SaveChangesAsync(ct);
        var round = new VervalRound(region, name, start, end, reverifyMonths, actor, Now);
        db.Rounds.Add(round);
        audit.Record(actor, "round.create", AuditSubject.Of(round), null, new { region = region.Value, name = round.Name, start, end, reverifyMonths });

        var busy = db.Tasks.Pending().Select(t => t.HouseholdId);
        var candidates = await db.Households.InRegion(region)
            .Where(h => h.Status == HouseholdStatus.Listed || h.Status == HouseholdStatus.Verified)
            .Where(h => !busy.Contains(h.Id))
            .OrderBy(h => h.VillageCode).ThenBy(h => h.NoKk)
            .ToListAsync(ct);
        var assignees = await AssigneesAsync(region, ct);
        int listed = 0, reverify = 0, unassigned = 0;
        foreach (var household in candidates)
        {
            VisitPurpose purpose;
            if (household.Status == HouseholdStatus.Listed)
            {
                purpose = VisitPurpose.Verification;
                listed++;
            }
            else if (round.IsDueForReverification(household.AssessedOn))
            {
                purpose = VisitPurpose.Reverification;
                reverify++;
            }
            else
            {
                continue;
            }

            var task = new VisitTask(household.Id, purpose, end, actor, Now) { Round = round };
            var assignee = Assignee(assignees, household.VillageCode);
            if (assignee is null)
            {
                unassigned++;
            }
            else
            {
                task.AssignTo(assignee);
            }

            db.Tasks.Add(task);
            audit.Record(actor, "task.create", AuditSubject.Of(task, household), null, new { purpose, dueOn = end, assignedTo = assignee, round = round.Name });
        }

        return new RoundCreated(round, listed, reverify, unassigned);
    }

    /// <summary>Creates one task for a household (a proposal, a meeting decision, a graduation candidate).</summary>
    public async Task<VisitTask> CreateTaskAsync(Household household, VisitPurpose purpose, DateOnly dueOn, string actor, AuditTrail audit, CancellationToken ct = default)
    {
        var task = new VisitTask(household.Id, purpose, dueOn, actor, Now);
        var assignee = Assignee(await AssigneesAsync(household.VillageCode, ct), household.VillageCode);
        if (assignee is not null)
        {
            task.AssignTo(assignee);
        }

        db.Tasks.Add(task);
        audit.Record(actor, "task.create", AuditSubject.Of(task, household), null, new { purpose, dueOn, assignedTo = assignee });
        return task;
    }

    public void Assign(VisitTask task, Household household, string? userName, string actor, AuditTrail audit)
    {
        var before = task.AssignedTo;
        task.AssignTo(userName);
        audit.Record(actor, "task.assign", AuditSubject.Of(task, household), new { assignedTo = before }, new { assignedTo = task.AssignedTo });
    }

    public Visit SubmitVisit(VisitTask task, Household household, VisitReport report, IEnumerable<EvidenceFile> evidence, string visitor, AuditTrail audit, ClientSubmission? submission = null)
    {
        var visit = Visit.Submit(task, report, visitor, Today, Now);
        if (submission is not null)
        {
            visit.IdentifySubmission(submission.Id, submission.ContentHash);
        }

        foreach (var file in evidence)
        {
            visit.AddEvidence(file.Kind, file.FileName, file.ContentType, file.Size, file.Sha256, file.StorageKey);
        }

        db.Visits.Add(visit);
        audit.Record(visitor, "visit.submit", AuditSubject.Of(visit, household), null, new
        {
            report.VisitedOn,
            report.Found,
            report.MetPerson,
            indicators = report.Indicators.Each().Select(i => i.ToWire()),
            report.NoShelter,
            report.SpendingPerCapita,
            members = new { present = report.MembersPresent, moved = report.MembersMoved, deceased = report.MembersDeceased, born = report.MembersBorn },
            gps = report.Latitude is null ? null : new { lat = report.Latitude, lon = report.Longitude, accuracy = report.AccuracyMetres },
            report.Notes,
            recommendation = report.Recommendation?.ToWire(),
            report.MergeIntoNoKk,
            evidence = visit.Evidence.Select(e => new { e.Kind, e.FileName, e.Sha256 }),
            submission = submission?.Id,
        });
        return visit;
    }

    /// <summary>
    /// Dinas Sosial approves a visit: the household takes over what was found, is classified again,
    /// and moves to the recommended status (dated the day of the visit). If the move breaks a rule
    /// the whole approval is refused.
    /// </summary>
    public async Task ApproveAsync(Visit visit, Household household, string reviewer, string? note, AuditTrail audit, CancellationToken ct = default)
    {
        visit.Approve(reviewer, note, Now);
        audit.Record(reviewer, "visit.approve", AuditSubject.Of(visit, household), new { review = "pending" }, new { review = "approved", note });
        household.Assess(visit, Now);
        var result = await classification.ClassifyOneAsync(household, visit.VisitedOn, ct);
        household.ApplyClassification(result, Now);

        if (visit.Recommendation is not { } to || to == household.Status)
        {
            return;
        }

        var reason = string.Join(" ", new[] { visit.Notes, note }.Where(t => !string.IsNullOrWhiteSpace(t)));
        reason = string.IsNullOrWhiteSpace(reason) ? $"Hasil kunjungan {visit.VisitedOn:dd-MM-yyyy} oleh {visit.Visitor}, disetujui {reviewer}." : reason;
        Household? mergeInto = null;
        if (to == HouseholdStatus.Merged)
        {
            var noKk = NomorKk.Parse(visit.MergeIntoNoKk ?? "");
            // The household that stays is looked up in the same kabupaten/kota only, and must still be active.
            mergeInto = noKk.IsValid ? await db.Households.SingleOrDefaultAsync(h => h.NoKk == noKk.Value! && h.RegencyCode == household.RegencyCode, ct) : null;
            if (mergeInto is null || mergeInto.Status is HouseholdStatus.Merged or HouseholdStatus.Moved or HouseholdStatus.Deceased)
            {
                throw new DomainException(
                    $"The household to merge into ({visit.MergeIntoNoKk}) is not an active household of this kabupaten/kota.",
                    $"Keluarga tujuan penggabungan ({visit.MergeIntoNoKk}) bukan keluarga aktif di kabupaten/kota ini.");
            }
        }

        // A proposed family not yet in the caseload is listed first, on the same day, then verified.
        if (to == HouseholdStatus.Verified && household.Status is HouseholdStatus.Registered or HouseholdStatus.Graduated or HouseholdStatus.Excluded)
        {
            StatusChanges.Apply(household, new StatusChange(HouseholdStatus.Listed, visit.VisitedOn, reviewer, "Masuk daftar berdasarkan kunjungan lapangan: " + reason, "visit"), audit, Today, Now);
        }

        StatusChanges.Apply(household, new StatusChange(to, visit.VisitedOn, reviewer, reason, "visit") { Visit = visit, MergeInto = mergeInto }, audit, Today, Now);
    }

    public void Return(Visit visit, Household household, string reviewer, string note, AuditTrail audit)
    {
        visit.Return(reviewer, note, Now);
        audit.Record(reviewer, "visit.return", AuditSubject.Of(visit, household), new { review = "pending" }, new { review = "returned", note });
    }

    public VillageMeeting RecordMeeting(VervalRound round, RegionCode village, DateOnly heldOn, int attendance, string? attendees, EvidenceFile? minutes, IEnumerable<(Household Household, MeetingDecisionKind Kind, string? Note)> decisions, string actor, AuditTrail audit)
    {
        if (!round.Region.Contains(village))
        {
            throw new DomainException("The village is outside the round's region.", "Desa/kelurahan itu di luar wilayah putaran verval.");
        }

        if (heldOn > Today)
        {
            throw new DomainException("The meeting date is in the future.", "Tanggal musyawarah ada di masa depan.");
        }

        if (heldOn < round.PeriodStart || heldOn > round.PeriodEnd)
        {
            throw new DomainException(
                $"The meeting date is outside the round's period ({round.PeriodStart:yyyy-MM-dd} to {round.PeriodEnd:yyyy-MM-dd}).",
                $"Tanggal musyawarah di luar periode putaran ({round.PeriodStart:dd-MM-yyyy} s.d. {round.PeriodEnd:dd-MM-yyyy}).");
        }

        var meeting = new VillageMeeting(round.Id, village, heldOn, attendance, attendees, actor, Now);
        if (minutes is not null)
        {
            meeting.AttachMinutes(minutes.FileName, minutes.Sha256, minutes.StorageKey);
        }

        var list = decisions.ToList();
        foreach (var (household, kind, note) in list)
        {
            if (household.VillageCode != village)
            {
                throw new DomainException($"KK {household.NoKk.Value} does not live in this village.", $"KK {household.NoKk.Value} bukan warga desa/kelurahan ini.");
            }

            meeting.Decide(household.Id, kind, note);
        }

        db.Meetings.Add(meeting);
        audit.Record(actor, "meeting.record", AuditSubject.Of(meeting), null, new
        {
            village = village.Value,
            heldOn,
            attendance,
            attendees,
            minutes = minutes is null ? null : new { minutes.FileName, minutes.Sha256 },
            decisions = list.Select(d => new { noKk = d.Household.NoKk.Value, kind = d.Kind, note = d.Note }),
        });
        return meeting;
    }

    /// <summary>Attaches the signed minutes to a meeting that was saved without them.</summary>
    public void AttachMinutes(VillageMeeting meeting, EvidenceFile minutes, string actor, AuditTrail audit)
    {
        if (meeting.IsApproved)
        {
            throw new DomainException("The meeting is approved; its minutes are closed.", "Musyawarah sudah disetujui; berita acaranya tidak dapat diganti.");
        }

        var before = meeting.MinutesSha256;
        meeting.AttachMinutes(minutes.FileName, minutes.Sha256, minutes.StorageKey);
        audit.Record(actor, "meeting.minutes", AuditSubject.Of(meeting), new { minutes = before }, new { minutes = minutes.Sha256, minutes.FileName });
    }

    /// <summary>Approves every decision of a meeting at once: households to include are listed, the others get a visit task.</summary>
    public async Task ApproveMeetingAsync(VillageMeeting meeting, string verifier, AuditTrail audit, CancellationToken ct = default)
    {
        meeting.Approve(verifier, Now);
        audit.Record(verifier, "meeting.approve", AuditSubject.Of(meeting), new { approved = false }, new { approved = true });
        await db.SaveChangesAsync(ct);
        var ids = meeting.Decisions.Select(d => d.HouseholdId).ToList();
        var households = await db.Households.Where(h => ids.Contains(h.Id)).ToDictionaryAsync(h => h.Id, ct);
        var busy = await db.Tasks.Pending().Where(t => ids.Contains(t.HouseholdId))
            .Select(t => t.HouseholdId).ToListAsync(ct);
        foreach (var decision in meeting.Decisions)
        {
            var household = households[decision.HouseholdId];
            if (decision.Kind == MeetingDecisionKind.Include && household.Status is HouseholdStatus.Registered or HouseholdStatus.Graduated or HouseholdStatus.Excluded)
            {
                // Dated the day Dinas Sosial approves: a decision does not restate figures already reported.
                StatusChanges.Apply(household, new StatusChange(HouseholdStatus.Listed, Today,
                    verifier, $"Keputusan musyawarah {meeting.HeldOn:dd-MM-yyyy}{(decision.Note is null ? "" : ": " + decision.Note)}", "meeting"), audit, Today, Now);
            }

            if (!busy.Contains(household.Id))
            {
                await CreateTaskAsync(household, VisitPurpose.MeetingDecision, Today.AddDays(Proposal.DaysToVerify), verifier, audit, ct);
            }
        }
    }

    /// <summary>Records an usul or sanggah; for a household in the register it raises a visit task due in 14 days.</summary>
    public async Task<Proposal> SubmitProposalAsync(ProposalKind kind, RegionCode village, Household? household, string description, string proposerName, string? contact, EvidenceFile? evidence, string? submittedBy, AuditTrail audit, CancellationToken ct = default)
    {
        if (household is not null && household.VillageCode != village)
        {
            throw new DomainException("The household does not live in the chosen village.", "Keluarga itu tidak tinggal di desa/kelurahan yang dipilih.");
        }

        if (kind == ProposalKind.Sanggah && household is not null && !household.Status.IsCaseload())
        {
            throw new DomainException("An objection is about a household on the list; this one is not listed.", "Sanggah hanya untuk keluarga yang ada di daftar; keluarga ini tidak terdata.");
        }

        var proposal = new Proposal(kind, village, household?.Id, description, proposerName, contact, submittedBy, Today, Now);
        if (evidence is not null)
        {
            proposal.AttachEvidence(evidence.FileName, evidence.Sha256, evidence.StorageKey);
        }

        db.Proposals.Add(proposal);
        var actor = submittedBy ?? "publik";
        audit.Record(actor, kind == ProposalKind.Usul ? "proposal.usul" : "proposal.sanggah", AuditSubject.Of(proposal), null, new
        {
            kind,
            village = village.Value,
            noKk = household?.NoKk.Value,
            description = proposal.Description,
            proposer = proposal.ProposerName,
            evidence = evidence?.Sha256,
            dueOn = proposal.DueOn,
        });
        if (household is not null)
        {
            // A household already waiting for a visit is not given a second task: the proposal joins it.
            var open = await db.Tasks.Pending().Where(t => t.HouseholdId == household.Id)
                .OrderBy(t => t.DueOn).FirstOrDefaultAsync(ct);
            proposal.RaiseTask(open ?? await CreateTaskAsync(household, VisitPurpose.Proposal, proposal.DueOn, actor, audit, ct));
        }

        return proposal;
    }

    /// <summary>Operators of a village, then facilitators of its kecamatan, in name order.</summary>
    private async Task<List<(string UserName, Role Role, RegionCode Region)>> AssigneesAsync(RegionCode region, CancellationToken ct)
    {
        var users = await db.Users.AsNoTracking()
            .Where(u => (u.Role == Role.Operator || u.Role == Role.Facilitator) && u.RegionCode != null)
            .Select(u => new { u.UserName, u.Role, u.RegionCode })
            .ToListAsync(ct);
        return users.Where(u => u.RegionCode!.Contains(region) || region.Contains(u.RegionCode!))
            .Select(u => (u.UserName!, u.Role, u.RegionCode!)).OrderBy(u => u.Item1, StringComparer.Ordinal).ToList();
    }

    private static string? Assignee(List<(string UserName, Role Role, RegionCode Region)> users, RegionCode village) =>
        users.FirstOrDefault(u => u.Role == Role.Operator && u.Region == village).UserName
        ?? users.FirstOrDefault(u => u.Role == Role.Facilitator && u.Region.Contains(village)).UserName;
}
