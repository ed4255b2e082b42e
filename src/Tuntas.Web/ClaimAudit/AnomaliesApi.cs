using Microsoft.AspNetCore.Http.HttpResults;
using Tuntas.Data.ClaimAudit;
using Tuntas.Domain.ClaimAudit;
using Tuntas.Domain.Regions;
using Tuntas.Web.Access;
using Tuntas.Web.Common;

namespace Tuntas.Web.ClaimAudit;

/// <summary>One anomaly flag, as <c>tuntas anomalies --json</c> prints it.</summary>
public sealed record AnomalyFlagResponse(string Kind, string Region, string? NoKk, string Detail, string Severity);

public sealed record AnomaliesResponse(IReadOnlyList<AnomalyFlagResponse> Flags);

/// <summary><c>GET /api/v1/anomalies?region=CODE&amp;from=DATE&amp;to=DATE</c>: where a claim looks like numbers on paper.</summary>
public static class AnomaliesApi
{
    public static RouteGroupBuilder MapAnomaliesApi(this RouteGroupBuilder api)
    {
        api.MapGet("/anomalies", Get)
            .WithName("GetAnomalies")
            .WithSummary("Anomaly flags of a region inside the caller's scope, for events between from and to (the whole history by default): exits without a visit, surges of exits before a target, outlying recorders, graduations without a programme, re-entries after graduation, photos reused across households, visits far from their village.")
            .WithTags("Claim audit");
        return api;
    }

    /// <summary>Reads the region and the window; the 400 answer naming the bad parameter when they cannot be read.</summary>
    public static ValidationProblem? ReadRegionAndWindow(string? region, string? from, string? to, out RegionCode code, out DateWindow window)
    {
        var parsed = RegionCode.Parse(region);
        code = parsed.Value!;
        window = DateWindow.All;
        if (string.IsNullOrWhiteSpace(region) || !parsed.IsValid)
        {
            return ApiProblems.BadParameter("region", parsed.Error ?? "Give a region code, for example 64.74.");
        }

        DateOnly? first = null, last = null;
        foreach (var (name, text) in new[] { ("from", from), ("to", to) })
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                continue;
            }

            var day = default(DateOnly);
            if (ApiProblems.ReadDay(name, text, ref day) is { } bad)
            {
                return bad;
            }

            if (name == "from")
            {
                first = day;
            }
            else
            {
                last = day;
            }
        }

        if (first > last)
        {
            return ApiProblems.BadParameter("from", $"'from' ({first:yyyy-MM-dd}) is after 'to' ({last:yyyy-MM-dd}).");
        }

        window = new DateWindow(first, last);
        return null;
    }

    private static async Task<Results<Ok<AnomaliesResponse>, ProblemHttpResult, ValidationProblem>> Get(
        string? region, string? from, string? to, HttpContext context, AnomalyQuery query, CancellationToken ct)
    {
        var caller = context.GetCaller();
        if (ReadRegionAndWindow(region, from, to, out var code, out var window) is { } bad)
        {
            return bad;
        }

        var report = await query.RunAsync(caller.Scope, code, window, ct);
        if (report is null)
        {
            return ApiProblems.NotFound($"Region {code.Value}");
        }

        return TypedResults.Ok(new AnomaliesResponse(
            report.Flags.Select(f => new AnomalyFlagResponse(f.Kind.ToWire(), f.Region.Value, f.NoKk, f.Detail, f.Severity.ToWire())).ToList()));
    }
}
