using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tuntas.Data.Registry;
using Tuntas.Domain.Access;
using Tuntas.Domain.Regions;
using Tuntas.Domain.Registry;
using Tuntas.Web.Access;

namespace Tuntas.Web.Pages.Households;

/// <summary>The household list: search by No. KK, NIK or name, filter by region and status, page by page.</summary>
public sealed class IndexModel(
    RegisterQueries queries, Registry.SearchLimit searches,
    Microsoft.Extensions.Localization.IStringLocalizer<SharedResource> text) : PageModel
{
    public const int PageSize = 25;

    public Caller Caller { get; private set; } = null!;

    public Region? Region { get; private set; }

    public Page<HouseholdSummary> Result { get; private set; } = new([], 1, PageSize, 0);

    [BindProperty(SupportsGet = true, Name = "region")]
    public string? RegionText { get; set; }

    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Search { get; set; }

    [BindProperty(SupportsGet = true, Name = "status")]
    public string? StatusText { get; set; }

    [BindProperty(SupportsGet = true, Name = "page")]
    public int PageNumber { get; set; } = 1;

    /// <summary>Why the search text was refused (it holds a control or text-direction character), or null.</summary>
    public string? SearchError { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Caller = HttpContext.GetCaller();
        RegionCode? region = Caller.Scope.Region;
        if (!string.IsNullOrWhiteSpace(RegionText))
        {
            if (!RegionCode.TryParse(RegionText, out var parsed) || Caller.Scope.Narrow(parsed) is not { } narrowed)
            {
                Response.StatusCode = StatusCodes.Status404NotFound;
                return Partial("_NotFoundPage");
            }

            region = narrowed;
        }

        if (region is not null)
        {
            Region = await queries.FindRegionAsync(Caller.Scope, region, ct);
        }

        if (UnsafeText.Find(Search) is { } bad)
        {
            SearchError = text["SearchTextUnsafe", UnsafeText.Name(bad.CodePoint)];
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        var searching = !string.IsNullOrWhiteSpace(Search);
        if (searching && !Caller.MaySearchPeople)
        {
            SearchError = text["SearchNotForRole"];
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        if (searching && !searches.TryCount(Caller.UserName, out var wait))
        {
            SearchError = text["SearchTooMany", searches.PerWindow];
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
            return Page();
        }

        var status = HouseholdStatusNames.ParseWire(StatusText);
        Result = await queries.ListHouseholdsAsync(Caller.Scope, new HouseholdFilter(region, status, Search), Math.Max(1, PageNumber), PageSize, ct);
        var asked = string.Join(' ', new[] { region?.Value, status?.ToWire(), $"page {Result.PageNumber}" }.Where(p => p is not null));
        HttpContext.PersonalData().Search(Search).Describe(asked, Result.Items.Count, region?.Value);

        return Page();
    }

    public string PageLink(int page) => QueryString.Create(new Dictionary<string, string?>
    {
        ["region"] = Region?.Code.Value,
        ["q"] = string.IsNullOrWhiteSpace(Search) ? null : Search,
        ["status"] = string.IsNullOrWhiteSpace(StatusText) ? null : StatusText,
        ["page"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture),
    }.Where(p => p.Value is not null)).ToUriComponent();
}
