using Tuntas.Domain.Common;
using Tuntas.Domain.Regions;

namespace Tuntas.Domain.Registry;

/// <summary>Broken rules of the register (households, members, statuses); their words are under <c>Error.Registry.*</c>.</summary>
public static class RegistryErrors
{
    public static DomainError MemberNameEmpty() => new("Registry.MemberNameEmpty");

    public static DomainError NotAVillage(string code, RegionLevel level) => new("Registry.NotAVillage", code, level);

    public static DomainError MoveBeforeLastMove(string noKk, DateOnly lastMove) => new("Registry.MoveBeforeLastMove", noKk, lastMove);

    public static DomainError NegativeSpending() => new("Registry.NegativeSpending");

    public static DomainError DesilOutOfRange(int desil) => new("Registry.DesilOutOfRange", desil);

    public static DomainError DesilWithoutSource() => new("Registry.DesilWithoutSource");

    public static DomainError AlreadyMember(string nik, string noKk) => new("Registry.AlreadyMember", nik, noKk);

    public static DomainError SecondHead(string noKk, string headName) => new("Registry.SecondHead", noKk, headName);

    public static DomainError VisitNotApproved() => new("Registry.VisitNotApproved");

    public static DomainError AlreadyInStatus(string noKk, HouseholdStatus status) => new("Registry.AlreadyInStatus", noKk, status);

    public static DomainError StatusIsFinal(HouseholdStatus from, HouseholdStatus to) => new("Registry.StatusIsFinal", from, to);

    public static DomainError TransitionNotAllowed(HouseholdStatus from, HouseholdStatus to, IReadOnlyList<HouseholdStatus> allowed) =>
        new("Registry.TransitionNotAllowed", from, to, allowed);

    public static DomainError StatusChangeWithoutActor() => new("Registry.StatusChangeWithoutActor");

    public static DomainError StatusChangeWithoutReason() => new("Registry.StatusChangeWithoutReason");

    public static DomainError EffectiveDateInFuture(DateOnly effective) => new("Registry.EffectiveDateInFuture", effective);

    public static DomainError EffectiveDateBeforeLastChange(DateOnly effective, DateOnly lastChange) =>
        new("Registry.EffectiveDateBeforeLastChange", effective, lastChange);

    public static DomainError ChangeNeedsApprovedVisit(string noKk, HouseholdStatus to) => new("Registry.ChangeNeedsApprovedVisit", noKk, to);

    public static DomainError VisitOfAnotherHousehold() => new("Registry.VisitOfAnotherHousehold");

    public static DomainError ChangeBeforeVisit() => new("Registry.ChangeBeforeVisit");

    public static DomainError ExitNeedsEvidence(HouseholdStatus to) => new("Registry.ExitNeedsEvidence", to);

    public static DomainError MergeWithoutTarget() => new("Registry.MergeWithoutTarget");
}
