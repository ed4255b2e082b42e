using Tuntas.Domain.Common;
using Tuntas.Domain.Regions;

namespace Tuntas.Domain.UpdateCycles;

/// <summary>
/// Where one village stands in a cycle: its musyawarah (date and berita acara) and whether its
/// operator has finished entering proposals. Dinas Sosial's check and the groundcheck are read from
/// the village's proposals (<see cref="VillageProgress"/>).
/// </summary>
public sealed class CycleVillage
{
    public CycleVillage(long cycleId, RegionCode village)
    {
        if (village.Level != RegionLevel.Village)
        {
            throw new DomainException(UpdateCycleErrors.NotInVillage());
        }

        CycleId = cycleId;
        Village = village;
    }

    // For EF Core materialisation.
    private CycleVillage()
    {
        Village = null!;
    }

    public long Id { get; private set; }

    public long CycleId { get; private set; }

    public UpdateCycle? Cycle { get; set; }

    public RegionCode Village { get; private set; }

    public DateOnly? MeetingHeldOn { get; private set; }

    public string? MinutesFileName { get; private set; }

    public string? MinutesSha256 { get; private set; }

    public string? MinutesStorageKey { get; private set; }

    public string? MeetingRecordedBy { get; private set; }

    /// <summary>The day the operator said every proposal of the month was entered.</summary>
    public DateOnly? ProposalsDoneOn { get; private set; }

    public string? ProposalsDoneBy { get; private set; }

    public int Version { get; private set; }

    /// <summary>The meeting step is done when the meeting is dated and its berita acara is uploaded.</summary>
    public bool MeetingDone => MeetingHeldOn is not null && MinutesSha256 is not null;

    /// <summary>Records the meeting (again, to correct it): its date lies in the cycle's month and not after today.</summary>
    public void RecordMeeting(UpdateCycle cycle, DateOnly heldOn, string actor, DateOnly today)
    {
        if (heldOn > today)
        {
            throw new DomainException(UpdateCycleErrors.DateInFuture());
        }

        if (!cycle.InMonth(heldOn))
        {
            throw new DomainException(UpdateCycleErrors.MeetingOutsideMonth(cycle.Month, cycle.MonthEnd));
        }

        MeetingHeldOn = heldOn;
        MeetingRecordedBy = actor;
        Version++;
    }

    public void AttachMinutes(string fileName, string sha256, string? storageKey)
    {
        MinutesFileName = fileName;
        MinutesSha256 = sha256;
        MinutesStorageKey = storageKey;
        Version++;
    }

    /// <summary>The operator has entered every proposal of the month; later proposals are refused.</summary>
    public void FinishProposals(string actor, DateOnly today)
    {
        if (ProposalsDoneOn is not null)
        {
            throw new DomainException(UpdateCycleErrors.ProposalsClosed());
        }

        ProposalsDoneOn = today;
        ProposalsDoneBy = actor;
        Version++;
    }
}
