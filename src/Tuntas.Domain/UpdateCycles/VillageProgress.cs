using Tuntas.Domain.Regions;

namespace Tuntas.Domain.UpdateCycles;

/// <summary>Where a village stands on one step.</summary>
public enum StepState
{
    /// <summary>Not done, and not yet due.</summary>
    Pending = 1,

    /// <summary>Not done, and its deadline has passed.</summary>
    Late = 2,

    /// <summary>Done by its deadline.</summary>
    Done = 3,

    /// <summary>Done, but after its deadline.</summary>
    DoneLate = 4,
}

/// <summary>One step of one village: its state, the day it is due and the day it was done.</summary>
public sealed record StepProgress(CycleStep Step, StepState State, DateOnly Due, DateOnly? DoneOn)
{
    public bool IsDone => State is StepState.Done or StepState.DoneLate;
}

/// <summary>
/// The four steps of a village in a cycle as of a day. A step not done after the end of its due day
/// is late. The meeting is done when it is dated and its berita acara uploaded; proposals when the
/// operator says every one was entered; the check when that is so and Dinas Sosial has accepted or
/// refused each of them (a village with no proposal is checked on the day it said so); the
/// groundcheck when the check is done and every accepted proposal has its field result.
/// </summary>
public sealed record VillageProgress(RegionCode Village, IReadOnlyList<StepProgress> Steps)
{
    public bool AllDone => Steps.All(s => s.IsDone);

    public bool AnyLate => Steps.Any(s => s.State == StepState.Late);

    public StepProgress this[CycleStep step] => Steps.Single(s => s.Step == step);

    public static VillageProgress Of(UpdateCycle cycle, CycleVillage village, IEnumerable<CycleProposal> proposals, DateOnly today)
    {
        var list = proposals.Where(p => p.Village == village.Village).ToList();
        DateOnly? meeting = village.MeetingDone ? village.MeetingHeldOn : null;
        var entered = village.ProposalsDoneOn;
        DateOnly? check = entered is { } e && list.All(p => p.State != CycleProposalState.Entered)
            ? Latest(e, list.Select(p => p.CheckedOn))
            : null;
        var accepted = list.Where(p => p.State == CycleProposalState.Accepted).ToList();
        DateOnly? ground = check is { } c && accepted.All(p => p.Groundcheck is not null)
            ? Latest(c, accepted.Select(p => p.GroundcheckedOn))
            : null;
        return new VillageProgress(village.Village,
        [
            Step(cycle, CycleStep.Meeting, meeting, today),
            Step(cycle, CycleStep.Proposals, entered, today),
            Step(cycle, CycleStep.Check, check, today),
            Step(cycle, CycleStep.Groundcheck, ground, today),
        ]);
    }

    private static DateOnly Latest(DateOnly first, IEnumerable<DateOnly?> others) =>
        others.OfType<DateOnly>().Append(first).Max();

    private static StepProgress Step(UpdateCycle cycle, CycleStep step, DateOnly? doneOn, DateOnly today)
    {
        var due = cycle.Due(step);
        var state = doneOn is { } d
            ? (d > due ? StepState.DoneLate : StepState.Done)
            : (today > due ? StepState.Late : StepState.Pending);
        return new StepProgress(step, state, due, doneOn);
    }
}

/// <summary>A kecamatan's villages in a cycle: how many have done every step, how many are late on one.</summary>
public sealed record DistrictProgress(RegionCode District, string Name, int Villages, int Done, int Late)
{
    public static IReadOnlyList<DistrictProgress> Of(IEnumerable<VillageProgress> villages, Func<RegionCode, string> nameOf) =>
        villages.GroupBy(v => v.Village.AtLevel(RegionLevel.District)!)
            .OrderBy(g => g.Key.Value, StringComparer.Ordinal)
            .Select(g => new DistrictProgress(g.Key, nameOf(g.Key), g.Count(), g.Count(v => v.AllDone), g.Count(v => v.AnyLate)))
            .ToList();
}
