using System.Globalization;
using F23.StringSimilarity;

namespace Tuntas.Domain.Linkage;

/// <summary>How far two names agree after normalisation, strongest first.</summary>
public enum NameAgreement
{
    /// <summary>Same given names in the same order.</summary>
    Exact,

    /// <summary>Same given names in another order.</summary>
    SameTokenSet,

    /// <summary>Every name sounds alike (<see cref="IndonesianName.SoundKey"/>), in any order.</summary>
    SameSound,
    JaroWinkler94,
    JaroWinkler88,

    /// <summary>One given name of three letters or more, not one of the commonest, is shared.</summary>
    TokenOverlap,
    Different,

    /// <summary>One side has no usable name.</summary>
    Missing,
}

/// <summary>The agreement of two names, the Jaro-Winkler similarity used, and why in words.</summary>
public sealed record NameResult(NameAgreement Level, double Similarity, string Reason);

/// <summary>Comparison of two Indonesian names on their normalised forms (<see cref="IndonesianName"/>).</summary>
public static class NameComparison
{
    public const double HighBand = 0.94;
    public const double LowBand = 0.88;

    // Names so common that sharing one says almost nothing; term-frequency weighting, not this list,
    // is the place for finer judgement.
    private static readonly HashSet<string> CommonTokens = new(StringComparer.Ordinal)
    {
        IndonesianName.Muhammad, "siti", "nur", "nurul", "abdul", "ahmad", "sri", "dewi", "putri", "putra", "ali", "abdullah",
    };

    // JaroWinkler is stateless after construction; one instance serves every call.
    private static readonly JaroWinkler Metric = new();

    /// <summary>Compares two names as typed.</summary>
    public static NameResult Compare(string? a, string? b) => Compare(IndonesianName.Normalise(a), IndonesianName.Normalise(b));

    /// <summary>Compares two normalised names.</summary>
    public static NameResult Compare(NormalisedName a, NormalisedName b)
    {
        if (a.IsEmpty || b.IsEmpty)
        {
            return new(NameAgreement.Missing, 0, "a name is missing");
        }

        if (a.Text == b.Text)
        {
            return new(NameAgreement.Exact, 1, "same name after removing titles and unifying spelling");
        }

        if (a.SortedKey == b.SortedKey)
        {
            return new(NameAgreement.SameTokenSet, 1, "same names in another order");
        }

        if (a.SortedSoundKey == b.SortedSoundKey)
        {
            return new(NameAgreement.SameSound, Similarity(a, b), "names sound alike");
        }

        var similarity = Similarity(a, b);
        if (similarity >= HighBand)
        {
            return new(NameAgreement.JaroWinkler94, similarity, string.Create(CultureInfo.InvariantCulture, $"very similar spelling (Jaro-Winkler {similarity:0.000})"));
        }

        if (similarity >= LowBand)
        {
            return new(NameAgreement.JaroWinkler88, similarity, string.Create(CultureInfo.InvariantCulture, $"similar spelling (Jaro-Winkler {similarity:0.000})"));
        }

        var shared = SharedToken(a, b);
        if (shared is not null)
        {
            return new(NameAgreement.TokenOverlap, similarity, $"share the name \"{shared}\"");
        }

        return new(NameAgreement.Different, similarity, "different names");
    }

    /// <summary>Jaro-Winkler on the names as written and on the sorted names; the higher of the two.</summary>
    public static double Similarity(NormalisedName a, NormalisedName b) =>
        Math.Max(Metric.Similarity(a.Text, b.Text), Metric.Similarity(a.SortedKey, b.SortedKey));

    private static string? SharedToken(NormalisedName a, NormalisedName b)
    {
        var bSounds = b.SoundKeys.ToHashSet(StringComparer.Ordinal);
        foreach (var token in a.Tokens)
        {
            if (token.Length >= 3 && !CommonTokens.Contains(token) && bSounds.Contains(IndonesianName.SoundKey(token)))
            {
                return token;
            }
        }

        return null;
    }
}
