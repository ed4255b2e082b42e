using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Tuntas.Data.Monitoring;
using Tuntas.Data.Verification;
using Tuntas.Domain.Regions;
using Tuntas.Web.Common;

namespace Tuntas.Web.Public;

/// <summary>
/// <c>GET /api/v1/public/stats?region=CODE&amp;at=DATE</c>: the headline figures for anyone, without
/// a login; aggregates only, small desa/kelurahan counts withheld.
/// </summary>
public static class PublicStatsApi
{
    public static RouteGroupBuilder MapPublicStatsApi(this RouteGroupBuilder api)
    {
        api.MapGet("/public/stats", Get)
            .AllowAnonymous()
            .WithName("GetPublicStats")
            .WithSummary("Public headline figures of any region at the end of a day; no login. Below kecamatan level a count from 1 to 4 is null and the object says \"suppressed\": true.")
            .WithTags("Public");
        return api;
    }

    private static async Task<Results<Ok<PublicFigures>, ProblemHttpResult, ValidationProblem>> Get(
        string? region, string? at, PublicFiguresQuery query, TimeProvider time, CancellationToken ct)
    {
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

        var figures = await query.FiguresAsync(parsed.Value!, day, ct);
        return figures is null ? ApiProblems.NotFound($"Region {parsed.Value!.Value}") : TypedResults.Ok(figures);
    }
}
