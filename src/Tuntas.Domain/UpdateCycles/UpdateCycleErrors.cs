using Tuntas.Domain.Common;

namespace Tuntas.Domain.UpdateCycles;

/// <summary>Broken rules of the monthly update cycle; their words are under <c>Error.UpdateCycles.*</c>.</summary>
public static class UpdateCycleErrors
{
    public static DomainError NotARegency() => new("UpdateCycles.NotARegency");

    public static DomainError DeadlineDay() => new("UpdateCycles.DeadlineDay");

    public static DomainError DeadlineOrder() => new("UpdateCycles.DeadlineOrder");

    public static DomainError AlreadyOpen(string regency, string month) => new("UpdateCycles.AlreadyOpen", regency, month);

    public static DomainError MeetingOutsideMonth(DateOnly from, DateOnly to) => new("UpdateCycles.MeetingOutsideMonth", from, to);

    public static DomainError DateInFuture() => new("UpdateCycles.DateInFuture");

    public static DomainError MinutesMissing() => new("UpdateCycles.MinutesMissing");

    public static DomainError ProposalsClosed() => new("UpdateCycles.ProposalsClosed");

    public static DomainError BadNoKk(string text) => new("UpdateCycles.BadNoKk", text);

    public static DomainError BadNik(string text) => new("UpdateCycles.BadNik", text);

    public static DomainError BadKind() => new("UpdateCycles.BadKind");

    public static DomainError NameMissing() => new("UpdateCycles.NameMissing");

    public static DomainError ReasonMissing() => new("UpdateCycles.ReasonMissing");

    public static DomainError AlreadyProposed(string noKk) => new("UpdateCycles.AlreadyProposed", noKk);

    public static DomainError AlreadyChecked() => new("UpdateCycles.AlreadyChecked");

    public static DomainError RefuseWithoutReason() => new("UpdateCycles.RefuseWithoutReason");

    public static DomainError GroundcheckNotAccepted() => new("UpdateCycles.GroundcheckNotAccepted");

    public static DomainError NotInVillage() => new("UpdateCycles.NotInVillage");
}
