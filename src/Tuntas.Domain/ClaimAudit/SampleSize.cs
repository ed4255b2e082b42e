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
            throw new DomainException("The population must be at least 1 record.", "Populasi minimal 1 data.");
        }

        if (margin is <= 0 or >= 1)
        {
            throw new DomainException("The margin must be between 0 and 1 (for example 0.1 for ±10 points).", "Batas kesalahan harus antara 0 dan 1 (misalnya 0,1 untuk ±10 poin).");
        }

        if (expectedRate is < 0 or > 1)
        {
            throw new DomainException("The expected error rate must be between 0 and 1.", "Perkiraan tingkat kesalahan harus antara 0 dan 1.");
        }

        var p = expectedRate is 0 or 1 ? 0.5 : expectedRate;
        var infinite = Z95 * Z95 * p * (1 - p) / (margin * margin);
        var finite = infinite / (1 + ((infinite - 1) / population));
        return (int)Math.Clamp(Math.Ceiling(finite - 1e-9), 1, population);
    }
}
