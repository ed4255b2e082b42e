using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using Tuntas.Web.Access;
using Tuntas.Web.Public;

namespace Tuntas.Web.Common;

/// <summary>
/// Per-address limits on what anyone can send without being known: sign-in attempts, API calls with
/// a token that is not valid, and the anonymous public figures API, beside the public form's own
/// limit (<see cref="PublicSubmissionLimit"/>). Over a limit the answer is 429 with <c>Retry-After</c>:
/// plain words for a page, problem details for the API. The address is the one
/// <see cref="TrustedProxies"/> settled on, so residents behind one proxy are counted apart.
/// </summary>
/// <remarks>
/// Wrong passwords for one account are counted per account and address (<see cref="Access.SignInThrottle"/>);
/// the sign-in limit stops one address from trying many accounts. Each count lives as long as the app (one process).
/// </remarks>
public sealed class AbuseLimits
{
    /// <summary>Configuration section of the limits (environment: <c>Tuntas__Limits__SignIn=20</c> and so on).</summary>
    public const string Section = "Tuntas:Limits";

    public static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    /// <summary>Sign-in posts one address may send in <see cref="Window"/>.</summary>
    public int SignIn { get; init; } = 10;

    /// <summary>Requests with an unknown, expired or revoked API token one address may send in <see cref="Window"/>; after that its requests with a bad token are answered 429 until the window ends (valid tokens still pass).</summary>
    public int BadTokens { get; init; } = 10;

    /// <summary>Calls of the anonymous public figures API one address may make in <see cref="Window"/>.</summary>
    public int PublicStats { get; init; } = 60;

    /// <summary>Household searches by name, NIK or No. KK (<c>q=</c>) one user may make in <see cref="Window"/>, pages and API together.</summary>
    public int Searches { get; init; } = 30;

    /// <summary>Reads the limits; a value that is not a whole number from 1 up stops the server, named in the message.</summary>
    public static AbuseLimits From(IConfiguration configuration)
    {
        var section = configuration.GetSection(Section);
        return new AbuseLimits
        {
            SignIn = Read(section, nameof(SignIn), 10),
            BadTokens = Read(section, nameof(BadTokens), 10),
            PublicStats = Read(section, nameof(PublicStats), 60),
            Searches = Read(section, nameof(Searches), 30),
        };
    }

    /// <summary>The key an address is counted under: IPv4 as it is, IPv6 by its /64 network, which one subscriber usually holds whole.</summary>
    public static string ClientOf(HttpContext context)
    {
        var address = context.Connection.RemoteIpAddress;
        if (address is null)
        {
            return "unknown";
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }

        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }

    public static bool IsSignIn(HttpRequest request) =>
        HttpMethods.IsPost(request.Method) && request.Path.StartsWithSegments("/masuk");

    public static bool IsPublicStats(HttpRequest request) => request.Path.StartsWithSegments("/api/v1/public");

    /// <summary>The limiter of sign-in posts and public figures calls; every other request passes.</summary>
    public PartitionedRateLimiter<HttpContext> CreateRequestLimiter() => PartitionedRateLimiter.Create<HttpContext, string>(context =>
        IsSignIn(context.Request) ? Fixed("sign-in " + ClientOf(context), SignIn)
        : IsPublicStats(context.Request) ? Fixed("public " + ClientOf(context), PublicStats)
        : RateLimitPartition.GetNoLimiter(""));

    /// <summary>Answers a request over one of the limits.</summary>
    public static async ValueTask OnRejectedAsync(OnRejectedContext context, CancellationToken ct)
    {
        var http = context.HttpContext;
        if (PublicSubmissionLimit.IsPublicSubmission(http.Request))
        {
            await PublicSubmissionLimit.OnRejectedAsync(context, ct);
            return;
        }

        var wait = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : Window;
        await TooManyAsync(http, wait, ct);
    }

    /// <summary>Writes the 429 answer: problem details under <c>/api</c>, plain words elsewhere.</summary>
    public static async Task TooManyAsync(HttpContext http, TimeSpan wait, CancellationToken ct)
    {
        var response = http.Response;
        var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
        response.StatusCode = StatusCodes.Status429TooManyRequests;
        response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        if (http.Request.Path.StartsWithSegments("/api"))
        {
            await response.WriteAsJsonAsync(
                new ProblemDetails
                {
                    Status = StatusCodes.Status429TooManyRequests,
                    Title = "Too many requests",
                    Detail = $"Too many requests from this address. Try again in {seconds} seconds.",
                    Type = "https://www.rfc-editor.org/rfc/rfc6585#section-4",
                },
                (System.Text.Json.JsonSerializerOptions?)null,
                "application/problem+json",
                ct);
            return;
        }

        response.ContentType = "text/plain; charset=utf-8";
        var text = http.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
        await response.WriteAsync(text["TooManyAttempts"], ct);
    }

    private static RateLimitPartition<string> Fixed(string key, int permits) => RateLimitPartition.GetFixedWindowLimiter(
        key, _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = Window, QueueLimit = 0 });

    private static int Read(IConfigurationSection section, string name, int fallback)
    {
        var value = section[name];
        if (string.IsNullOrWhiteSpace(value))
        {
            return fallback;
        }

        return int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= 1
            ? n
            : throw new ArgumentException($"{Section}:{name}: \"{value}\" is not a whole number from 1 up.");
    }
}

/// <summary>
/// Counts API requests whose bearer token was refused (401), per address; once an address has used up
/// <see cref="AbuseLimits.BadTokens"/> in the window, every request from it whose bearer token is not
/// valid is answered 429, so guessing tokens costs a minute per handful; a valid token is never held
/// back by someone else's failures from the same address.
/// </summary>
public sealed class BadTokenLimit(AbuseLimits limits) : IDisposable
{
    private readonly PartitionedRateLimiter<string> limiter = PartitionedRateLimiter.Create<string, string>(client =>
        RateLimitPartition.GetFixedWindowLimiter(client, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = limits.BadTokens,
            Window = AbuseLimits.Window,
            QueueLimit = 0,
        }));

    /// <summary>Runs before authentication: refuses a spent address, and counts a refused token after the request.</summary>
    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        if (!context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            await next(context);
            return;
        }

        var client = AbuseLimits.ClientOf(context);
        if (limiter.GetStatistics(client)?.CurrentAvailablePermits <= 0
            && !(await context.AuthenticateAsync(ApiTokenAuthenticationHandler.SchemeName)).Succeeded)
        {
            // Only the bad tokens are held back: a valid token from the same address (an office behind
            // one NAT address) still works. The handler keeps its answer for the rest of the request.
            await AbuseLimits.TooManyAsync(context, AbuseLimits.Window, context.RequestAborted);
            return;
        }

        await next(context);
        if (context.Response.StatusCode == StatusCodes.Status401Unauthorized)
        {
            using var lease = limiter.AttemptAcquire(client);
        }
    }

    public void Dispose() => limiter.Dispose();
}

public static class AbuseLimitsSetup
{
    /// <summary>Registers the public form's limit, the sign-in and public API limits, and the bad-token count.</summary>
    public static IServiceCollection AddAbuseLimits(this IServiceCollection services)
    {
        services.AddSingleton(provider => AbuseLimits.From(provider.GetRequiredService<IConfiguration>()));
        services.AddSingleton<BadTokenLimit>();
        services.AddSingleton<Registry.SearchLimit>();
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<AbuseLimits>((o, limits) =>
        {
            o.GlobalLimiter = PartitionedRateLimiter.CreateChained(PublicSubmissionLimit.Create(), limits.CreateRequestLimiter());
            o.OnRejected = AbuseLimits.OnRejectedAsync;
        });
        return services;
    }

    /// <summary>Place before authentication, after the forwarded headers.</summary>
    public static IApplicationBuilder UseBadTokenLimit(this IApplicationBuilder app)
    {
        var limit = app.ApplicationServices.GetRequiredService<BadTokenLimit>();
        return app.Use((context, next) => limit.InvokeAsync(context, next));
    }
}
