using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.Extensions.Localization;

namespace Tuntas.Web.Access;

/// <summary>
/// A signed-in caller whose role an endpoint is not for gets 404, not 403: the same answer as a
/// record outside their region, so that nobody learns what exists beyond their reach (contracts §6).
/// Callers who are not signed in are still challenged (401 on the API, the sign-in page elsewhere).
/// </summary>
internal sealed class OtherRolesNotFound(IStringLocalizer<SharedResource> text) : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler fallback = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (!authorizeResult.Forbidden || context.User.Identity?.IsAuthenticated != true)
        {
            await fallback.HandleAsync(next, context, policy, authorizeResult);
            return;
        }

        context.Response.StatusCode = StatusCodes.Status404NotFound;
        if (context.Request.Path.StartsWithSegments("/api"))
        {
            await Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not Found").ExecuteAsync(context);
            return;
        }

        var title = System.Net.WebUtility.HtmlEncode(text["NotFoundTitle"]);
        context.Response.ContentType = "text/html; charset=utf-8";
        await context.Response.WriteAsync(
            $"<!DOCTYPE html><html lang=\"id\"><head><meta charset=\"utf-8\"><title>{title}</title></head><body><h1>{title}</h1><p><a href=\"/\">Tuntas</a></p></body></html>",
            context.RequestAborted);
    }
}

public static class EndpointAccessSetup
{
    /// <summary>The access policies of <see cref="EndpointAccess"/> and the 404 for other roles.</summary>
    public static IServiceCollection AddEndpointAccess(this IServiceCollection services)
    {
        services.AddAuthorization(EndpointAccess.AddPolicies);
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, OtherRolesNotFound>();
        return services;
    }
}
