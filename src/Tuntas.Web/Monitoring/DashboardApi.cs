using Microsoft.AspNetCore.Http.HttpResults;
using Tuntas.Data.Monitoring;
using Tuntas.Domain.Regions;
using Tuntas.Web.Access;
using Tuntas.Web.Common;

namespace Tuntas.Web.Monitoring;

/// <summary>
/// <c>GET /api/v1/dashboard?region=CODE&amp;at=DATE[&amp;from=DATE&amp;to=DATE]</c>: what the dashboard
/// shows (headline, exits in the period, target, 24-month trend, projection, population, child
/// regions), read from the maintained day counts. Aggregates only; scoped like every endpoint.
/// </summary>
public static class DashboardApi
{
    public static RouteGroupBuilder MapDashboardApi(this RouteGroupBuilder api)
    {
        api.MapGet("/dashboard", Get)
            .WithName("GetDashboard")
            .WithSummary("The dashboard of a region inside the caller's scope at the end of a day: headline, exits in a period (the as-of year by default), target, trend, projection and child regions.")
            .WithTags("Monitoring");
        return api;
    }

    private static async Task<Results<Ok<DashboardReport>, ProblemHttpResult, ValidationProblem>> Get(
        string? region, string? at, string? from, string? to, HttpContext context, DashboardQuery query, Tuntas.Data.ClaimAudit.ClaimAuditQueries claimAudits, RegionClock clock, CancellationToken ct)
    {
        var caller = context.GetCaller();
        if (ApiProblems.ReadRegionAndDay(region, at, clock, out var code, out var day) is { } bad)
        {
            return bad;
        }

        var start = new DateOnly(day.Year, 1, 1);
        var end = day;
        if ((from is not null ? ApiProblems.ReadDay("from", from, ref start) : null) is { } badFrom)
        {
            return badFrom;
        }

        if ((to is not null ? ApiProblems.ReadDay("to", to, ref end) : null) is { } badTo)
        {
            return badTo;
        }

        if (start > end)
        {
            return ApiProblems.BadParameter("from", "The period starts after it ends; give from on or before to.");
        }

        if (!caller.Scope.Contains(code))
        {
            return ApiProblems.NotFound($"Region {code.Value}");
        }

        var report = await query.ReportAsync(code, day, start, end, ct);
        if (report is null)
        {
            return ApiProblems.NotFound($"Region {code.Value}");
        }

        var audits = await claimAudits.BesideHeadlineAsync(code, day, ct);
        return TypedResults.Ok(report with { ClaimAudits = audits.Select(Tuntas.Data.Reports.ClaimAuditFigures.Of).ToList() });
    }
}
