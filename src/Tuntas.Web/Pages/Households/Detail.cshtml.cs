using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tuntas.Data.Registry;
using Tuntas.Domain.Regions;
using Tuntas.Domain.Registry;
using Tuntas.Web.Access;

namespace Tuntas.Web.Pages.Households;

/// <summary>One household: its card data and members, masked as the caller's role requires.</summary>
public sealed class DetailModel(RegisterQueries queries) : PageModel
{
    public Caller Caller { get; private set; } = null!;

    public Household Household { get; private set; } = null!;

    public IReadOnlyList<Region> Lineage { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string noKk, CancellationToken ct)
    {
        Caller = HttpContext.GetCaller();
        var parsed = NomorKk.Parse(noKk);
        var household = parsed.IsValid ? await queries.FindHouseholdAsync(Caller.Scope, parsed.Value!, ct) : null;
        if (household is null)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
            return Partial("_NotFoundPage");
        }

        Household = household;
        Lineage = await queries.LineageAsync(household.VillageCode, ct);
        return Page();
    }

    public string ShowNik(Nik nik) => Caller.MaySeeFullNik ? nik.Value : nik.Masked;
}
