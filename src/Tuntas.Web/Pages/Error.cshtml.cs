using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Tuntas.Web.Pages;

public sealed class ErrorModel : PageModel
{
    public void OnGet()
    {
    }
}
