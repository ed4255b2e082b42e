using Microsoft.AspNetCore.Http.HttpResults;
using Tuntas.Data.Interventions;
using Tuntas.Domain.Regions;
using Tuntas.Web.Access;
using Tuntas.Web.Common;

namespace Tuntas.Web.Interventions;

/// <summary>The gaps of a region on a day, as <c>tuntas gaps --json</c> prints them.</summary>
public sealed record GapsResponse(
    string Region, string RegionName, DateOnly At, int ExtremePoorHouseholds, int WithoutAnyIntervention, int InHandling,
    IReadOnlyDictionary<string, int> ByStrategy, IReadOnlyList<MissingNeedResponse> MissingNeeded, int Leakage,
    string LeakageRule, IReadOnlyList<ExclusionError> ExclusionError, string ExclusionRule);

public sealed record MissingNeedResponse(string Programme, string Need, string Name, IReadOnlyList<string> Alternatives, int Households);

/// <summary><c>GET /api/v1/gaps?region=CODE&amp;at=DATE</c>: who still gets nothing, aggregates only.</summary>
public static class GapsApi
{
    public static RouteGroupBuilder MapGapsApi(this RouteGroupBuilder api)
    {
        api.MapGet("/gaps", Get)
            .WithName("GetGaps")
            .WithSummary("Extreme-poor households no programme has reached, needs not yet met, households in handling and leakage, for a region inside the caller's scope at the end of a day.")
            .WithTags("Interventions");
        return api;
    }

    private static async Task<Results<Ok<GapsResponse>, ProblemHttpResult, ValidationProblem>> Get(
        string? region, string? at, HttpContext context, GapsQuery query, RegionClock clock, CancellationToken ct)
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

        var report = await query.ComputeAsync(code, day, ct);
        if (report is null)
        {
            return ApiProblems.NotFound($"Region {code.Value}");
        }

        return TypedResults.Ok(new GapsResponse(
            report.Region, report.RegionName, report.At, report.ExtremePoorHouseholds, report.WithoutAnyIntervention, report.InHandling, report.ByStrategy,
            report.MissingNeeded.Select(m => new MissingNeedResponse(m.Programme, m.Need, m.Name, m.Alternatives, m.Households)).ToList(),
            report.Leakage, report.LeakageRule, report.ExclusionError, report.ExclusionRule));
    }
}
