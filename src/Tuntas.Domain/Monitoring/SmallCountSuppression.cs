using Tuntas.Domain.Regions;

namespace Tuntas.Domain.Monitoring;

/// <summary>
/// Privacy rule of the public figures: below kecamatan level (a desa/kelurahan) a count from 1 to 4
/// could point at a family the neighbours know, so it is withheld (shown as null). Zero and counts of
/// five or more are shown. Kecamatan and above are never suppressed. Where published numbers add up
/// (a total and its parts, a kecamatan and its desa), a second count is withheld beside a lone
/// withheld one, so that no withheld count is the difference of published ones.
/// </summary>
public static class SmallCountSuppression
{
    /// <summary>The smallest count shown at desa/kelurahan level (besides zero).</summary>
    public const int Threshold = 5;

    /// <summary>True for the levels whose small counts are withheld: desa/kelurahan only.</summary>
    public static bool AppliesTo(RegionLevel level) => level > RegionLevel.District;

    /// <summary>True when this count must be withheld at that level.</summary>
    public static bool Withholds(RegionLevel level, int count) => AppliesTo(level) && count is > 0 and < Threshold;

    /// <summary>The count as it may be published: null when withheld.</summary>
    public static int? Publish(RegionLevel level, int count) => Withholds(level, count) ? null : count;

    /// <summary>
    /// A total and the two parts it splits into (households = verified + unverified). When the total
    /// is shown and exactly one part is withheld, the other part is withheld too: otherwise the
    /// withheld one is the difference of two published numbers.
    /// </summary>
    public static (int? Total, int? First, int? Second) PublishSplit(RegionLevel level, int total, int first, int second)
    {
        var (t, a, b) = (Publish(level, total), Publish(level, first), Publish(level, second));
        if (t is not null && (a is null) != (b is null))
        {
            return (t, null, null);
        }

        return (t, a, b);
    }

    /// <summary>
    /// Sibling counts published beside their parent's total (the desa/kelurahan of a kecamatan under
    /// the kecamatan's count), in the order given. Each is published as by <see cref="Publish"/>; a reader
    /// can then work out the sum of the withheld ones (the total minus the others). That sum gives the
    /// counts away when one alone is withheld, or when it is the smallest or largest sum they could have
    /// (two withheld adding up to 2 are 1 each; to 8, 4 each). Then one more is withheld: the smallest
    /// other non-zero count (the first of equals), or another zero when every other
    /// count is zero. A parent with a single child cannot be helped this way.
    /// </summary>
    public static IReadOnlyList<int?> PublishSiblings(RegionLevel level, IReadOnlyList<int> counts)
    {
        var shown = counts.Select(c => Publish(level, c)).ToArray();
        var withheld = Enumerable.Range(0, shown.Length).Where(i => shown[i] is null).ToList();
        var sum = withheld.Sum(i => counts[i]);

        // Once one more is withheld, it may hold any count (zero included), and the sum tells nothing exact.
        var revealing = withheld.Count == 1 || (withheld.Count > 1 && (sum == withheld.Count || sum == withheld.Count * (Threshold - 1)));
        if (!revealing)
        {
            return shown;
        }

        var partner = Enumerable.Range(0, counts.Count)
            .Where(i => shown[i] is not null)
            .OrderBy(i => counts[i] == 0)
            .ThenBy(i => counts[i])
            .ThenBy(i => i)
            .Select(i => (int?)i)
            .FirstOrDefault();
        if (partner is { } other)
        {
            shown[other] = null;
        }

        return shown;
    }
}
