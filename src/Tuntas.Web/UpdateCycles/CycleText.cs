using System.Globalization;
using Tuntas.Domain.UpdateCycles;
using Tuntas.Web.Localization;

namespace Tuntas.Web.UpdateCycles;

/// <summary>The words of the update cycle's screens: months, steps and their states, proposal kinds.</summary>
public static class CycleText
{
    /// <summary>"Januari 2026" / "January 2026".</summary>
    public static string Month(DateOnly month) => month.ToString("MMMM yyyy", CultureInfo.CurrentCulture);

    public static string Step(CycleStep step) => UiText.Of(step);

    /// <summary>A step's state as a word (never a colour alone), with the day it was done when it was.</summary>
    public static string State(StepProgress step) => step.DoneOn is { } on
        ? $"{UiText.Of(step.State)} · {Formats.Date(on)}"
        : UiText.Of(step.State);

    public static string StateClass(StepState state) => state switch
    {
        StepState.Late => "status status-late",
        StepState.DoneLate => "status status-done-late",
        StepState.Done => "status status-done",
        _ => "status status-pending",
    };

    public static string Kind(CycleProposalKind kind) => UiText.Of(kind);

    public static string ProposalState(CycleProposalState state) => UiText.Of(state);

    public static string Outcome(GroundcheckOutcome outcome) => UiText.Of(outcome);
}
