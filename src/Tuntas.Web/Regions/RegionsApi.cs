using Microsoft.AspNetCore.Http.HttpResults;
using Tuntas.Data.Registry;
using Tuntas.Domain.Regions;
using Tuntas.Web.Access;
using Tuntas.Web.Common;

namespace Tuntas.Web.Regions;

public static class RegionsApi
{
    public sealed record RegionDto(string Code, string Name, string Level, int Households, int People);

    public sealed record RegionListDto(string? Parent, IReadOnlyList<RegionDto> Regions);

    public static RouteGroupBuilder MapRegionsApi(this RouteGroupBuilder api)
    {
        api.MapGet("/regions", GetChildren)
            .WithName("ListRegions")
            .WithSummary("The children of a region (the provinces without parent) that the caller may see, with household and people counts.")
            .WithTags("Regions");
        return api;
    }

    private static async Task<Results<Ok<RegionListDto>, NotFound<Microsoft.AspNetCore.Mvc.ProblemDetails>, ProblemHttpResult, ValidationProblem>> GetChildren(
        string? parent, HttpContext context, RegisterQueries queries, CancellationToken ct)
    {
        var caller = context.GetCaller();
        RegionCode? parentCode = null;
        if (!string.IsNullOrWhiteSpace(parent))
        {
            var parsed = RegionCode.Parse(parent);
            if (!parsed.IsValid)
            {
                return ApiProblems.BadParameter("parent", parsed.Error!);
            }

            parentCode = parsed.Value!;
            var visible = caller.Scope.Contains(parentCode) || parentCode.Contains(caller.Scope.Region ?? parentCode);
            if (!visible || await queries.LineageAsync(parentCode, ct) is not { Count: > 0 } lineage || lineage[^1].Code != parentCode)
            {
                return ApiProblems.NotFound($"Region {parentCode.Value}");
            }
        }

        var children = await queries.ChildrenWithCountsAsync(caller.Scope, parentCode, ct);
        return TypedResults.Ok(new RegionListDto(
            parentCode?.Value,
            children.Select(c => new RegionDto(c.Code.Value, c.Name, c.Level.ToWire(), c.Households, c.People)).ToList()));
    }
}
