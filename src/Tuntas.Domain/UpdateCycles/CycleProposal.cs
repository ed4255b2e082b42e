using Tuntas.Domain.Common;
using Tuntas.Domain.Regions;
using Tuntas.Domain.Registry;

namespace Tuntas.Domain.UpdateCycles;

/// <summary>What a village proposes about a family, in the words of SIKS-NG.</summary>
public enum CycleProposalKind
{
    /// <summary>A family not yet in DTSEN, to be added ("usulan baru").</summary>
    New = 1,

    /// <summary>A family in DTSEN whose data are to be corrected ("perbaikan data").</summary>
    Correction = 2,

    /// <summary>A family to be taken out of DTSEN ("usulan keluar").</summary>
    Exit = 3,
}

/// <summary>Dinas Sosial's check of a proposal.</summary>
public enum CycleProposalState
{
    /// <summary>Entered by the village, waiting for Dinas Sosial.</summary>
    Entered = 1,

    /// <summary>Accepted by Dinas Sosial: goes on to the groundcheck and to SIKS-NG.</summary>
    Accepted = 2,

    /// <summary>Refused by Dinas Sosial, with its reason.</summary>
    Refused = 3,
}

/// <summary>What the field check found.</summary>
public enum GroundcheckOutcome
{
    /// <summary>The family's situation is as proposed ("sesuai").</summary>
    Confirmed = 1,

    /// <summary>The family's situation is not as proposed ("tidak sesuai").</summary>
    NotConfirmed = 2,
}

public static class CycleProposalKindWords
{
    /// <summary>The SIKS-NG words, as written in the upload workbook.</summary>
    public static string ToSiksNg(this CycleProposalKind kind) => kind switch
    {
        CycleProposalKind.New => "Usulan Baru",
        CycleProposalKind.Correction => "Perbaikan Data",
        _ => "Usulan Keluar",
    };

    /// <summary>Reads <c>baru</c>/<c>new</c>, <c>perbaikan</c>/<c>correction</c>, <c>keluar</c>/<c>exit</c> (the SIKS-NG words too), any case.</summary>
    public static CycleProposalKind? Parse(string? text) => (text ?? "").Trim().ToLowerInvariant().Replace("usulan ", "", StringComparison.Ordinal) switch
    {
        "baru" or "new" => CycleProposalKind.New,
        "perbaikan" or "perbaikan data" or "correction" => CycleProposalKind.Correction,
        "keluar" or "exit" => CycleProposalKind.Exit,
        _ => Enum.TryParse<CycleProposalKind>(text, true, out var kind) && Enum.IsDefined(kind) ? kind : null,
    };
}

/// <summary>
/// A village's proposal (usulan desa) in a cycle: a family by No. KK and its head's NIK, what is
/// proposed and why; Dinas Sosial's check; the groundcheck of an accepted one. Distinct from a
/// resident's usul/sanggah (<c>Verification.Proposal</c>).
/// </summary>
public sealed class CycleProposal
{
    public CycleProposal(long cycleId, RegionCode village, string noKk, string headNik, string headName, CycleProposalKind kind, string reason, long? householdId, string enteredBy, DateTime nowUtc)
    {
        var kk = NomorKk.Parse(noKk);
        if (!kk.IsValid)
        {
            throw new DomainException(UpdateCycleErrors.BadNoKk(noKk));
        }

        var nik = Nik.Parse(headNik);
        if (!nik.IsValid)
        {
            throw new DomainException(UpdateCycleErrors.BadNik(headNik));
        }

        if (string.IsNullOrWhiteSpace(headName))
        {
            throw new DomainException(UpdateCycleErrors.NameMissing());
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new DomainException(UpdateCycleErrors.ReasonMissing());
        }

        if (!Enum.IsDefined(kind))
        {
            throw new DomainException(UpdateCycleErrors.BadKind());
        }

        CycleId = cycleId;
        Village = village;
        NoKk = kk.Value!.Value;
        HeadNik = nik.Value!.Value;
        HeadName = headName.Trim();
        Kind = kind;
        Reason = reason.Trim();
        HouseholdId = householdId;
        EnteredBy = enteredBy;
        EnteredAt = nowUtc;
        State = CycleProposalState.Entered;
    }

    // For EF Core materialisation.
    private CycleProposal()
    {
        Village = null!;
        NoKk = null!;
        HeadNik = null!;
        HeadName = null!;
        Reason = null!;
        EnteredBy = null!;
    }

    public long Id { get; private set; }

    public long CycleId { get; private set; }

    public RegionCode Village { get; private set; }

    public string NoKk { get; private set; }

    public string HeadNik { get; private set; }

    public string HeadName { get; private set; }

    public CycleProposalKind Kind { get; private set; }

    public string Reason { get; private set; }

    /// <summary>The family in the register, when it holds this No. KK.</summary>
    public long? HouseholdId { get; private set; }

    public string EnteredBy { get; private set; }

    public DateTime EnteredAt { get; private set; }

    public CycleProposalState State { get; private set; }

    public string? CheckedBy { get; private set; }

    public DateOnly? CheckedOn { get; private set; }

    public string? CheckNote { get; private set; }

    public GroundcheckOutcome? Groundcheck { get; private set; }

    public DateOnly? GroundcheckedOn { get; private set; }

    public string? GroundcheckedBy { get; private set; }

    public string? GroundcheckNote { get; private set; }

    public int Version { get; private set; }

    /// <summary>Dinas Sosial accepts or refuses; a refusal needs its reason. Checked once.</summary>
    public void Check(bool accept, string? note, string verifier, DateOnly today)
    {
        if (State != CycleProposalState.Entered)
        {
            throw new DomainException(UpdateCycleErrors.AlreadyChecked());
        }

        if (!accept && string.IsNullOrWhiteSpace(note))
        {
            throw new DomainException(UpdateCycleErrors.RefuseWithoutReason());
        }

        State = accept ? CycleProposalState.Accepted : CycleProposalState.Refused;
        CheckNote = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        CheckedBy = verifier;
        CheckedOn = today;
        Version++;
    }

    /// <summary>The field check of an accepted proposal (again, to correct it).</summary>
    public void RecordGroundcheck(GroundcheckOutcome outcome, DateOnly on, string? note, string actor, DateOnly today)
    {
        if (State != CycleProposalState.Accepted)
        {
            throw new DomainException(UpdateCycleErrors.GroundcheckNotAccepted());
        }

        if (on > today)
        {
            throw new DomainException(UpdateCycleErrors.DateInFuture());
        }

        Groundcheck = outcome;
        GroundcheckedOn = on;
        GroundcheckedBy = actor;
        GroundcheckNote = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        Version++;
    }
}
