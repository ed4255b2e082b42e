using System.Diagnostics;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.Localization;
using Tuntas.Domain.Common;
using Tuntas.Web.Access;

namespace Tuntas.Web.Common;

/// <summary>
/// Odd requests answered in words instead of a 500, and one log line per request without personal data:
/// TRACE refused with 405, a date in the query string outside 1900-01-01 .. ten years ahead refused
/// with 400, and the request log written with the route template (never the raw path or query).
/// </summary>
public static partial class RequestHygiene
{
    /// <summary>The logger category of the request log.</summary>
    public const string LogCategory = "Tuntas.Requests";

    public static readonly DateOnly FirstDay = new(1900, 1, 1);

    /// <summary>The last day a query may ask for: ten years after today.</summary>
    public static DateOnly LastDay => DateOnly.FromDateTime(DateTime.UtcNow).AddYears(10);

    /// <summary>A 16-digit number (a NIK or a No. KK) written as its first and last four digits: <c>6474********0001</c>.</summary>
    public static string Redact(string? text) =>
        string.IsNullOrEmpty(text) ? string.Empty : SixteenDigits().Replace(text, m => m.Value[..4] + "********" + m.Value[^4..]);

    public static IApplicationBuilder UseRequestHygiene(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            if (HttpMethods.IsTrace(context.Request.Method) || string.Equals(context.Request.Method, "TRACK", StringComparison.OrdinalIgnoreCase))
            {
                context.Response.StatusCode = StatusCodes.Status405MethodNotAllowed;
                context.Response.Headers.Allow = "GET, HEAD, POST";
                return;
            }

            if (DateOutOfRange(context.Request.Query) is { } parameter)
            {
                await RefuseDateAsync(context, parameter);
                return;
            }

            await next(context);
        }
        finally
        {
            Log(context, Stopwatch.GetElapsedTime(started));
        }
    });

    private static string? DateOutOfRange(IQueryCollection query)
    {
        foreach (var (name, values) in query)
        {
            foreach (var value in values)
            {
                if (value is { Length: >= 10 } && DateText.TryParse(value, out var day) && (day < FirstDay || day > LastDay))
                {
                    return name;
                }
            }
        }

        return null;
    }

    private static async Task RefuseDateAsync(HttpContext context, string parameter)
    {
        var text = context.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
        var reason = text["DateOutOfRange", DateText.Iso(FirstDay), DateText.Iso(LastDay)].Value;
        if (context.Request.Path.StartsWithSegments("/api"))
        {
            await ApiProblems.BadParameter(parameter, $"The date is out of range; give a day between {DateText.Iso(FirstDay)} and {DateText.Iso(LastDay)}.").ExecuteAsync(context);
            return;
        }

        context.Response.StatusCode = StatusCodes.Status400BadRequest;
        context.Response.ContentType = "text/plain; charset=utf-8";
        await context.Response.WriteAsync(reason);
    }

    private static void Log(HttpContext context, TimeSpan elapsed)
    {
        var logger = context.RequestServices.GetService<ILoggerFactory>()?.CreateLogger(LogCategory);
        if (logger is null || !logger.IsEnabled(LogLevel.Information))
        {
            return;
        }

        var route = (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText is { } template
            ? "/" + template.TrimStart('/')
            : Redact(context.Request.Path.Value);
        var handler = context.Request.Query["handler"].ToString();
        logger.LogInformation(
            "{Method} {Route}{Handler} {Status} {ElapsedMs:0} ms user {User} role {Role}",
            context.Request.Method,
            route,
            handler.Length == 0 ? string.Empty : "?handler=" + Redact(handler[..Math.Min(handler.Length, 40)]),
            context.Response.StatusCode,
            elapsed.TotalMilliseconds,
            context.User.Identity?.IsAuthenticated == true ? context.User.Identity.Name : "-",
            context.User.FindFirst(Caller.RoleClaim)?.Value ?? "-");
    }

    [GeneratedRegex("[0-9]{16}", RegexOptions.CultureInvariant)]
    private static partial Regex SixteenDigits();
}

/// <summary>
/// For every page: a request for a handler the page does not have answers 404 (or 405 for a method
/// it does not take) instead of running the page without its handler. A form field holding a control
/// or text-direction character (<see cref="TextRules"/>) is refused: on a handler marked
/// <see cref="RedisplaysHiddenCharactersAttribute"/> as a model-state error of that field (the form comes back
/// with the reason beside the field and everything else as typed); elsewhere with 400 and the reason.
/// </summary>
public sealed class PageInputFilter(IStringLocalizer<SharedResource> text) : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var request = context.HttpContext.Request;
        if (context.HandlerMethod is null
            && (context.ActionDescriptor.HandlerMethods.Count > 0 || !(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))))
        {
            var named = context.RouteData.Values.ContainsKey("handler") || request.Query.ContainsKey("handler");
            context.Result = new ContentResult
            {
                StatusCode = named ? StatusCodes.Status404NotFound : StatusCodes.Status405MethodNotAllowed,
                Content = text["HandlerUnknown"].Value,
                ContentType = "text/plain; charset=utf-8",
            };
            return;
        }

        if (request.HasFormContentType)
        {
            var redisplays = context.HandlerMethod?.MethodInfo.IsDefined(typeof(RedisplaysHiddenCharactersAttribute), inherit: false) == true;
            foreach (var (name, values) in request.Form)
            {
                foreach (var value in values)
                {
                    // Tabs and line breaks belong in multi-line notes; every other control character is refused.
                    if (TextRules.Find(value, multiLine: true) is not { } bad)
                    {
                        continue;
                    }

                    if (redisplays && name != "__RequestVerificationToken")
                    {
                        // The handler sees an invalid model state and shows the form again, as for any value it cannot take.
                        context.ModelState.AddModelError(name, text["TextUnsafeHere", TextRules.Name(bad.CodePoint), bad.Position].Value);
                        break;
                    }

                    context.Result = new ContentResult
                    {
                        StatusCode = StatusCodes.Status400BadRequest,
                        Content = text["TextUnsafeField", name, TextRules.Name(bad.CodePoint), bad.Position].Value,
                        ContentType = "text/plain; charset=utf-8",
                    };
                    return;
                }
            }
        }

        await next();
    }
}

/// <summary>
/// Marks a page handler that checks <c>ModelState.IsValid</c> before it changes anything and shows its
/// form again when it is not: a field with a hidden character then comes back with the reason beside it
/// instead of a bare 400 (<see cref="PageInputFilter"/>), and nothing the person typed is lost.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class RedisplaysHiddenCharactersAttribute : Attribute;
