namespace Tuntas.Web.Common;

/// <summary>
/// The browser-side defences sent on every answer: pages, API, static files and errors alike. The
/// pages carry no inline script or style attribute, so the content security policy needs no
/// <c>'unsafe-inline'</c>; Chart.js sizes its canvas through the CSSOM, which the policy allows.
/// </summary>
public static class SecurityHeaders
{
    /// <summary>
    /// Scripts, styles and everything else from this site only. <c>blob:</c> images are the photos the
    /// visit form shrinks in the browser before upload; <c>data:</c> images are Chart.js's.
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; object-src 'none'; "
        + "base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>The visit form reads the position (and a phone's camera through the file input); nothing else is used.</summary>
    public const string PermissionsPolicy =
        "camera=(self), geolocation=(self), microphone=(), payment=(), usb=()";

    /// <summary>
    /// A page that shows images from another origin (the review map's tile server) names that origin
    /// under this key of <see cref="HttpContext.Items"/>; it is added to <c>img-src</c> for that answer only.
    /// </summary>
    public const string ExtraImageSourceKey = "Tuntas.Csp.ImgSrc";

    /// <summary>Adds the headers when the answer starts, whatever wrote it (an endpoint, the static files, an error handler).</summary>
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = context.Items[ExtraImageSourceKey] is string extra
                ? ContentSecurityPolicy.Replace("img-src 'self' data: blob:", "img-src 'self' data: blob: " + extra, StringComparison.Ordinal)
                : ContentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
            headers["Permissions-Policy"] = PermissionsPolicy;
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            return Task.CompletedTask;
        });
        return next(context);
    });
}
