using Tuntas.Domain.Common;

namespace Tuntas.Domain.Registry;

/// <summary>
/// Characters that no name or search text may hold: control characters (NUL, tab, line breaks,
/// escape…), the invisible marks that reverse the direction of text (U+202E and its kin, used to
/// disguise a name or a file name), the byte-order mark, and broken UTF-16. Letters of any script,
/// diacritics and combining marks, the zero-width joiner and non-joiner (which some scripts and emoji
/// need) and emoji are ordinary text and pass.
/// </summary>
/// The rule itself is <see cref="TextRules"/>, shared by every text field.
public static class UnsafeText
{
    /// <summary>The first forbidden character: its position (1-based, in characters) and code point; null when the text is clean.</summary>
    public static (int Position, int CodePoint)? Find(string? text) => TextRules.Find(text);

    /// <summary>The code point as people look it up: <c>U+202E</c>.</summary>
    public static string Name(int codePoint) => TextRules.Name(codePoint);
}
