using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tuntas.Data.Registry;
using Tuntas.Domain.Common;
using Tuntas.Domain.Regions;
using Tuntas.Web.Access;

namespace Tuntas.Web.Interventions;

/// <summary>
/// A screen about one region on one day: reads <c>region</c> (narrowed to the caller's scope; a
/// region outside it is not found) and <c>at</c> (default today), which the heading names
/// ("Kota Bontang · per 9 April 2025").
/// </summary>
public abstract class RegionPageModel : PageModel
{
    private readonly RegisterQueries register;
    private readonly RegionClock clock;

    protected RegionPageModel(RegisterQueries register, RegionClock clock)
    {
        this.register = register;
        this.clock = clock;
    }

    public Caller Caller { get; protected set; } = null!;

    /// <summary>The register's read queries, for screens that list households or regions.</summary>
    protected RegisterQueries Register => register;

    public Region? Region { get; protected set; }

    public DateOnly Today { get; private set; }

    public DateOnly At { get; protected set; }

    [BindProperty(SupportsGet = true, Name = "region")]
    public string? RegionText { get; set; }

    [BindProperty(SupportsGet = true, Name = "at")]
    public string? AtText { get; set; }

    [BindProperty(SupportsGet = true, Name = "format")]
    public string? Format { get; set; }

    public bool WantsXlsx => string.Equals(Format, "xlsx", StringComparison.OrdinalIgnoreCase);

    public bool WantsCsv => string.Equals(Format, "csv", StringComparison.OrdinalIgnoreCase);

    /// <summary>The screen's table as a file rather than the page: <c>format=xlsx</c> or <c>format=csv</c>.</summary>
    public bool WantsExport => WantsXlsx || WantsCsv;

    /// <summary>
    /// Reads the caller, the region and the day. False means "answer 404": a role the screen is not
    /// for, a region outside the scope or unknown, or a day that is not a date. A national caller
    /// without a region gets <see cref="Region"/> null and chooses one on the page.
    /// </summary>
    protected async Task<bool> ResolveAsync(Func<Caller, bool> allowed, CancellationToken ct)
    {
        Caller = HttpContext.GetCaller();
        Today = clock.Today();
        if (!allowed(Caller))
        {
            return false;
        }

        At = Today;
        if (!string.IsNullOrWhiteSpace(AtText))
        {
            if (!DateText.TryParse(AtText, out var at))
            {
                return false;
            }

            At = at;
        }

        RegionCode? code = Caller.Scope.Region;
        if (!string.IsNullOrWhiteSpace(RegionText))
        {
            if (!RegionCode.TryParse(RegionText.Trim(), out var parsed) || Caller.Scope.Narrow(parsed) is not { } narrowed)
            {
                return false;
            }

            code = narrowed;
        }

        if (code is null)
        {
            return true;
        }

        Region = await register.FindRegionAsync(Caller.Scope, code, ct);
        return Region is not null;
    }

    /// <summary>False when a region was asked for and the scope answered with another (a narrowed ancestor).</summary>
    protected bool AskedFor(Region? region) =>
        string.IsNullOrWhiteSpace(RegionText) || region is null || (RegionCode.TryParse(RegionText.Trim(), out var asked) && asked == region.Code);

    public static string Day(DateOnly day) => DateText.Iso(day);

    /// <summary>Reads a day written as <c>YYYY-MM-DD</c> (the value of a date field); false for anything else.</summary>
    public static bool TryDay(string? text, out DateOnly day) => DateText.TryParse(text, out day);

    protected PartialViewResult NotFoundPage()
    {
        Response.StatusCode = StatusCodes.Status404NotFound;
        return Partial("_NotFoundPage");
    }
}
