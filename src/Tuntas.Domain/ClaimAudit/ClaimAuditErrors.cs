using Tuntas.Domain.Common;

namespace Tuntas.Domain.ClaimAudit;

/// <summary>Broken rules of the claim audit (sample sizes, estimates, draws, re-checks); their words are under <c>Error.ClaimAudit.*</c>.</summary>
public static class ClaimAuditErrors
{
    public static DomainError PopulationBelowOne() => new("ClaimAudit.PopulationBelowOne");

    public static DomainError MarginOutOfRange() => new("ClaimAudit.MarginOutOfRange");

    public static DomainError ExpectedRateOutOfRange() => new("ClaimAudit.ExpectedRateOutOfRange");

    public static DomainError PopulationOutOfRange(int max) => new("ClaimAudit.PopulationOutOfRange", max);

    public static DomainError SampleOutOfRange(int population) => new("ClaimAudit.SampleOutOfRange", population);

    public static DomainError WrongOutOfRange(int sample) => new("ClaimAudit.WrongOutOfRange", sample);

    public static DomainError ConfidenceOutOfRange() => new("ClaimAudit.ConfidenceOutOfRange");

    public static DomainError AssigneeNotIndependent(string userName, string noKk) => new("ClaimAudit.AssigneeNotIndependent", userName, noKk);

    public static DomainError AlreadyFound(string noKk) => new("ClaimAudit.AlreadyFound", noKk);

    public static DomainError CheckerNotIndependent(string checker, string noKk) => new("ClaimAudit.CheckerNotIndependent", checker, noKk);

    public static DomainError FindingMissing() => new("ClaimAudit.FindingMissing");

    public static DomainError RecheckInFuture() => new("ClaimAudit.RecheckInFuture");

    public static DomainError RecheckBeforeSample() => new("ClaimAudit.RecheckBeforeSample");

    public static DomainError FindingWithoutNote() => new("ClaimAudit.FindingWithoutNote");

    public static DomainError NoteTooLong(int max) => new("ClaimAudit.NoteTooLong", max);

    public static DomainError StatusNotAuditable() => new("ClaimAudit.StatusNotAuditable");

    public static DomainError PeriodEndsBeforeStart() => new("ClaimAudit.PeriodEndsBeforeStart");

    public static DomainError SeedLength(int max) => new("ClaimAudit.SeedLength", max);

    public static DomainError NothingToDraw() => new("ClaimAudit.NothingToDraw");

    public static DomainError SampleSizeOutOfRange(int population) => new("ClaimAudit.SampleSizeOutOfRange", population);
}
