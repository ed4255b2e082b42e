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
                var target = !string.IsNullOrEmpty(returnUrl) && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//", StringComparison.Ordinal) ? returnUrl : "/";
                return Results.LocalRedirect(target);
            })
            .AllowAnonymous()
            .ExcludeFromDescription();
        return app;
    }
}
