using Tuntas.Domain.Common;
using Tuntas.Domain.Regions;

namespace Tuntas.Domain.Verification;

public enum ProposalKind
{
    /// <summary>Usul: add a household to the list.</summary>
    Usul = 1,

    /// <summary>Sanggah: object to a listed household.</summary>
    Sanggah = 2,
}

/// <summary>
/// An usul (proposal to add a household) or sanggah (objection to a listed one), from an operator or
/// the public, with evidence. It raises a verification task that is due in 14 days.
/// </summary>
public sealed class Proposal
{
    /// <summary>The regency must verify within this many days.</summary>
    public const int DaysToVerify = 14;

    public Proposal(ProposalKind kind, RegionCode village, long? householdId, string description, string proposerName, string? proposerContact, string? submittedBy, DateOnly today, DateTime nowUtc)
    {
        if (village.Level != RegionLevel.Village)
        {
            throw new DomainException(VerificationErrors.ProposalWithoutVillage());
        }

        // Staff name the listed household. A resident on the public page may name one the register
        // does not hold (or not name it at all): the register is never confirmed to the public, so
        // Dinas Sosial matches the objection by hand.
        if (kind == ProposalKind.Sanggah && householdId is null && submittedBy is not null)
        {
            throw new DomainException(VerificationErrors.ObjectionWithoutHousehold());
        }

        if (string.IsNullOrWhiteSpace(description) || description.Trim().Length < 10)
        {
            throw new DomainException(VerificationErrors.ProposalTooShort());
        }

        if (string.IsNullOrWhiteSpace(proposerName))
        {
            throw new DomainException(VerificationErrors.ProposalWithoutProposer());
        }

        Kind = kind;
        Village = village;
        HouseholdId = householdId;
        Description = description.Trim();
        ProposerName = proposerName.Trim();
        ProposerContact = proposerContact?.Trim();
        SubmittedBy = submittedBy;
        CreatedAt = nowUtc;
        DueOn = today.AddDays(DaysToVerify);
    }

    // For EF Core materialisation.
    private Proposal()
    {
        Village = null!;
        Description = ProposerName = null!;
    }

    public long Id { get; private set; }

    public ProposalKind Kind { get; private set; }

    public RegionCode Village { get; private set; }

    /// <summary>The household in the register it is about; null for an usul of a family not yet registered.</summary>
    public long? HouseholdId { get; private set; }

    public string Description { get; private set; }

    public string ProposerName { get; private set; }

    public string? ProposerContact { get; private set; }

    /// <summary>The user who entered it; null when it came from the public page.</summary>
    public string? SubmittedBy { get; private set; }

    public string? EvidenceFileName { get; private set; }

    public string? EvidenceSha256 { get; private set; }

    public string? EvidenceStorageKey { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public DateOnly DueOn { get; private set; }

    /// <summary>The verification task it raised, once the household is in the register.</summary>
    public long? TaskId { get; private set; }

    public VisitTask? Task { get; private set; }

    public void AttachEvidence(string fileName, string sha256, string? storageKey)
    {
        EvidenceFileName = fileName;
        EvidenceSha256 = sha256;
        EvidenceStorageKey = storageKey;
    }

    public void RaiseTask(VisitTask task)
    {
        Task = task;
    }
}
