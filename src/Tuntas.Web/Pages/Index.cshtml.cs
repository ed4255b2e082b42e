using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Tuntas.Web.Pages;

/// <summary>Beranda: until the dashboard exists, the region browser of the user's scope is home.</summary>
public sealed class IndexModel : PageModel
{
    public IActionResult OnGet() => Redirect("/wilayah");
}
