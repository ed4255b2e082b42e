using Tuntas.Domain.Common;

namespace Tuntas.Domain.Verification;

/// <summary>Why a household is to be visited.</summary>
public enum VisitPurpose
{
    /// <summary>A listed household, to be confirmed or not.</summary>
    Verification = 1,

    /// <summary>A verified household due for its periodic re-check.</summary>
    Reverification = 2,

    /// <summary>Raised by an usul or sanggah; due in 14 days.</summary>
    Proposal = 3,

    /// <summary>Raised by a village meeting's decision.</summary>
    MeetingDecision = 4,

    /// <summary>A candidate for graduation, re-assessed before it leaves the caseload.</summary>
    Graduation = 5,

    /// <summary>A field check (groundcheck) of a family whose desil crossed between 1-4 and 5+ in a new ranking.</summary>
    Groundcheck = 6,
}

public enum VisitTaskState
{
    /// <summary>Waiting for a field visit.</summary>
    Open = 1,

    /// <summary>A visit was submitted and waits for Dinas Sosial.</summary>
    Submitted = 2,

    /// <summary>Dinas Sosial sent the visit back with a note; visit again or correct.</summary>
    Returned = 3,

    /// <summary>Dinas Sosial approved the visit; done.</summary>
    Approved = 4,

    Cancelled = 5,
}

/// <summary>A household to be visited in the field, assigned to an operator or facilitator.</summary>
public sealed class VisitTask
{
    public VisitTask(long householdId, VisitPurpose purpose, DateOnly dueOn, string createdBy, DateTime nowUtc, long? roundId = null)
    {
        HouseholdId = householdId;
        Purpose = purpose;
        DueOn = dueOn;
        CreatedBy = createdBy;
        CreatedAt = nowUtc;
        RoundId = roundId;
        State = VisitTaskState.Open;
    }

    // For EF Core materialisation.
    private VisitTask()
    {
        CreatedBy = null!;
    }

    public long Id { get; private set; }

    public long? RoundId { get; private set; }

    public VervalRound? Round { get; set; }

    public long HouseholdId { get; private set; }

    public VisitPurpose Purpose { get; private set; }

    /// <summary>The user name of the operator or facilitator who is to visit; null while unassigned.</summary>
    public string? AssignedTo { get; private set; }

    public DateOnly DueOn { get; private set; }

    public VisitTaskState State { get; private set; }

    public string CreatedBy { get; private set; }

    public DateTime CreatedAt { get; private set; }

    /// <summary>Incremented on every change; two people editing at once cannot both win.</summary>
    public int Version { get; private set; }

    public bool IsOpen => State is VisitTaskState.Open or VisitTaskState.Returned;

    public void AssignTo(string? userName)
    {
        if (!IsOpen)
        {
            throw new DomainException(VerificationErrors.TaskNotOpen());
        }

        AssignedTo = string.IsNullOrWhiteSpace(userName) ? null : userName.Trim();
        Version++;
    }

    internal void MarkSubmitted()
    {
        if (!IsOpen)
        {
            throw new DomainException(VerificationErrors.TaskNotAwaitingVisit());
        }

        State = VisitTaskState.Submitted;
        Version++;
    }

    internal void MarkReviewed(bool approved)
    {
        State = approved ? VisitTaskState.Approved : VisitTaskState.Returned;
        Version++;
    }
}
