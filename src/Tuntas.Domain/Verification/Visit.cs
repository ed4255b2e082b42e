using Tuntas.Domain.Common;
using Tuntas.Domain.Registry;

namespace Tuntas.Domain.Verification;

public enum ReviewState
{
    /// <summary>Submitted, waiting for Dinas Sosial.</summary>
    Pending = 1,
    Approved = 2,

    /// <summary>Sent back with a note.</summary>
    Returned = 3,
}

public enum EvidenceKind
{
    Photo = 1,
    Document = 2,
}

/// <summary>What the visitor found, as entered on the visit form.</summary>
public sealed record VisitReport
{
    public required DateOnly VisitedOn { get; init; }

    /// <summary>Whether the household was found at the address.</summary>
    public required bool Found { get; init; }

    /// <summary>Who was met (name and relation), when found.</summary>
    public string? MetPerson { get; init; }

    public PovertyIndicators Indicators { get; init; }

    public bool NoShelter { get; init; }

    /// <summary>Estimated monthly spending per person, whole rupiah.</summary>
    public long? SpendingPerCapita { get; init; }

    public int MembersPresent { get; init; }

    public int MembersMoved { get; init; }

    public int MembersDeceased { get; init; }

    public int MembersBorn { get; init; }

    public double? Latitude { get; init; }

    public double? Longitude { get; init; }

    /// <summary>Accuracy of the position in metres, as the browser reported it.</summary>
    public double? AccuracyMetres { get; init; }

    public string? Notes { get; init; }

    /// <summary>What the visitor recommends the household's status to become; null to keep it.</summary>
    public HouseholdStatus? Recommendation { get; init; }

    /// <summary>For a recommended merge: the No. KK of the household that stays.</summary>
    public string? MergeIntoNoKk { get; init; }
}

/// <summary>A field visit (kunjungan lapangan) made for a task, with its evidence and Dinas Sosial's review.</summary>
public sealed class Visit
{
    private readonly List<VisitEvidence> _evidence = [];

    private Visit(VisitTask task, VisitReport report, string visitor, DateTime nowUtc)
    {
        Task = task;
        HouseholdId = task.HouseholdId;
        Visitor = visitor;
        SubmittedAt = nowUtc;
        Review = ReviewState.Pending;
        VisitedOn = report.VisitedOn;
        Found = report.Found;
        MetPerson = report.MetPerson?.Trim();
        Indicators = report.Indicators;
        NoShelter = report.NoShelter;
        SpendingPerCapita = report.SpendingPerCapita;
        MembersPresent = report.MembersPresent;
        MembersMoved = report.MembersMoved;
        MembersDeceased = report.MembersDeceased;
        MembersBorn = report.MembersBorn;
        Latitude = report.Latitude;
        Longitude = report.Longitude;
        AccuracyMetres = report.AccuracyMetres;
        Notes = report.Notes?.Trim();
        Recommendation = report.Recommendation;
        MergeIntoNoKk = report.MergeIntoNoKk?.Trim();
    }

    // For EF Core materialisation.
    private Visit()
    {
        Visitor = null!;
    }

    public long Id { get; private set; }

    public long TaskId { get; private set; }

    public VisitTask? Task { get; private set; }

    public long HouseholdId { get; private set; }

    public string Visitor { get; private set; }

    public DateOnly VisitedOn { get; private set; }

    public bool Found { get; private set; }

    public string? MetPerson { get; private set; }

    public PovertyIndicators Indicators { get; private set; }

    public bool NoShelter { get; private set; }

    public long? SpendingPerCapita { get; private set; }

    public int MembersPresent { get; private set; }

    public int MembersMoved { get; private set; }

    public int MembersDeceased { get; private set; }

    public int MembersBorn { get; private set; }

    public double? Latitude { get; private set; }

    public double? Longitude { get; private set; }

    public double? AccuracyMetres { get; private set; }

    public string? Notes { get; private set; }

    public HouseholdStatus? Recommendation { get; private set; }

    public string? MergeIntoNoKk { get; private set; }

    public DateTime SubmittedAt { get; private set; }

    public ReviewState Review { get; private set; }

    public string? ReviewedBy { get; private set; }

    public DateTime? ReviewedAt { get; private set; }

    public string? ReviewNote { get; private set; }

    public int Version { get; private set; }

    /// <summary>
    /// The id the visitor's device gave this submission (ODK's <c>meta/instanceID</c>, or the offline web
    /// form's own id), unique: a submission sent again is recognised and stored once. Null for a form sent
    /// without one.
    /// </summary>
    public string? SubmissionId { get; private set; }

    /// <summary>SHA-256 (hex) of what was sent under <see cref="SubmissionId"/>: the same id with other content is a conflict, not a repeat.</summary>
    public string? SubmissionHash { get; private set; }

    public IReadOnlyList<VisitEvidence> Evidence => _evidence;

    public bool IsApproved => Review == ReviewState.Approved;

    public bool HasEvidence => _evidence.Count > 0;

    /// <summary>
    /// How long after a visit it may still be entered. A visit dated further back would restate
    /// figures long reported; such a correction needs a new visit.
    /// </summary>
    public const int MaxDaysToEnter = 60;

    /// <summary>Records a visit for an open task. The checks are those a visitor can act on at once.</summary>
    public static Visit Submit(VisitTask task, VisitReport report, string visitor, DateOnly today, DateTime nowUtc)
    {
        if (report.VisitedOn > today)
        {
            throw new DomainException(VerificationErrors.VisitDateInFuture());
        }

        if (report.VisitedOn < today.AddDays(-MaxDaysToEnter))
        {
            throw new DomainException(VerificationErrors.VisitTooOld(MaxDaysToEnter));
        }

        if (!report.Found && report.Recommendation is HouseholdStatus.Verified or HouseholdStatus.Graduated or HouseholdStatus.Excluded)
        {
            throw new DomainException(VerificationErrors.NotFoundCannotChange());
        }

        if (report.SpendingPerCapita is < 0)
        {
            throw new DomainException(VerificationErrors.NegativeSpending());
        }

        if (report.MembersPresent < 0 || report.MembersMoved < 0 || report.MembersDeceased < 0 || report.MembersBorn < 0)
        {
            throw new DomainException(VerificationErrors.NegativeMemberCount());
        }

        if (report.Latitude is < -90 or > 90 || report.Longitude is < -180 or > 180 || (report.Latitude is null) != (report.Longitude is null))
        {
            throw new DomainException(VerificationErrors.InvalidGps());
        }

        if (report.Recommendation is HouseholdStatus.Merged && string.IsNullOrWhiteSpace(report.MergeIntoNoKk))
        {
            throw new DomainException(VerificationErrors.MergeWithoutNoKk());
        }

        if (report.Recommendation is HouseholdStatus.Registered)
        {
            throw new DomainException(VerificationErrors.CannotRecommendRegistered());
        }

        task.MarkSubmitted();
        return new Visit(task, report, visitor, nowUtc);
    }

    /// <summary>Remembers the client's id of this submission and the hash of its content.</summary>
    public void IdentifySubmission(string id, string contentHash)
    {
        SubmissionId = id;
        SubmissionHash = contentHash;
    }

    public VisitEvidence AddEvidence(EvidenceKind kind, string fileName, string contentType, long size, string sha256, string? storageKey)
    {
        var evidence = new VisitEvidence(kind, fileName, contentType, size, sha256, storageKey);
        _evidence.Add(evidence);
        return evidence;
    }

    /// <summary>Dinas Sosial approves. The reviewer must not be the visitor.</summary>
    public void Approve(string reviewer, string? note, DateTime nowUtc) => Decide(reviewer, note, nowUtc, approved: true);

    /// <summary>Dinas Sosial sends the visit back with a note; the task opens again.</summary>
    public void Return(string reviewer, string note, DateTime nowUtc)
    {
        if (string.IsNullOrWhiteSpace(note))
        {
            throw new DomainException(VerificationErrors.ReturnWithoutReason());
        }

        Decide(reviewer, note, nowUtc, approved: false);
    }

    private void Decide(string reviewer, string? note, DateTime nowUtc, bool approved)
    {
        if (Review != ReviewState.Pending)
        {
            throw new DomainException(VerificationErrors.AlreadyReviewed());
        }

        if (string.Equals(reviewer, Visitor, StringComparison.OrdinalIgnoreCase))
        {
            throw new DomainException(VerificationErrors.ReviewOwnVisit());
        }

        Review = approved ? ReviewState.Approved : ReviewState.Returned;
        ReviewedBy = reviewer;
        ReviewedAt = nowUtc;
        ReviewNote = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        Task?.MarkReviewed(approved);
        Version++;
    }
}

/// <summary>A photo or document attached to a visit, stored by content hash.</summary>
public sealed class VisitEvidence
{
    internal VisitEvidence(EvidenceKind kind, string fileName, string contentType, long size, string sha256, string? storageKey)
    {
        Kind = kind;
        FileName = fileName;
        ContentType = contentType;
        Size = size;
        Sha256 = sha256;
        StorageKey = storageKey;
    }

    // For EF Core materialisation.
    private VisitEvidence()
    {
        FileName = ContentType = Sha256 = null!;
    }

    public long Id { get; private set; }

    public long VisitId { get; private set; }

    public EvidenceKind Kind { get; private set; }

    /// <summary>The name the file had on the visitor's device (shown, never used as a path).</summary>
    public string FileName { get; private set; }

    public string ContentType { get; private set; }

    public long Size { get; private set; }

    /// <summary>SHA-256 of the content, hex: the same photo used twice is visible.</summary>
    public string Sha256 { get; private set; }

    /// <summary>Where the file is kept, relative to the evidence folder; null for a demo placeholder.</summary>
    public string? StorageKey { get; private set; }
}
