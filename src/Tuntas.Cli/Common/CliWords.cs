using System.Globalization;
using Tuntas.Domain.Common;

namespace Tuntas.Cli.Common;

/// <summary>The words of a typed error for the screen, in the language a command was asked to speak (<c>--lang</c>).</summary>
internal static class CliWords
{
    /// <summary><c>--lang</c>'s value as a language: Bahasa Indonesia unless <c>en</c>.</summary>
    public static CultureInfo Language(string? lang) => lang == "en" ? ErrorWords.English : ErrorWords.Indonesian;

    /// <summary>
    /// The error in <paramref name="language"/>, its numbers written as that language writes them
    /// (<c>1.000</c> in Bahasa Indonesia, <c>1,000</c> in English), whatever the machine's culture.
    /// </summary>
    public static string Text(DomainError error, CultureInfo language) =>
        string.Format(Numbers(language), ErrorWords.Template(error, language), ErrorWords.Arguments(error, language));

    private static CultureInfo Numbers(CultureInfo language) =>
        language.TwoLetterISOLanguageName == "en" ? CultureInfo.InvariantCulture : CultureInfo.GetCultureInfo("id");
}
