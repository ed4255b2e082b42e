namespace Tuntas.Domain.Common;

/// <summary>
/// A rule of the domain was broken; the message is meant for the person who did it. The English
/// text is <see cref="Exception.Message"/>; <see cref="Indonesian"/> is what the screens show by default.
/// </summary>
public class DomainException(string message, string? indonesian = null) : Exception(message)
{
    /// <summary>The same message in Bahasa Indonesia (falls back to the English text).</summary>
    public string Indonesian { get; } = indonesian ?? message;

    /// <summary>The message in the language of the current UI culture.</summary>
    public string Localized =>
        System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en" ? Message : Indonesian;
}
