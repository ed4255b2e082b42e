using Microsoft.AspNetCore.Http.HttpResults;
using Tuntas.Data.Monitoring;
using Tuntas.Domain.Regions;
using Tuntas.Web.Access;
using Tuntas.Web.Common;

namespace Tuntas.Web.Monitoring;

/// <summary><c>GET /api/v1/stats?region=CODE&amp;at=DATE</c>: the headline figures of contracts §4.</summary>
public static class StatsApi
{
    public static RouteGroupBuilder MapStatsApi(this RouteGroupBuilder api)
    {
        api.MapGet("/stats", Get)
            .WithName("GetStats")
            .WithSummary("Headline figures of a region (any level inside the caller's scope) at the end of a day, from the dated status history.")
            .WithTags("Monitoring");
        return api;
    }

    private static async Task<Results<Ok<HeadlineFigures>, ProblemHttpResult, ValidationProblem>> Get(
        string? region, string? at, HttpContext context, HeadlineQuery query, RegionClock clock, CancellationToken ct)
    {
        var caller = context.GetCaller();
        if (ApiProblems.ReadRegionAndDay(region, at, clock, out var code, out var day) is { } bad)
        {
            return bad;
        }

        if (!caller.Scope.Contains(code))
        {
            return ApiProblems.NotFound($"Region {code.Value}");
        }

        var figures = await query.ComputeAsync(code, day, ct);
        return figures is null ? ApiProblems.NotFound($"Region {code.Value}") : TypedResults.Ok(figures);
    }
}
