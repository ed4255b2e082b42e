using Tuntas.Domain.Common;

namespace Tuntas.Domain.Verification;

/// <summary>Broken rules of verification (tasks, visits, proposals, rounds, criteria, village meetings); their words are under <c>Error.Verification.*</c>.</summary>
public static class VerificationErrors
{
    public static DomainError TaskNotOpen() => new("Verification.TaskNotOpen");

    public static DomainError TaskNotAwaitingVisit() => new("Verification.TaskNotAwaitingVisit");

    public static DomainError ProposalWithoutVillage() => new("Verification.ProposalWithoutVillage");

    public static DomainError ObjectionWithoutHousehold() => new("Verification.ObjectionWithoutHousehold");

    public static DomainError ProposalTooShort() => new("Verification.ProposalTooShort");

    public static DomainError ProposalWithoutProposer() => new("Verification.ProposalWithoutProposer");

    public static DomainError VisitDateInFuture() => new("Verification.VisitDateInFuture");

    public static DomainError VisitTooOld(int maxDays) => new("Verification.VisitTooOld", maxDays);

    public static DomainError NotFoundCannotChange() => new("Verification.NotFoundCannotChange");

    public static DomainError NegativeSpending() => new("Verification.NegativeSpending");

    public static DomainError NegativeMemberCount() => new("Verification.NegativeMemberCount");

    public static DomainError InvalidGps() => new("Verification.InvalidGps");

    public static DomainError MergeWithoutNoKk() => new("Verification.MergeWithoutNoKk");

    public static DomainError CannotRecommendRegistered() => new("Verification.CannotRecommendRegistered");

    public static DomainError ReturnWithoutReason() => new("Verification.ReturnWithoutReason");

    public static DomainError AlreadyReviewed() => new("Verification.AlreadyReviewed");

    public static DomainError ReviewOwnVisit() => new("Verification.ReviewOwnVisit");

    public static DomainError RoundWithoutName() => new("Verification.RoundWithoutName");

    public static DomainError RoundEndsBeforeStart() => new("Verification.RoundEndsBeforeStart");

    public static DomainError ReverifyMonthsOutOfRange() => new("Verification.ReverifyMonthsOutOfRange");

    public static DomainError ImplausibleCriteriaYear(int year) => new("Verification.ImplausibleCriteriaYear", year);

    public static DomainError PovertyLineNotPositive() => new("Verification.PovertyLineNotPositive");

    public static DomainError PovertyLineWithoutSource() => new("Verification.PovertyLineWithoutSource");

    public static DomainError UnknownPovertyLine(string code, int year) => new("Verification.UnknownPovertyLine", code, year);

    public static DomainError MeetingNotInVillage() => new("Verification.MeetingNotInVillage");

    public static DomainError MeetingWithoutAttendance() => new("Verification.MeetingWithoutAttendance");

    public static DomainError MeetingClosed() => new("Verification.MeetingClosed");

    public static DomainError MeetingAlreadyDecided() => new("Verification.MeetingAlreadyDecided");

    public static DomainError MeetingAlreadyApproved() => new("Verification.MeetingAlreadyApproved");

    public static DomainError MeetingWithoutMinutes() => new("Verification.MeetingWithoutMinutes");

    public static DomainError MeetingWithoutDecisions() => new("Verification.MeetingWithoutDecisions");

    public static DomainError ApproveOwnMeeting() => new("Verification.ApproveOwnMeeting");
}
