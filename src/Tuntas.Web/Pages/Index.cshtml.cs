using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tuntas.Web.Access;

namespace Tuntas.Web.Pages;

/// <summary>
/// Beranda: the dashboard of the user's own region. A user scoped to the whole country has no
/// region of their own, so they start at the region browser and pick one there.
/// </summary>
public sealed class IndexModel : PageModel
{
    public IActionResult OnGet() => Redirect(HomeOf(HttpContext.GetCaller()));

    /// <summary>Where a signed-in user lands: <c>/dasbor/{region}</c>, or <c>/wilayah</c> for a national scope.</summary>
    public static string HomeOf(Caller caller) =>
        caller.Scope.Region is { } region ? $"/dasbor/{region.Value}" : "/wilayah";
}
