using Tuntas.Domain.Common;

namespace Tuntas.Domain.ClaimAudit;

/// <summary>
/// What a re-check of <see cref="Sample"/> records out of <see cref="Population"/> says about the
/// whole population: the observed error rate and a two-sided interval for the population's error rate
/// that accounts for the finite population.
/// </summary>
/// <remarks>
/// The interval is exact: it inverts the hypergeometric distribution (sampling without replacement).
/// The lower bound is the smallest number of wrong records K in the population for which finding
/// <see cref="Errors"/> or more wrong in the sample still has a probability above α/2; the upper bound
/// the largest K for which finding <see cref="Errors"/> or fewer still has. Only K consistent with what
/// was seen is considered (at least the errors found, at most the records not found correct), so a
/// census (every record checked) has no sampling error: its interval is the count itself.
/// </remarks>
public sealed record ErrorRateEstimate(
    int Population,
    int Sample,
    int Errors,
    double ErrorRate,
    double Low,
    double High,
    int LowErrors,
    double MidErrors,
    int HighErrors,
    double Confidence)
{
    public const string Method = "exact hypergeometric";

    /// <summary>The largest population the exact method is computed for (a log-factorial table of this size).</summary>
    public const int MaxPopulation = 10_000_000;

    public static ErrorRateEstimate Compute(int population, int sample, int errors, double confidence = 0.95)
    {
        if (population < 1 || population > MaxPopulation)
        {
            throw new DomainException(ClaimAuditErrors.PopulationOutOfRange(MaxPopulation));
        }

        if (sample < 1 || sample > population)
        {
            throw new DomainException(ClaimAuditErrors.SampleOutOfRange(population));
        }

        if (errors < 0 || errors > sample)
        {
            throw new DomainException(ClaimAuditErrors.WrongOutOfRange(sample));
        }

        if (confidence is <= 0 or >= 1)
        {
            throw new DomainException(ClaimAuditErrors.ConfidenceOutOfRange());
        }

        var tail = (1 - confidence) / 2;
        var distribution = new Hypergeometric(population, sample);

        // Only these population counts of wrong records could have produced the sample.
        var fewest = errors;
        var most = population - (sample - errors);

        // P(X ≥ k) grows with K and P(X ≤ k) falls with it: both bounds are found by bisection.
        int low = fewest, above = most;
        while (low < above)
        {
            var middle = low + ((above - low) / 2);
            if (distribution.AtLeast(errors, middle) > tail)
            {
                above = middle;
            }
            else
            {
                low = middle + 1;
            }
        }

        int below = fewest, high = most;
        while (below < high)
        {
            var middle = below + ((high - below + 1) / 2);
            if (distribution.AtMost(errors, middle) > tail)
            {
                below = middle;
            }
            else
            {
                high = middle - 1;
            }
        }

        var rate = (double)errors / sample;
        return new ErrorRateEstimate(
            population, sample, errors, rate, (double)low / population, (double)high / population, low, rate * population, high, confidence);
    }

    /// <summary>The hypergeometric distribution of wrong records in a sample of n out of N, for any K wrong in the population.</summary>
    private sealed class Hypergeometric
    {
        private readonly int _population;
        private readonly int _sample;
        private readonly double[] _logFactorial;

        public Hypergeometric(int population, int sample)
        {
            _population = population;
            _sample = sample;
            _logFactorial = new double[population + 1];
            for (var i = 2; i <= population; i++)
            {
                _logFactorial[i] = _logFactorial[i - 1] + Math.Log(i);
            }
        }

        /// <summary>P(X ≥ x) when K records of the population are wrong.</summary>
        public double AtLeast(int x, int wrong)
        {
            var sum = 0.0;
            for (var i = x; i <= Math.Min(_sample, wrong); i++)
            {
                sum += Probability(i, wrong);
            }

            return sum;
        }

        /// <summary>P(X ≤ x) when K records of the population are wrong.</summary>
        public double AtMost(int x, int wrong)
        {
            var sum = 0.0;
            for (var i = Math.Max(0, _sample - (_population - wrong)); i <= x; i++)
            {
                sum += Probability(i, wrong);
            }

            return sum;
        }

        private double Probability(int x, int wrong)
        {
            if (x < 0 || x > wrong || _sample - x > _population - wrong)
            {
                return 0;
            }

            return Math.Exp(LogChoose(wrong, x) + LogChoose(_population - wrong, _sample - x) - LogChoose(_population, _sample));
        }

        private double LogChoose(int n, int k) => _logFactorial[n] - _logFactorial[k] - _logFactorial[n - k];
    }
}
