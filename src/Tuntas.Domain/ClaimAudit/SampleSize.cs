using Tuntas.Domain.Common;

namespace Tuntas.Domain.ClaimAudit;

/// <summary>How many records to re-check for a wanted margin of error at 95% confidence.</summary>
/// <remarks>
/// The usual planning formula: n₀ = z²·p(1−p)/e² for an expected error rate p and margin e (z = 1.96),
/// then the finite-population correction n = n₀ / (1 + (n₀ − 1)/N). With no expectation, p = 0.5 gives
/// the largest (safest) sample. The interval reported after the re-check is exact; this is only the plan.
/// </remarks>
public static class SampleSize
{
    public const double Z95 = 1.959963984540054;

    public static int ForMargin(int population, double margin, double expectedRate = 0.5)
    {
        if (population < 1)
        {
            throw new DomainException(ClaimAuditErrors.PopulationBelowOne());
        }

        if (margin is <= 0 or >= 1)
        {
            throw new DomainException(ClaimAuditErrors.MarginOutOfRange());
        }

        if (expectedRate is < 0 or > 1)
        {
            throw new DomainException(ClaimAuditErrors.ExpectedRateOutOfRange());
        }

        var p = expectedRate is 0 or 1 ? 0.5 : expectedRate;
        var infinite = Z95 * Z95 * p * (1 - p) / (margin * margin);
        var finite = infinite / (1 + ((infinite - 1) / population));
        return (int)Math.Clamp(Math.Ceiling(finite - 1e-9), 1, population);
    }
}
