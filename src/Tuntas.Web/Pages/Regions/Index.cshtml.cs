using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tuntas.Data.Registry;
using Tuntas.Domain.Regions;
using Tuntas.Web.Access;

namespace Tuntas.Web.Pages.Regions;

/// <summary>The region browser: provinsi → kabupaten/kota → kecamatan → desa/kelurahan, with household counts.</summary>
public sealed class IndexModel(RegisterQueries queries) : PageModel
{
    public Caller Caller { get; private set; } = null!;

    public Region? Current { get; private set; }

    public IReadOnlyList<Region> Lineage { get; private set; } = [];

    public IReadOnlyList<RegionCount> Children { get; private set; } = [];

    public int TotalHouseholds => Children.Sum(c => c.Households);

    public int TotalPeople => Children.Sum(c => c.People);

    public async Task<IActionResult> OnGetAsync(string? code, CancellationToken ct)
    {
        Caller = HttpContext.GetCaller();
        if (string.IsNullOrWhiteSpace(code))
        {
            if (Caller.Scope.Region is { } home)
            {
                return Redirect($"/wilayah/{home.Value}");
            }
        }
        else
        {
            if (!RegionCode.TryParse(code, out var parsed))
            {
                return NotFoundPage();
            }

            if (parsed.Value != code)
            {
                return Redirect($"/wilayah/{parsed.Value}");
            }

            Current = await queries.FindRegionAsync(Caller.Scope, parsed, ct);
            if (Current is null)
            {
                return NotFoundPage();
            }

            Lineage = await queries.LineageAsync(parsed, ct);
        }

        Children = Current?.Level == RegionLevel.Village ? [] : await queries.ChildrenWithCountsAsync(Caller.Scope, Current?.Code, ct);
        return Page();
    }

    private PartialViewResult NotFoundPage()
    {
        Response.StatusCode = StatusCodes.Status404NotFound;
        return Partial("_NotFoundPage");
    }
}
