using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;

namespace Tuntas.Web.Public;

/// <summary>
/// Abuse limit of the public usul/sanggah form, the one write open to anyone: a few submissions a
/// minute from one address. Everything else passes unlimited.
/// </summary>
public static class PublicSubmissionLimit
{
    /// <summary>Submissions one address may send in <see cref="Window"/>.</summary>
    public const int PerWindow = 5;

    public static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    /// <summary>A new limiter, one per app: its counts live as long as the app.</summary>
    public static PartitionedRateLimiter<HttpContext> Create() => PartitionedRateLimiter.Create<HttpContext, string>(context =>
        IsPublicSubmission(context.Request)
            ? RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = PerWindow, Window = Window, QueueLimit = 0 })
            : RateLimitPartition.GetNoLimiter(""));

    public static bool IsPublicSubmission(HttpRequest request) =>
        HttpMethods.IsPost(request.Method) && request.Path.StartsWithSegments("/publik");

    public static async ValueTask OnRejectedAsync(OnRejectedContext context, CancellationToken ct)
    {
        var response = context.HttpContext.Response;
        response.StatusCode = StatusCodes.Status429TooManyRequests;
        response.Headers.RetryAfter = ((int)Window.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
        response.ContentType = "text/plain; charset=utf-8";
        var text = context.HttpContext.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
        await response.WriteAsync(text["PublicTooMany"], ct);
    }
}
