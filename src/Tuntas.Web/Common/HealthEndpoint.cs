using Microsoft.AspNetCore.Http.HttpResults;
using Tuntas.Data;

namespace Tuntas.Web.Common;

public static class HealthEndpoint
{
    /// <summary><c>GET /health</c>: 200 when the database answers, 503 when it does not.</summary>
    public static IEndpointRouteBuilder MapHealthEndpoint(this IEndpointRouteBuilder app)
    {
        app.MapGet("/health", async Task<Results<Ok<HealthStatus>, JsonHttpResult<HealthStatus>>> (TuntasDbContext db, CancellationToken ct) =>
            {
                var up = await db.Database.CanConnectAsync(ct);
                return up
                    ? TypedResults.Ok(new HealthStatus("ok", "up"))
                    : TypedResults.Json(new HealthStatus("unavailable", "down"), statusCode: StatusCodes.Status503ServiceUnavailable);
            })
            .WithName("Health")
            .WithSummary("Answers 200 when the database answers.")
            .AllowAnonymous();
        return app;
    }

    public sealed record HealthStatus(string Status, string Database);
}
