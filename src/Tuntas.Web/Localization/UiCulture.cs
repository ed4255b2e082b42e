using System.Globalization;
using Microsoft.AspNetCore.Localization;

namespace Tuntas.Web.Localization;

/// <summary>The two interface languages: Bahasa Indonesia (default) and English.</summary>
public static class UiCulture
{
    public const string Indonesian = "id";
    public const string English = "en";

    public static bool IsEnglish => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == English;

    /// <summary><c>GET /bahasa/{culture}?returnUrl=</c> remembers the choice in a cookie and goes back.</summary>
    public static IEndpointRouteBuilder MapLanguageEndpoint(this IEndpointRouteBuilder app)
    {
        app.MapGet("/bahasa/{culture}", (string culture, string? returnUrl, HttpContext context) =>
            {
                var chosen = culture == English ? English : Indonesian;
                context.Response.Cookies.Append(
                    CookieRequestCultureProvider.DefaultCookieName,
                    CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(chosen)),
                    new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, HttpOnly = true, SameSite = SameSiteMode.Lax });
                return Results.LocalRedirect(LocalPath(returnUrl));
            })
            .AllowAnonymous()
            .ExcludeFromDescription();
        return app;
    }

    /// <summary>
    /// The address to go back to when it is a path on this site; anything else (<c>//evil</c>,
    /// <c>/\evil</c>, an absolute address, a control character such as a line break) gives <c>/</c>.
    /// </summary>
    public static string LocalPath(string? returnUrl) =>
        !string.IsNullOrEmpty(returnUrl)
        && returnUrl[0] == '/'
        && (returnUrl.Length == 1 || returnUrl[1] is not ('/' or '\\'))
        && !returnUrl.Any(c => char.IsControl(c) || c == '\\')
            ? returnUrl
            : "/";
}
