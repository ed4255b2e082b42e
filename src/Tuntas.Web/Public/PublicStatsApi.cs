using Microsoft.AspNetCore.Http.HttpResults;
using Tuntas.Data.Monitoring;
using Tuntas.Domain.Regions;
using Tuntas.Web.Common;

namespace Tuntas.Web.Public;

/// <summary>
/// <c>GET /api/v1/public/stats?region=CODE&amp;at=DATE</c>: the headline figures for anyone, without
/// a login; aggregates only, small desa/kelurahan counts withheld, and a desa's count withheld
/// wherever its kecamatan's public list withholds it (<see cref="SiblingWithholding"/>).
/// </summary>
public static class PublicStatsApi
{
    public static RouteGroupBuilder MapPublicStatsApi(this RouteGroupBuilder api)
    {
        api.MapGet("/public/stats", Get)
            .AllowAnonymous()
            .WithName("GetPublicStats")
            .WithSummary("Public headline figures of any region at the end of a day; no login. Below kecamatan level a count from 1 to 4 is null and the object says \"suppressed\": true; so is a desa's household count that its kecamatan's public list withholds beside another desa's small one.")
            .WithTags("Public");
        return api;
    }

    private static async Task<Results<Ok<PublicFigures>, ProblemHttpResult, ValidationProblem>> Get(
        string? region, string? at, PublicFiguresQuery query, RegionClock clock, CancellationToken ct)
    {
        if (ApiProblems.ReadRegionAndDay(region, at, clock, out var code, out var day) is { } bad)
        {
            return bad;
        }

        var figures = await query.FiguresWithSiblingsAsync(code, day, ct);
        return figures is null ? ApiProblems.NotFound($"Region {code.Value}") : TypedResults.Ok(figures);
    }
}
