using System.Security.Cryptography;
using System.Text;
using Tuntas.Domain.Common;
using Tuntas.Domain.Regions;

namespace Tuntas.Domain.ClaimAudit;

/// <summary>A household that may be drawn: its No. KK and the stratum (kecamatan) it is counted in.</summary>
public sealed record SampleCandidate(string NoKk, RegionCode District);

/// <summary>The outcome of a draw: the sample in draw order, and what makes it reproducible.</summary>
public sealed record DrawnSample(string Seed, string PopulationHash, int Population, IReadOnlyList<SampleCandidate> Sample);

/// <summary>
/// A reproducible random sample. Every candidate gets the key SHA-256(seed + "|" + No. KK); the
/// sample is the candidates with the smallest keys. Anyone holding the seed and the population list
/// can redo the draw by hand, on any computer, and get the same households; a different seed gives
/// an unrelated sample. With strata (kecamatan), the sample size is shared out in proportion to each
/// stratum's size (largest remainders), and each stratum takes its smallest keys.
/// </summary>
/// <remarks>
/// Whoever draws does not choose the seed: a new audit always takes <see cref="NewSeed"/>, drawn
/// from a cryptographic source, so nobody can try seeds offline until the sample looks convenient.
/// <see cref="Draw"/> with a recorded seed serves to replay a draw and check it.
/// </remarks>
public static class SampleDraw
{
    public const int MaxSeedLength = 64;

    /// <summary>The seed of a new draw: 128 bits from a cryptographic random number generator, as 32 hexadecimal digits.</summary>
    public static string NewSeed() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    public static DrawnSample Draw(IReadOnlyCollection<SampleCandidate> population, int size, string seed, bool stratifyByDistrict)
    {
        seed = seed.Trim();
        if (seed.Length is 0 or > MaxSeedLength)
        {
            throw new DomainException(ClaimAuditErrors.SeedLength(MaxSeedLength));
        }

        if (population.Count == 0)
        {
            throw new DomainException(ClaimAuditErrors.NothingToDraw());
        }

        if (size < 1 || size > population.Count)
        {
            throw new DomainException(ClaimAuditErrors.SampleSizeOutOfRange(population.Count));
        }

        var keyed = population
            .Select(c => (Candidate: c, Key: Key(seed, c.NoKk)))
            .OrderBy(c => c.Key, StringComparer.Ordinal)
            .ToList();
        List<SampleCandidate> sample;
        if (!stratifyByDistrict)
        {
            sample = keyed.Take(size).Select(c => c.Candidate).ToList();
        }
        else
        {
            var strata = keyed.GroupBy(c => c.Candidate.District.Value, StringComparer.Ordinal)
                .OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => g.ToList())
                .ToList();
            var shares = Allocate(strata.Select(s => s.Count).ToList(), size);
            var taken = strata.SelectMany((s, i) => s.Take(shares[i])).ToList();
            sample = taken.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => c.Candidate).ToList();
        }

        return new DrawnSample(seed, PopulationHash(population.Select(c => c.NoKk)), population.Count, sample);
    }

    /// <summary>SHA-256 of the population's No. KK, sorted and one per line: shows later that the list drawn from was not changed.</summary>
    public static string PopulationHash(IEnumerable<string> noKks)
    {
        var text = string.Join('\n', noKks.Order(StringComparer.Ordinal));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }

    private static string Key(string seed, string noKk) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(seed + "|" + noKk)));

    /// <summary>Shares <paramref name="size"/> out over strata in proportion to their sizes (largest remainders; ties to the earlier stratum).</summary>
    public static int[] Allocate(IReadOnlyList<int> strata, int size)
    {
        var total = strata.Sum();
        var exact = strata.Select(n => (double)n * size / total).ToArray();
        var shares = exact.Select(e => (int)Math.Floor(e)).ToArray();
        var left = size - shares.Sum();
        foreach (var i in Enumerable.Range(0, strata.Count).OrderByDescending(i => exact[i] - shares[i]).ThenBy(i => i))
        {
            if (left == 0)
            {
                break;
            }

            if (shares[i] < strata[i])
            {
                shares[i]++;
                left--;
            }
        }

        return shares;
    }
}
