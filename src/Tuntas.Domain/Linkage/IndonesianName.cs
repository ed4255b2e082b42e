using System.Globalization;
using System.Text;

namespace Tuntas.Domain.Linkage;

/// <summary>
/// A person's name as written in a list, taken apart for comparison. <see cref="Tokens"/> are the
/// given names (lower-case ASCII, modern spelling, Muhammad unified); what says little about who the
/// person is (titles, degrees, honorific prefixes, the father's name after bin/binti) is kept aside.
/// </summary>
public sealed record NormalisedName(
    string Raw,
    IReadOnlyList<string> Tokens,
    IReadOnlyList<string> Titles,
    IReadOnlyList<string> Honorifics,
    IReadOnlyList<string> FatherTokens)
{
    /// <summary>The given names in the order written, separated by one space.</summary>
    public string Text => string.Join(' ', Tokens);

    /// <summary>The given names sorted, so that "Sutomo Hadi" and "Hadi Sutomo" share a key.</summary>
    public string SortedKey => string.Join(' ', Tokens.Order(StringComparer.Ordinal));

    /// <summary>One sound-alike key per given name, in the order written (<see cref="IndonesianName.SoundKey"/>).</summary>
    public IReadOnlyList<string> SoundKeys => [.. Tokens.Select(IndonesianName.SoundKey)];

    /// <summary>The sound-alike keys sorted: token order and spelling variants ignored.</summary>
    public string SortedSoundKey => string.Join(' ', SoundKeys.Order(StringComparer.Ordinal));

    /// <summary>True when the name is one word (a mononym, common in Java).</summary>
    public bool IsMononym => Tokens.Count == 1;

    /// <summary>True when nothing usable as a given name was found.</summary>
    public bool IsEmpty => Tokens.Count == 0;
}

/// <summary>
/// Normalisation of Indonesian personal names for record linkage. Every rule is listed in
/// <c>docs/linkage.md</c> ("Normalisation"), with its limits.
/// </summary>
public static class IndonesianName
{
    /// <summary>The one token every spelling and abbreviation of Muhammad becomes.</summary>
    public const string Muhammad = "muhammad";

    // Titles written before the name: religious (pilgrimage), academic, courtesy. "h" alone needs
    // a name after it; see IsPrefixTitle.
    private static readonly HashSet<string> PrefixTitles = new(StringComparer.Ordinal)
    {
        "h", "hj", "haji", "hajjah", "hajah", "hajji", "kh", "ust", "ustad", "ustadz", "ustaz", "ustadzah", "ustazah",
        "drs", "dra", "dr", "drg", "ir", "prof", "alm", "almh", "almarhum", "almarhumah",
        "bapak", "bpk", "pak", "ibu", "bu", "mbak", "sdr", "sdri", "ny", "nn", "tn",
    };

    // Degrees of three or more letters that are not Indonesian given names: removed at the end
    // with or without dots.
    private static readonly HashSet<string> Degrees = new(StringComparer.Ordinal)
    {
        "spd", "spdi", "spdsd", "skom", "ssos", "sag", "sthi", "ssi", "sip", "skm", "sked", "skep", "sfarm", "stp",
        "shi", "sei", "spsi", "ssn", "sgz", "str", "sst", "mpd", "mpdi", "msi", "mkom", "mkes", "mag", "mhum",
        "msc", "mba", "amd", "amdkep", "amdkeb", "amk", "amkeb", "amkep", "phd", "lc",
    };

    // Two-letter degrees that could also be a short word or initials: removed only when written
    // with dots (S.E., S.H.) or after a comma.
    private static readonly HashSet<string> ShortDegrees = new(StringComparer.Ordinal)
    {
        "se", "sh", "st", "ss", "sp", "mm", "mh", "ma", "mt", "me", "ak", "ba", "bsc",
    };

    // Honorific and noble prefixes (Banjar, Bugis-Makassar, Javanese-Sundanese, Aceh, Bali, Buton)
    // and Balinese birth-order names: weak evidence, kept aside, only at the start of a name.
    private static readonly HashSet<string> Honorifics = new(StringComparer.Ordinal)
    {
        "gusti", "andi", "daeng", "puang", "karaeng", "raden", "r", "ra", "rr", "rm", "teuku", "tengku", "cut", "tubagus",
        "aji", "datu", "i", "ni", "putu", "wayan", "made", "nyoman", "ketut", "kadek", "komang", "nengah", "gede",
    };

    // Two-word honorifics whose words alone are ordinary given names (Ida, Agung, Ayu, Mas).
    private static readonly string[][] HonorificPairs =
    [
        ["anak", "agung"], ["ida", "bagus"], ["ida", "ayu"], ["raden", "ajeng"], ["raden", "mas"], ["raden", "roro"],
        ["raden", "ayu"], ["la", "ode"], ["wa", "ode"],
    ];

    private static readonly HashSet<string> FatherLinks = new(StringComparer.Ordinal) { "bin", "binti", "bt", "bte", "binte", "bint" };

    // Abbreviations of Muhammad; a full spelling is recognised by its sound key instead.
    private static readonly HashSet<string> MuhammadAbbreviations = new(StringComparer.Ordinal) { "m", "md", "mhd", "muh", "moh", "mochd", "mohd", "muhd" };

    private static readonly HashSet<string> MuhammadSounds = new(StringComparer.Ordinal) { "muamad", "muamat", "muamid" };

    private sealed record Piece(string Key, bool Dotted, bool AfterComma);

    /// <summary>Takes a name apart; never throws, an empty or unreadable name gives no tokens.</summary>
    public static NormalisedName Normalise(string? raw)
    {
        var pieces = Split(raw ?? string.Empty);
        var titles = new List<string>();
        var honorifics = new List<string>();
        var extraTokens = new List<string>();

        var degrees = new List<string>();
        StripDegrees(pieces, degrees);
        StripPrefixes(pieces, titles, honorifics, extraTokens);
        titles.AddRange(degrees);

        var father = new List<Piece>();
        for (var i = 1; i < pieces.Count - 1; i++)
        {
            if (FatherLinks.Contains(pieces[i].Key))
            {
                father = pieces[(i + 1)..];
                pieces = pieces[..i];
                break;
            }
        }

        var fatherTitles = new List<string>();
        StripPrefixes(father, fatherTitles, [], []);

        var tokens = ToTokens(pieces, extraTokens);
        var fatherTokens = ToTokens(father, []);
        return new NormalisedName(raw ?? string.Empty, tokens, titles, honorifics, fatherTokens);
    }

    /// <summary>
    /// Modern (1972 EYD) spelling of one lower-case token: oe→u, dj→j, tj→c, sj→sy, ch→kh, nj→ny at
    /// the start; when the token shows any old spelling, a remaining j (old y) becomes y and an inner
    /// nj becomes ny.
    /// </summary>
    public static string ModernSpelling(string token)
    {
        var old = token.Contains("oe", StringComparison.Ordinal) || token.Contains("dj", StringComparison.Ordinal)
            || token.Contains("tj", StringComparison.Ordinal) || token.Contains("sj", StringComparison.Ordinal)
            || token.StartsWith("nj", StringComparison.Ordinal);
        var sb = new StringBuilder(token.Length + 2);
        for (var i = 0; i < token.Length; i++)
        {
            var c = token[i];
            var next = i + 1 < token.Length ? token[i + 1] : '\0';
            switch (c)
            {
                case 'o' when next == 'e':
                    sb.Append('u');
                    i++;
                    break;
                case 'd' when next == 'j':
                    sb.Append('j');
                    i++;
                    break;
                case 't' when next == 'j':
                    sb.Append('c');
                    i++;
                    break;
                case 's' when next == 'j':
                    sb.Append("sy");
                    i++;
                    break;
                case 'c' when next == 'h':
                    sb.Append("kh");
                    i++;
                    break;
                case 'n' when next == 'j' && (i == 0 || old):
                    sb.Append("ny");
                    i++;
                    break;
                case 'j' when old:
                    sb.Append('y');
                    break;
                default:
                    sb.Append(c);
                    break;
            }
        }

        return sb.ToString();
    }

    /// <summary>
    /// A sound-alike key for one token (already in modern spelling), for the confusions of spoken
    /// Indonesian: kh→h, sy/sh→s, dh→d, th→t, ph→f, dz→z, q→k, x→ks, v→f, f→p, z→j, e→i, o→u,
    /// a final y→i; h dropped except as the first letter; repeated letters collapsed.
    /// </summary>
    public static string SoundKey(string token)
    {
        var s = token
            .Replace("kh", "h", StringComparison.Ordinal)
            .Replace("sy", "s", StringComparison.Ordinal)
            .Replace("sh", "s", StringComparison.Ordinal)
            .Replace("dh", "d", StringComparison.Ordinal)
            .Replace("th", "t", StringComparison.Ordinal)
            .Replace("ph", "f", StringComparison.Ordinal)
            .Replace("dz", "z", StringComparison.Ordinal);
        var mapped = new StringBuilder(s.Length + 1);
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            var m = c switch
            {
                'q' => "k",
                'x' => "ks",
                'v' or 'f' => "p",
                'z' => "j",
                'e' => "i",
                'o' => "u",
                'y' when i == s.Length - 1 && i > 0 => "i",
                'h' when i > 0 => string.Empty,
                _ => c.ToString(),
            };
            mapped.Append(m);
        }

        var key = new StringBuilder(mapped.Length);
        foreach (var c in mapped.ToString())
        {
            if (key.Length == 0 || key[^1] != c)
            {
                key.Append(c);
            }
        }

        return key.ToString();
    }

    /// <summary>Lower-case ASCII with accents removed; apostrophes vanish, other punctuation separates.</summary>
    private static List<Piece> Split(string raw)
    {
        var decomposed = raw.Normalize(NormalizationForm.FormD);
        var text = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark || c is '\'' or '`' or '\u2019' or '\u2018')
            {
                continue;
            }

            var lower = char.ToLowerInvariant(c);
            text.Append(lower is (>= 'a' and <= 'z') or '.' or ',' ? lower : ' ');
        }

        var pieces = new List<Piece>();
        var afterComma = false;
        foreach (var chunk in text.ToString().Replace(",", " , ", StringComparison.Ordinal).Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (chunk == ",")
            {
                afterComma = true;
                continue;
            }

            var whole = chunk.Replace(".", string.Empty, StringComparison.Ordinal);
            if (whole.Length == 0)
            {
                continue;
            }

            // "S.Pd.I", "A.Md.", "Hj.", "R.A." stay one piece when the whole is a title, degree or honorific; "M.Yusuf" splits.
            if (!chunk.Contains('.') || IsTitleOrDegreeKey(whole))
            {
                pieces.Add(new Piece(whole, chunk.Contains('.'), afterComma));
                continue;
            }

            var parts = chunk.Split('.');
            for (var i = 0; i < parts.Length; i++)
            {
                if (parts[i].Length > 0)
                {
                    pieces.Add(new Piece(parts[i], i < parts.Length - 1, afterComma));
                }
            }
        }

        return pieces;
    }

    private static bool IsTitleOrDegreeKey(string key) =>
        PrefixTitles.Contains(key) || Degrees.Contains(key) || ShortDegrees.Contains(key) || Honorifics.Contains(key) || key == "hm";

    /// <summary>Removes degrees from the end: "S.Pd., M.Pd.", "SPd", "S. Pd.", "S.E." but not a bare "Se".</summary>
    private static void StripDegrees(List<Piece> pieces, List<string> titles)
    {
        while (pieces.Count > 1)
        {
            var last = pieces[^1];
            if (Degrees.Contains(last.Key) || (ShortDegrees.Contains(last.Key) && (last.Dotted || last.AfterComma))
                || (last.AfterComma && last.Dotted && IsDegreeShaped(last)))
            {
                titles.Insert(0, last.Key);
                pieces.RemoveAt(pieces.Count - 1);
                continue;
            }

            // A degree typed with spaces: "S. Pd." is two dotted pieces.
            var joined = false;
            for (var n = 3; n >= 2 && !joined; n--)
            {
                if (pieces.Count <= n)
                {
                    continue;
                }

                var tail = pieces[^n..];
                var key = string.Concat(tail.Select(p => p.Key));
                if (tail.Take(n - 1).All(p => p.Dotted) && (Degrees.Contains(key) || ShortDegrees.Contains(key)))
                {
                    titles.Insert(0, key);
                    pieces.RemoveRange(pieces.Count - n, n);
                    joined = true;
                }
            }

            if (!joined)
            {
                return;
            }
        }
    }

    // After a comma, a dotted piece of a few letters ("Amk.", "S.Tr.Keb") is a degree we do not list.
    private static bool IsDegreeShaped(Piece piece) => piece.Key.Length is >= 2 and <= 8;

    private static void StripPrefixes(List<Piece> pieces, List<string> titles, List<string> honorifics, List<string> extraTokens)
    {
        while (pieces.Count > 1)
        {
            var first = pieces[0].Key;
            if (first == "hm")
            {
                // "H.M." is Haji Muhammad.
                titles.Add("h");
                extraTokens.Add(Muhammad);
                pieces.RemoveAt(0);
                continue;
            }

            if (PrefixTitles.Contains(first))
            {
                titles.Add(first);
                pieces.RemoveAt(0);
                continue;
            }

            var pair = HonorificPairs.FirstOrDefault(p => pieces.Count > 2 && pieces[0].Key == p[0] && pieces[1].Key == p[1]);
            if (pair is not null)
            {
                honorifics.Add(pair[0] + " " + pair[1]);
                pieces.RemoveRange(0, 2);
                continue;
            }

            if (Honorifics.Contains(first))
            {
                honorifics.Add(first);
                pieces.RemoveAt(0);
                continue;
            }

            return;
        }
    }

    private static List<string> ToTokens(List<Piece> pieces, List<string> leading)
    {
        var tokens = new List<string>(leading);
        for (var i = 0; i < pieces.Count; i++)
        {
            var key = pieces[i].Key;
            // An abbreviation is Muhammad only before another name: a final "M." is an initial.
            var isLast = i == pieces.Count - 1;
            var token = (MuhammadAbbreviations.Contains(key) && !isLast) ? Muhammad : ModernSpelling(key);
            if (MuhammadSounds.Contains(SoundKey(token)))
            {
                token = Muhammad;
            }

            // A mononym repeated to fill a surname field ("Sutomo Sutomo") is one name.
            if (tokens.Count > 0 && tokens[^1] == token)
            {
                continue;
            }

            tokens.Add(token);
        }

        return tokens;
    }
}
