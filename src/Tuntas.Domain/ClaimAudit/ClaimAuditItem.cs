using Tuntas.Domain.Common;
using Tuntas.Domain.Regions;

namespace Tuntas.Domain.ClaimAudit;

/// <summary>What an independent re-check found.</summary>
public enum RecheckFinding
{
    /// <summary>The record is right (for example: the graduated family is indeed no longer extreme poor).</summary>
    Confirmed = 1,

    /// <summary>The record is wrong (for example: still extreme poor although graduated).</summary>
    Wrong = 2,

    /// <summary>The household could not be found or assessed; the record is not confirmed and counts against the claim.</summary>
    CouldNotVerify = 3,
}

public static class RecheckFindingNames
{
    public static string ToWire(this RecheckFinding finding) => finding switch
    {
        RecheckFinding.Confirmed => "confirmed",
        RecheckFinding.Wrong => "wrong",
        _ => "could-not-verify",
    };

    public static RecheckFinding? ParseWire(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        "confirmed" => RecheckFinding.Confirmed,
        "wrong" => RecheckFinding.Wrong,
        "could-not-verify" or "unverifiable" => RecheckFinding.CouldNotVerify,
        _ => null,
    };
}

/// <summary>One drawn household: a re-verification task for an independent verifier, and its finding.</summary>
public sealed class ClaimAuditItem
{
    public const int MaxNoteLength = 1000;

    internal ClaimAuditItem(ClaimAuditSample sample, long householdId, string noKk, RegionCode district, OriginalDecision original)
    {
        Sample = sample;
        HouseholdId = householdId;
        NoKk = noKk;
        District = district;
        OriginalVisitor = original.Visitor;
        OriginalReviewer = original.Reviewer;
        OriginalActor = original.Actor;
    }

    // For EF Core materialisation.
    private ClaimAuditItem()
    {
        NoKk = null!;
        District = null!;
    }

    public long Id { get; private set; }

    public long SampleId { get; private set; }

    public ClaimAuditSample? Sample { get; private set; }

    public long HouseholdId { get; private set; }

    public string NoKk { get; private set; }

    public RegionCode District { get; private set; }

    /// <summary>Who made the field visit behind the record, if any.</summary>
    public string? OriginalVisitor { get; private set; }

    /// <summary>Who approved that visit, if any.</summary>
    public string? OriginalReviewer { get; private set; }

    /// <summary>Who recorded the status change.</summary>
    public string? OriginalActor { get; private set; }

    /// <summary>The independent verifier who is to re-check; null when none was available.</summary>
    public string? AssignedTo { get; private set; }

    public RecheckFinding? Finding { get; private set; }

    public string? Note { get; private set; }

    public DateOnly? CheckedOn { get; private set; }

    public string? CheckedBy { get; private set; }

    public DateTime? RecordedAt { get; private set; }

    /// <summary>Incremented on every change; two people entering a finding at once cannot both win.</summary>
    public int Version { get; private set; }

    public OriginalDecision Original => new(OriginalVisitor, OriginalReviewer, OriginalActor);

    /// <summary>Whether this person may re-check the household: anyone but those behind the original decision.</summary>
    public bool IsIndependent(string userName) => !Original.Involves(userName);

    public void AssignTo(string? userName)
    {
        if (userName is not null && !IsIndependent(userName))
        {
            throw new DomainException(ClaimAuditErrors.AssigneeNotIndependent(userName, NoKk));
        }

        AssignedTo = userName;
        Version++;
    }

    public void Record(RecheckFinding finding, string? note, DateOnly checkedOn, string checker, DateOnly today, DateTime nowUtc)
    {
        if (Finding is not null)
        {
            throw new DomainException(ClaimAuditErrors.AlreadyFound(NoKk));
        }

        if (!IsIndependent(checker))
        {
            throw new DomainException(ClaimAuditErrors.CheckerNotIndependent(checker, NoKk));
        }

        if (!Enum.IsDefined(finding))
        {
            throw new DomainException(ClaimAuditErrors.FindingMissing());
        }

        if (checkedOn > today)
        {
            throw new DomainException(ClaimAuditErrors.RecheckInFuture());
        }

        if (Sample is not null && checkedOn < DateOnly.FromDateTime(Sample.CreatedAt))
        {
            throw new DomainException(ClaimAuditErrors.RecheckBeforeSample());
        }

        note = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        if (finding != RecheckFinding.Confirmed && note is null)
        {
            throw new DomainException(ClaimAuditErrors.FindingWithoutNote());
        }

        if (note is { Length: > MaxNoteLength })
        {
            throw new DomainException(ClaimAuditErrors.NoteTooLong(MaxNoteLength));
        }

        Finding = finding;
        Note = note;
        CheckedOn = checkedOn;
        CheckedBy = checker.Trim();
        RecordedAt = nowUtc;
        Version++;
        Sample?.FindingRecorded(nowUtc);
    }
}
