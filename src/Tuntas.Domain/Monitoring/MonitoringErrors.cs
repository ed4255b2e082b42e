using Tuntas.Domain.Common;

namespace Tuntas.Domain.Monitoring;

/// <summary>Broken rules of monitoring (targets, population counts); their words are under <c>Error.Monitoring.*</c>.</summary>
public static class MonitoringErrors
{
    public static DomainError NegativeTarget() => new("Monitoring.NegativeTarget");

    public static DomainError NegativePopulation() => new("Monitoring.NegativePopulation");
}
