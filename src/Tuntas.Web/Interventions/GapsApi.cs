using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Tuntas.Data.Interventions;
using Tuntas.Data.Verification;
using Tuntas.Domain.Regions;
using Tuntas.Web.Access;
using Tuntas.Web.Common;

namespace Tuntas.Web.Interventions;

/// <summary>The gaps of a region on a day, as <c>tuntas gaps --json</c> prints them.</summary>
public sealed record GapsResponse(
    string Region, string RegionName, DateOnly At, int ExtremePoorHouseholds, int WithoutAnyIntervention, int InHandling,
    IReadOnlyDictionary<string, int> ByStrategy, IReadOnlyList<MissingNeedResponse> MissingNeeded, int Leakage);

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
        string? region, string? at, HttpContext context, GapsQuery query, TimeProvider time, CancellationToken ct)
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

        var report = await query.ComputeAsync(parsed.Value!, day, ct);
        if (report is null)
        {
            return ApiProblems.NotFound($"Region {parsed.Value!.Value}");
        }

        return TypedResults.Ok(new GapsResponse(
            report.Region, report.RegionName, report.At, report.ExtremePoorHouseholds, report.WithoutAnyIntervention, report.InHandling, report.ByStrategy,
            report.MissingNeeded.Select(m => new MissingNeedResponse(m.Programme, m.Need, m.Name, m.Alternatives, m.Households)).ToList(),
            report.Leakage));
    }
}
