using System.Globalization;

namespace Tuntas.Domain.Common;

/// <summary>
/// The one rule for characters no text field may hold: control characters (C0 such as NUL and ESC,
/// DEL, C1), the invisible marks that change the direction of text (U+202A–U+202E, U+2066–U+2069,
/// U+200E, U+200F, used to disguise a name or a file name), the byte-order mark and broken UTF-16.
/// A multi-line note may hold tabs and line breaks. Letters of any script, combining marks, the
/// zero-width joiner and non-joiner and emoji are ordinary text and pass.
/// </summary>
public static class TextRules
{
    /// <summary>The first forbidden character: its position (1-based, in characters) and code point; null when the text is clean.</summary>
    public static (int Position, int CodePoint)? Find(string? text, bool multiLine = false)
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

            if (multiLine && c is '\t' or '\n' or '\r')
            {
                continue;
            }

            if (char.IsSurrogate(c) || IsForbidden(c))
            {
                return (i + 1, c);
            }
        }

        return null;
    }

    /// <summary>
    /// What is wrong with the text, in English for files and logs (<c>null</c> when it is clean):
    /// "holds an invisible control or text-direction character (U+202E) at position 4".
    /// </summary>
    public static string? Problem(string? text, bool multiLine = false) =>
        Find(text, multiLine) is { } bad
            ? $"holds an invisible control or text-direction character ({Name(bad.CodePoint)}) at position {bad.Position}"
            : null;

    /// <summary>The code point as people look it up: <c>U+202E</c>.</summary>
    public static string Name(int codePoint) => "U+" + codePoint.ToString("X4", CultureInfo.InvariantCulture);

    private static bool IsForbidden(char c) =>
        char.GetUnicodeCategory(c) == UnicodeCategory.Control
        || c is '\u200E' or '\u200F' or '\uFEFF'
        || c is >= '\u202A' and <= '\u202E'
        || c is >= '\u2066' and <= '\u2069';
}
