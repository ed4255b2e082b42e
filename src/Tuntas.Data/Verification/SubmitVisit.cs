using Microsoft.EntityFrameworkCore;
using Tuntas.Data.Common;
using Tuntas.Domain.Access;
using Tuntas.Domain.Verification;

namespace Tuntas.Data.Verification;

/// <summary>
/// A client's own id for one submission (ODK Collect's <c>meta/instanceID</c>, or the id an offline
/// web form makes), with the SHA-256 (hex) of what it sent: the same id and hash again is a repeat,
/// the same id with another hash a conflict.
/// </summary>
public sealed record ClientSubmission(string Id, string ContentHash)
{
    public const int MaxIdLength = 100;
}

/// <summary>What a client's submission id already stands for: nothing yet, this same submission again, or another one.</summary>
public enum SubmissionSeen
{
    New,

    /// <summary>The same content from the same visitor: a phone that did not hear the answer.</summary>
    Repeat,

    /// <summary>Other content (or another visitor) under that id: refused.</summary>
    Conflict,
}

/// <summary>A stored visit: its household and id, and whether this submission had already been stored (nothing new was kept).</summary>
public sealed record SubmittedVisit(long HouseholdId, long VisitId, bool Repeated);

/// <summary>
/// A field visit sent in for review, with the evidence already stored. One unit of work; the task's
/// version is the one the visitor opened the form on, so a second submission for the same task (from
/// another phone, or the same form sent twice) is refused as a conflict. A submission carrying a
/// client's id (<see cref="ClientSubmission"/>) is stored once: sent again with the same content it
/// answers with the stored visit (<see cref="SubmittedVisit.Repeated"/>), with other content it is a conflict.
/// </summary>
public sealed class SubmitVisit(UnitOfWork work, VervalQueries queries, VervalService verval) : IUseCase
{
    /// <returns>The household's id on success.</returns>
    public async Task<WriteResult<long>> SubmitAsync(RegionScope scope, long taskId, int version, VisitReport report, IReadOnlyList<EvidenceFile> evidence, string visitor, CancellationToken ct = default)
    {
        var result = await SubmitAsync(scope, taskId, version, report, evidence, visitor, null, ct);
        return result.Value is { } stored ? WriteResult<long>.Ok(stored.HouseholdId) : result.Error!;
    }

    /// <summary>As above, identified by the client's id of the submission (none: always a new visit).</summary>
    public Task<WriteResult<SubmittedVisit>> SubmitAsync(RegionScope scope, long taskId, int version, VisitReport report, IReadOnlyList<EvidenceFile> evidence, string visitor, ClientSubmission? submission, CancellationToken ct = default) =>
        work.RunOrRefuseAsync<SubmittedVisit>(async c =>
        {
            if (submission is not null)
            {
                if (string.IsNullOrWhiteSpace(submission.Id) || submission.Id.Length > ClientSubmission.MaxIdLength)
                {
                    return new WriteError.NotFound("submission");
                }

                if (await FindAsync(submission.Id, c) is { } earlier)
                {
                    return Classify(earlier, submission, visitor) == SubmissionSeen.Repeat
                        ? WriteResult<SubmittedVisit>.Ok(new SubmittedVisit(earlier.HouseholdId, earlier.Id, Repeated: true))
                        : new WriteError.Conflict("submission");
                }
            }

            if (await queries.FindTaskAsync(scope, taskId, c) is not var (task, household))
            {
                return new WriteError.NotFound("task");
            }

            // Checked here for a submission already stored, and by the database for one made at the same moment.
            if (task.Version != version)
            {
                return new WriteError.Conflict("task");
            }

            work.Db.Entry(task).Property(t => t.Version).OriginalValue = version;
            var visit = verval.SubmitVisit(task, household, report, evidence, visitor, work.Audit, submission);
            try
            {
                await work.Db.SaveChangesAsync(c);
            }
            catch (DbUpdateException e) when (submission is not null && e is not DbUpdateConcurrencyException)
            {
                // The same id stored a moment ago by a parallel request: the caller looks it up again.
                return new WriteError.Conflict("submission");
            }

            return WriteResult<SubmittedVisit>.Ok(new SubmittedVisit(household.Id, visit.Id, Repeated: false));
        }, ct);

    /// <summary>Whether a client's submission id was stored before, and as this same submission or another (read-only).</summary>
    public async Task<SubmissionSeen> SeenAsync(ClientSubmission submission, string visitor, CancellationToken ct = default) =>
        await FindAsync(submission.Id, ct) is { } earlier ? Classify(earlier, submission, visitor) : SubmissionSeen.New;

    private Task<Visit?> FindAsync(string submissionId, CancellationToken ct) =>
        work.Db.Visits.AsNoTracking().SingleOrDefaultAsync(v => v.SubmissionId == submissionId, ct);

    private static SubmissionSeen Classify(Visit earlier, ClientSubmission submission, string visitor) =>
        earlier.SubmissionHash == submission.ContentHash && string.Equals(earlier.Visitor, visitor, StringComparison.OrdinalIgnoreCase)
            ? SubmissionSeen.Repeat
            : SubmissionSeen.Conflict;
}
