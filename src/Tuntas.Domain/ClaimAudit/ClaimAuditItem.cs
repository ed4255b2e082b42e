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

    /// <summary>The household could not be found or assessed; it does not count either way.</summary>
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
            throw new DomainException(
                $"{userName} made or approved the original decision on KK {NoKk} and cannot re-check it.",
                $"{userName} membuat atau menyetujui keputusan awal untuk KK {NoKk} sehingga tidak boleh memeriksanya ulang.");
        }

        AssignedTo = userName;
        Version++;
    }

    public void Record(RecheckFinding finding, string? note, DateOnly checkedOn, string checker, DateOnly today, DateTime nowUtc)
    {
        if (Finding is not null)
        {
            throw new DomainException($"KK {NoKk} already has a finding.", $"KK {NoKk} sudah memiliki hasil pemeriksaan.");
        }

        if (!IsIndependent(checker))
        {
            throw new DomainException(
                $"{checker} made or approved the original decision on KK {NoKk}; the re-check must be done by someone else.",
                $"{checker} membuat atau menyetujui keputusan awal untuk KK {NoKk}; pemeriksaan ulang harus dilakukan petugas lain.");
        }

        if (!Enum.IsDefined(finding))
        {
            throw new DomainException("Choose a finding: confirmed, wrong or could not verify.", "Pilih hasil: sesuai, keliru, atau tidak dapat diverifikasi.");
        }

        if (checkedOn > today)
        {
            throw new DomainException("The date of the re-check is in the future.", "Tanggal pemeriksaan ulang ada di masa depan.");
        }

        if (Sample is not null && checkedOn < DateOnly.FromDateTime(Sample.CreatedAt))
        {
            throw new DomainException("The re-check cannot be dated before the sample was drawn.", "Pemeriksaan ulang tidak boleh bertanggal sebelum sampel diambil.");
        }

        note = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        if (finding != RecheckFinding.Confirmed && note is null)
        {
            throw new DomainException(
                "Say what was found: a household found wrong or not verifiable needs a note.",
                "Tuliskan apa yang ditemukan: keluarga yang keliru atau tidak dapat diverifikasi wajib diberi catatan.");
        }

        if (note is { Length: > MaxNoteLength })
        {
            throw new DomainException($"The note is longer than {MaxNoteLength} characters.", $"Catatan lebih dari {MaxNoteLength} karakter.");
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
