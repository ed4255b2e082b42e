using Tuntas.Domain.Common;

namespace Tuntas.Domain.Interventions;

/// <summary>Broken rules of interventions (deliveries, need rules, programmes); their words are under <c>Error.Interventions.*</c>.</summary>
public static class InterventionErrors
{
    public static DomainError DeliveryWithoutAgency() => new("Interventions.DeliveryWithoutAgency");

    /// <summary>The delivery date is written as on the recipient lists (YYYY-MM-DD) in both languages.</summary>
    public static DomainError DeliveryInFuture(DateOnly date) => new("Interventions.DeliveryInFuture", DateText.Iso(date));

    public static DomainError DeliveryTooEarly(DateOnly date, int earliestYear) => new("Interventions.DeliveryTooEarly", DateText.Iso(date), earliestYear);

    public static DomainError PeriodEndsBeforeStart(DateOnly end, DateOnly start) => new("Interventions.PeriodEndsBeforeStart", DateText.Iso(end), DateText.Iso(start));

    public static DomainError PeriodLongerThanYear() => new("Interventions.PeriodLongerThanYear");

    public static DomainError NegativeAmount() => new("Interventions.NegativeAmount");

    public static DomainError AmountTooLarge(long amount) => new("Interventions.AmountTooLarge", Rupiah.Format(amount));

    public static DomainError DeliveryNoteTooLong(int length, int max) => new("Interventions.DeliveryNoteTooLong", length, max);

    public static DomainError NeedCodeInvalid() => new("Interventions.NeedCodeInvalid");

    public static DomainError NeedWithoutProgramme() => new("Interventions.NeedWithoutProgramme");

    public static DomainError UnknownFact(string fact, IEnumerable<string> known) => new("Interventions.UnknownFact", fact, string.Join(", ", known));

    public static DomainError FactOfOtherSubject(string fact, NeedSubject factSubject, NeedSubject ruleSubject) =>
        new("Interventions.FactOfOtherSubject", fact, factSubject, ruleSubject);

    public static DomainError OperatorNotForFact(string fact, IEnumerable<string> operators, string op) =>
        new("Interventions.OperatorNotForFact", fact, new Alternatives([.. operators]), op);

    public static DomainError NeedWithoutValue() => new("Interventions.NeedWithoutValue");

    public static DomainError NotAnIndicator(string value, IEnumerable<string> indicators) => new("Interventions.NotAnIndicator", value, string.Join(", ", indicators));

    public static DomainError GreaterThanNeedsOneNumber() => new("Interventions.GreaterThanNeedsOneNumber");

    public static DomainError AgeRangeInvalid() => new("Interventions.AgeRangeInvalid");

    public static DomainError AgeRangeForHousehold() => new("Interventions.AgeRangeForHousehold");

    public static DomainError ProgrammeCodeInvalid(string code) => new("Interventions.ProgrammeCodeInvalid", code);

    public static DomainError ProgrammeWithoutNameOrAgency() => new("Interventions.ProgrammeWithoutNameOrAgency");

    public static DomainError NegativeTypicalValue() => new("Interventions.NegativeTypicalValue");

    public static DomainError EligibleDesilOutOfRange() => new("Interventions.EligibleDesilOutOfRange");
}
