using System.Globalization;
using System.Resources;
using Tuntas.Domain.Interventions;
using Tuntas.Domain.Regions;
using Tuntas.Domain.Registry;

namespace Tuntas.Domain.Common;

/// <summary>
/// The words of a <see cref="DomainError"/> in Bahasa Indonesia or English. They are read from the
/// interface's own resource files (<c>src/Tuntas.Web/Resources/SharedResource.resx</c> and
/// <c>.en.resx</c>), which this assembly embeds as well: the pages read the same entries through their
/// localizer, so a text is written once and cannot drift between the screens, the API and the command line.
/// </summary>
public static class ErrorWords
{
    /// <summary>Bahasa Indonesia, the default language of the interface (the neutral resources).</summary>
    public static readonly CultureInfo Indonesian = CultureInfo.GetCultureInfo("id");

    /// <summary>English (the <c>.en</c> resources).</summary>
    public static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");

    private static readonly ResourceManager Resources = new("Tuntas.Domain.Resources.SharedResource", typeof(ErrorWords).Assembly);

    /// <summary>The text of a resource key in <paramref name="language"/>, or null when there is none.</summary>
    public static string? Find(string key, CultureInfo language) => Resources.GetString(key, language);

    /// <summary>The template of the error (with its <c>{0}</c> places) in <paramref name="language"/>.</summary>
    public static string Template(DomainError error, CultureInfo language) =>
        Find(error.Key, language) ?? throw new InvalidOperationException($"The resources have no text for {error.Key}.");

    /// <summary>The arguments of the error, with those that are words given words in <paramref name="language"/>.</summary>
    public static object[] Arguments(DomainError error, CultureInfo language)
    {
        var english = IsEnglish(language);
        return [.. error.Args.Select(a => Word(a, english, language))];
    }

    /// <summary>
    /// The whole text in <paramref name="language"/>. Numbers are formatted in the current culture, as
    /// the pages' localizer formats them.
    /// </summary>
    public static string Text(DomainError error, CultureInfo language) =>
        string.Format(CultureInfo.CurrentCulture, Template(error, language), Arguments(error, language));

    private static bool IsEnglish(CultureInfo language) => language.TwoLetterISOLanguageName == "en";

    private static object Word(object argument, bool english, CultureInfo language) => argument switch
    {
        HouseholdStatus status => english ? status.ToWire() : status.ToIndonesian(),
        IEnumerable<HouseholdStatus> statuses => string.Join(", ", statuses.Select(s => english ? s.ToWire() : s.ToIndonesian())),

        // Dates are written the way each language's readers write them on paper.
        DateOnly day => day.ToString(english ? "yyyy-MM-dd" : "dd-MM-yyyy", CultureInfo.InvariantCulture),

        // Region levels keep their Indonesian names in both languages: they are the names in the law.
        RegionLevel level => level.ToIndonesian().ToLowerInvariant(),
        NeedSubject subject => Find($"Error.NeedSubject.{subject}", language) ?? subject.ToString(),
        Alternatives choices => string.Join(" " + (Find("Error.Or", language) ?? "or") + " ", choices.Items),

        // A reason given inside another (a NIK's own reason inside an import row's).
        DomainError inner => Text(inner, language),
        _ => argument,
    };
}
