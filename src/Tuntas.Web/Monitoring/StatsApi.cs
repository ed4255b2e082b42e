using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Tuntas.Data.Monitoring;
using Tuntas.Data.Verification;
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
        string? region, string? at, HttpContext context, HeadlineQuery query, TimeProvider time, CancellationToken ct)
    {
        var caller = context.GetCaller();
        var parsed = RegionCode.Parse(region);
        if (string.IsNullOrWhiteSpace(region) || !parsed.IsValid)
        {
            return ApiProblems.BadParameter("region", parsed.Error ?? "Give a region code, for example 64.74.");
        }

        var day = ClassificationService.Today(time.GetUtcNow().UtcDateTime);
        if (!string.IsNullOrWhiteSpace(at) && !DateOnly.TryParseExact(at, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day))
        {
            return ApiProblems.BadParameter("at", $"'{at}' is not a date; write it as YYYY-MM-DD.");
        }

        if (!caller.Scope.Contains(parsed.Value!))
        {
            return ApiProblems.NotFound($"Region {parsed.Value!.Value}");
        }

        var figures = await query.ComputeAsync(parsed.Value!, day, ct);
        return figures is null ? ApiProblems.NotFound($"Region {parsed.Value!.Value}") : TypedResults.Ok(figures);
    }
}
