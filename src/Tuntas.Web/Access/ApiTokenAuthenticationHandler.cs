using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Tuntas.Data.Access;

namespace Tuntas.Web.Access;

/// <summary>Authenticates machine clients by <c>Authorization: Bearer TOKEN</c>.</summary>
internal sealed class ApiTokenAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, ApiTokens tokens)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiToken";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }

        var user = await tokens.FindUserAsync(header["Bearer ".Length..].Trim(), Context.RequestAborted);
        if (user is null)
        {
            return AuthenticateResult.Fail("The API token is unknown, expired or revoked.");
        }

        var identity = new ClaimsIdentity(Caller.ClaimsFor(user.Id, user.UserName!, user.Role, user.RegionCode, user.ProgrammeCode), SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer";
        return Task.CompletedTask;
    }
}
