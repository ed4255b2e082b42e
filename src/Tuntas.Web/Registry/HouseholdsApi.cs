using Microsoft.AspNetCore.Http.HttpResults;
using Tuntas.Data.Registry;
using Tuntas.Domain.Access;
using Tuntas.Domain.Regions;
using Tuntas.Domain.Registry;
using Tuntas.Web.Access;
using Tuntas.Web.Common;

namespace Tuntas.Web.Registry;

public static class HouseholdsApi
{
    public const int DefaultPageSize = 50;

    public sealed record HouseholdListItemDto(
        string NoKk, string RegionCode, string RegionName, string Status, string? Address,
        string? HeadName, string? HeadNik, int Members, int? Desil, long? SpendingPerCapita);

    public sealed record HouseholdListDto(IReadOnlyList<HouseholdListItemDto> Items, int Page, int PageSize, int Total);

    public sealed record MemberDto(
        string Nik, string? Name, string Sex, string BirthDate, string Relation,
        string? Education, string? Occupation, string? Disability, string? HealthInsurance);

    public sealed record DesilDto(int Value, string Source, string Period);

    public sealed record HouseholdDto(
        string NoKk, string RegionCode, string? Address, string Status, long? SpendingPerCapita, DesilDto? Desil,
        DateTime CreatedAt, DateTime UpdatedAt, IReadOnlyList<MemberDto> Members);

    public static RouteGroupBuilder MapHouseholdsApi(this RouteGroupBuilder api)
    {
        api.MapGet("/households", List)
            .WithName("ListHouseholds")
            .WithSummary("Households in the caller's scope, filtered by region and status; q= finds a whole No. KK, NIK or name words (roles that see full NIKs only, limited per minute).")
            .WithTags("Households");
        api.MapGet("/households/{noKk}", Get)
            .WithName("GetHousehold")
            .WithSummary("One household with its members. Outside the caller's scope it is 404, like one that does not exist.")
            .WithTags("Households");
        return api;
    }

    private static async Task<Results<Ok<HouseholdListDto>, ProblemHttpResult, ValidationProblem>> List(
        string? region, string? status, string? q, int? page, int? pageSize, HttpContext context, RegisterQueries queries, SearchLimit searches, CancellationToken ct)
    {
        var caller = context.GetCaller();
        RegionCode? regionCode = null;
        if (!string.IsNullOrWhiteSpace(region))
        {
            var parsed = RegionCode.Parse(region);
            if (!parsed.IsValid)
            {
                return ApiProblems.BadParameter("region", parsed.Error!);
            }

            regionCode = caller.Scope.Narrow(parsed.Value);
            if (regionCode is null)
            {
                return ApiProblems.NotFound($"Region {parsed.Value!.Value}");
            }
        }

        HouseholdStatus? statusFilter = null;
        if (!string.IsNullOrWhiteSpace(status))
        {
            statusFilter = HouseholdStatusNames.ParseWire(status);
            if (statusFilter is null)
            {
                return ApiProblems.BadParameter("status", $"Unknown status '{status}'; use one of {string.Join(", ", Enum.GetValues<HouseholdStatus>().Select(s => s.ToWire()))}.");
            }
        }

        if (UnsafeText.Find(q) is { } bad)
        {
            return ApiProblems.BadParameter("q", $"q holds an invisible control or text-direction character ({UnsafeText.Name(bad.CodePoint)}) at position {bad.Position}; no name holds one.");
        }

        if (!string.IsNullOrWhiteSpace(q))
        {
            if (!caller.MaySearchPeople)
            {
                return ApiProblems.BadParameter("q", "Your role sees NIKs masked, so it cannot search by name, NIK or No. KK; filter by region and status instead.");
            }

            if (!searches.TryCount(caller.UserName, out var wait))
            {
                var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
                context.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
                return TypedResults.Problem(new Microsoft.AspNetCore.Mvc.ProblemDetails
                {
                    Status = StatusCodes.Status429TooManyRequests,
                    Title = "Too many searches",
                    Detail = $"Too many searches: at most {searches.PerWindow} a minute for one user. Try again in {seconds} seconds.",
                    Type = "https://www.rfc-editor.org/rfc/rfc6585#section-4",
                });
            }
        }

        if (page is < 1)
        {
            return ApiProblems.BadParameter("page", "page starts at 1.");
        }

        if (pageSize is < 1 or > RegisterQueries.MaxPageSize)
        {
            return ApiProblems.BadParameter("pageSize", $"pageSize must be between 1 and {RegisterQueries.MaxPageSize}.");
        }

        var result = await queries.ListHouseholdsAsync(
            caller.Scope, new HouseholdFilter(regionCode, statusFilter, q), page ?? 1, pageSize ?? DefaultPageSize, ct);
        var items = result.Items.Select(h => new HouseholdListItemDto(
            h.NoKk.Value, h.VillageCode.Value, h.VillageName, h.Status.ToWire(), caller.MaySeeNames ? h.Address : null,
            caller.MaySeeNames ? h.HeadName : null, h.HeadNik is null ? null : ShowNik(caller, h.HeadNik),
            h.MemberCount, h.Desil, h.SpendingPerCapita)).ToList();
        var asked = string.Join(' ', new[] { regionCode?.Value ?? caller.Scope.ToString(), status, $"page {result.PageNumber}" }.Where(p => !string.IsNullOrWhiteSpace(p)));
        context.PersonalData().Search(q).Describe(asked, items.Count, regionCode?.Value ?? caller.Scope.Region?.Value);
        return TypedResults.Ok(new HouseholdListDto(items, result.PageNumber, result.PageSize, result.Total));
    }

    private static async Task<Results<Ok<HouseholdDto>, ProblemHttpResult>> Get(
        string noKk, HttpContext context, RegisterQueries queries, CancellationToken ct)
    {
        var caller = context.GetCaller();
        var parsed = NomorKk.Parse(noKk);
        if (!parsed.IsValid)
        {
            return ApiProblems.NotFound($"Household {noKk}");
        }

        var household = await queries.FindHouseholdAsync(caller.Scope, parsed.Value!, ct);
        if (household is null)
        {
            return ApiProblems.NotFound($"Household {parsed.Value!.Value}");
        }

        context.PersonalData().Describe(household.NoKk.Value, region: household.VillageCode.Value);
        var members = household.Members
            .OrderBy(m => m.Relation).ThenBy(m => m.BirthDate)
            .Select(m => new MemberDto(
                ShowNik(caller, m.Nik.Value), caller.MaySeeNames ? m.Name : null, m.Sex.ToCode(),
                m.BirthDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), m.Relation.ToLabel(),
                m.Education, m.Occupation, m.Disability, m.HealthInsurance))
            .ToList();
        var desil = household.Desil is { } d ? new DesilDto(d, household.DesilSource!, household.DesilPeriod!) : null;
        return TypedResults.Ok(new HouseholdDto(
            household.NoKk.Value, household.VillageCode.Value, caller.MaySeeNames ? household.Address : null, household.Status.ToWire(),
            household.SpendingPerCapita, desil, household.CreatedAt, household.UpdatedAt, members));
    }

    private static string ShowNik(Caller caller, string nik) => caller.MaySeeFullNik ? nik : Nik.Mask(nik);
}
