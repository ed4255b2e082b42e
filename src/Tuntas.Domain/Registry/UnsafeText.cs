using System.Globalization;

namespace Tuntas.Domain.Registry;

/// <summary>
/// Characters that no name or search text may hold: control characters (NUL, tab, line breaks,
/// escape…), the invisible marks that reverse the direction of text (U+202E and its kin, used to
/// disguise a name or a file name), the byte-order mark, and broken UTF-16. Letters of any script,
/// diacritics and combining marks, the zero-width joiner and non-joiner (which some scripts and emoji
/// need) and emoji are ordinary text and pass.
/// </summary>
public static class UnsafeText
{
    /// <summary>The first forbidden character: its position (1-based, in characters) and code point; null when the text is clean.</summary>
    public static (int Position, int CodePoint)? Find(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
                continue;
            }

            if (char.IsSurrogate(c) || IsForbidden(c))
            {
                return (i + 1, c);
            }
        }

        return null;
    }

    /// <summary>The code point as people look it up: <c>U+202E</c>.</summary>
    public static string Name(int codePoint) => "U+" + codePoint.ToString("X4", CultureInfo.InvariantCulture);

    private static bool IsForbidden(char c) =>
        char.GetUnicodeCategory(c) == UnicodeCategory.Control
        || c is '\u200E' or '\u200F' or '\uFEFF'
        || c is >= '\u202A' and <= '\u202E'
        || c is >= '\u2066' and <= '\u2069';
}
