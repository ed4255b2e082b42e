using System.Globalization;
using System.Resources;

namespace Tuntas.Web.Localization;

/// <summary>
/// The interface texts of <c>Resources/SharedResource.resx</c> (and <c>.en.resx</c>) in the current UI
/// culture, for the static helpers that name statuses, roles and the like (<see cref="Formats"/>,
/// <see cref="Monitoring.ScopeNames"/>). Pages and endpoints use the injected
/// <c>IStringLocalizer&lt;SharedResource&gt;</c>, which reads the same resources.
/// </summary>
public static class UiText
{
    // The name IStringLocalizer<SharedResource> resolves with ResourcesPath "Resources".
    private static readonly ResourceManager Resources = new("Tuntas.Web.Resources.SharedResource", typeof(SharedResource).Assembly);

    /// <summary>The text of <paramref name="key"/>, or null when the resources have none.</summary>
    public static string? Find(string key) => Resources.GetString(key, CultureInfo.CurrentUICulture);

    /// <summary>The text of an enum value, keyed <c>TypeName.Value</c> (<c>Role.Verifier</c>); the value itself when there is none.</summary>
    public static string Of<T>(T value)
        where T : struct, Enum =>
        Find($"{typeof(T).Name}.{value}") ?? value.ToString();
}
