using Tuntas.Domain.Common;
using Tuntas.Domain.Regions;

namespace Tuntas.Domain.Verification;

/// <summary>What a village meeting decided about one household.</summary>
public enum MeetingDecisionKind
{
    /// <summary>Put the household on the list (terdata) as a candidate.</summary>
    Include = 1,

    /// <summary>The household stays on the list; visit it to verify.</summary>
    Confirm = 2,

    /// <summary>The meeting doubts the household belongs on the list; visit it to check.</summary>
    Object = 3,
}

/// <summary>
/// A musyawarah desa/kelurahan held in a round: date, attendance, the signed minutes (berita acara)
/// and its decisions on a list of households, approved by Dinas Sosial in one batch.
/// </summary>
public sealed class VillageMeeting
{
    private readonly List<MeetingDecision> _decisions = [];

    public VillageMeeting(long roundId, RegionCode village, DateOnly heldOn, int attendance, string? attendees, string recordedBy, DateTime nowUtc)
    {
        if (village.Level != RegionLevel.Village)
        {
            throw new DomainException(VerificationErrors.MeetingNotInVillage());
        }

        if (attendance < 1)
        {
            throw new DomainException(VerificationErrors.MeetingWithoutAttendance());
        }

        RoundId = roundId;
        Village = village;
        HeldOn = heldOn;
        Attendance = attendance;
        Attendees = attendees?.Trim();
        RecordedBy = recordedBy;
        RecordedAt = nowUtc;
    }

    // For EF Core materialisation.
    private VillageMeeting()
    {
        Village = null!;
        RecordedBy = null!;
    }

    public long Id { get; private set; }

    public long RoundId { get; private set; }

    public RegionCode Village { get; private set; }

    public DateOnly HeldOn { get; private set; }

    public int Attendance { get; private set; }

    /// <summary>Who attended, by office (kepala desa, BPD, RT, pendamping…).</summary>
    public string? Attendees { get; private set; }

    public string? MinutesFileName { get; private set; }

    public string? MinutesSha256 { get; private set; }

    public string? MinutesStorageKey { get; private set; }

    public string RecordedBy { get; private set; }

    public DateTime RecordedAt { get; private set; }

    public string? ApprovedBy { get; private set; }

    public DateTime? ApprovedAt { get; private set; }

    public int Version { get; private set; }

    public IReadOnlyList<MeetingDecision> Decisions => _decisions;

    public bool IsApproved => ApprovedAt is not null;

    public void AttachMinutes(string fileName, string sha256, string? storageKey)
    {
        MinutesFileName = fileName;
        MinutesSha256 = sha256;
        MinutesStorageKey = storageKey;
        Version++;
    }

    public MeetingDecision Decide(long householdId, MeetingDecisionKind kind, string? note)
    {
        if (IsApproved)
        {
            throw new DomainException(VerificationErrors.MeetingClosed());
        }

        if (_decisions.Any(d => d.HouseholdId == householdId))
        {
            throw new DomainException(VerificationErrors.MeetingAlreadyDecided());
        }

        var decision = new MeetingDecision(householdId, kind, note);
        _decisions.Add(decision);
        Version++;
        return decision;
    }

    /// <summary>Dinas Sosial approves all decisions at once. Needs the berita acara and someone other than the recorder.</summary>
    public void Approve(string verifier, DateTime nowUtc)
    {
        if (IsApproved)
        {
            throw new DomainException(VerificationErrors.MeetingAlreadyApproved());
        }

        if (MinutesSha256 is null)
        {
            throw new DomainException(VerificationErrors.MeetingWithoutMinutes());
        }

        if (_decisions.Count == 0)
        {
            throw new DomainException(VerificationErrors.MeetingWithoutDecisions());
        }

        if (string.Equals(verifier, RecordedBy, StringComparison.OrdinalIgnoreCase))
        {
            throw new DomainException(VerificationErrors.ApproveOwnMeeting());
        }

        ApprovedBy = verifier;
        ApprovedAt = nowUtc;
        Version++;
    }
}

public sealed class MeetingDecision
{
    internal MeetingDecision(long householdId, MeetingDecisionKind kind, string? note)
    {
        HouseholdId = householdId;
        Kind = kind;
        Note = note?.Trim();
    }

    // For EF Core materialisation.
    private MeetingDecision()
    {
    }

    public long Id { get; private set; }

    public long MeetingId { get; private set; }

    public long HouseholdId { get; private set; }

    public MeetingDecisionKind Kind { get; private set; }

    public string? Note { get; private set; }
}
