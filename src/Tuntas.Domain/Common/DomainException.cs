namespace Tuntas.Domain.Common;

/// <summary>
/// A rule of the domain was broken; the message is meant for the person who did it. The English
/// text is <see cref="Exception.Message"/>; <see cref="Indonesian"/> is what the screens show by default.
/// A typed error (<see cref="Error"/>) takes both texts from the interface's resources; the edges give
/// it words there themselves.
/// </summary>
public class DomainException : Exception
{
    /// <summary>A broken rule written out by the caller: an untyped error, English and (optionally) Bahasa Indonesia.</summary>
    public DomainException(string message, string? indonesian = null)
        : base(message) => Indonesian = indonesian ?? message;

    /// <summary>A typed error; both texts are made now, in the current culture, as a written-out message would be.</summary>
    public DomainException(DomainError error)
        : base(ErrorWords.Text(error, ErrorWords.English))
    {
        Error = error;
        Indonesian = ErrorWords.Text(error, ErrorWords.Indonesian);
    }

    /// <summary>The typed error, or null when the message was written out by the caller.</summary>
    public DomainError? Error { get; }

    /// <summary>The same message in Bahasa Indonesia (falls back to the English text).</summary>
    public string Indonesian { get; }

    /// <summary>The message in the language of the current UI culture.</summary>
    public string Localized =>
        System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en" ? Message : Indonesian;
}
