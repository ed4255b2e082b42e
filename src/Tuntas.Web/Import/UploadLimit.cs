using System.Net;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Localization;

namespace Tuntas.Web.Import;

/// <summary>
/// A request body over the upload limit (<see cref="UploadStore.LimitBytes"/>) is answered with 413
/// and a page that says so in the reader's language, before any of it is read: by its
/// Content-Length when it has one, and by the server's body limit when it is sent in chunks.
/// </summary>
public static class UploadLimit
{
    public static IApplicationBuilder UseUploadLimit(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var uploads = context.RequestServices.GetRequiredService<UploadStore>();
        if (context.Request.ContentLength > uploads.LimitBytes)
        {
            await TooLargeAsync(context, uploads);
            return;
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } body)
        {
            body.MaxRequestBodySize = uploads.LimitBytes;
        }

        try
        {
            await next(context);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge && !context.Response.HasStarted)
        {
            await TooLargeAsync(context, uploads);
        }
    });

    private static async Task TooLargeAsync(HttpContext context, UploadStore uploads)
    {
        var text = context.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
        var megabytes = uploads.LimitBytes / (1024 * 1024);
        var title = text["UploadTooLargeTitle"].Value;
        var message = text["UploadTooLarge", megabytes].Value;

        // The rest of the body is not read; the connection is closed after the answer.
        context.Response.Clear();
        context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
        context.Response.Headers.Connection = "close";
        if (context.Request.Path.StartsWithSegments("/odk"))
        {
            // Collect shows the message of an OpenRosa answer; the OpenRosa headers are added as for every /odk answer.
            await Verification.Odk.OdkEndpoints.WriteAnswerAsync(context, StatusCodes.Status413PayloadTooLarge, "error", text["OdkSubmissionTooLarge", megabytes].Value);
            return;
        }

        if (context.Request.Path.StartsWithSegments("/api"))
        {
            await context.Response.WriteAsJsonAsync(new { error = message });
            return;
        }

        var back = WebUtility.HtmlEncode(context.Request.PathBase + context.Request.Path);
        context.Response.ContentType = "text/html; charset=utf-8";
        await context.Response.WriteAsync($"""
            <!DOCTYPE html>
            <html lang="{WebUtility.HtmlEncode(System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName)}">
            <head><meta charset="utf-8" /><meta name="viewport" content="width=device-width, initial-scale=1" /><title>{WebUtility.HtmlEncode(title)} · Tuntas</title><link rel="stylesheet" href="/css/site.css" /></head>
            <body><main class="container"><section class="card narrow"><h1>{WebUtility.HtmlEncode(title)}</h1><p>{WebUtility.HtmlEncode(message)}</p><p><a href="{back}">{WebUtility.HtmlEncode(text["UploadTooLargeBack"].Value)}</a></p></section></main></body>
            </html>
            """);
    }
}
