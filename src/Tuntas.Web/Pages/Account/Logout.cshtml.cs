using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tuntas.Data.Access;

namespace Tuntas.Web.Pages.Account;

/// <summary>
/// <c>POST /keluar</c> signs out. The layout's form carries an antiforgery token, but the token is not
/// required: a forged sign-out can only sign someone out, while a required token would keep a person
/// signed in on a shared village-office computer once the antiforgery cookie expired or was cleared.
/// <c>GET /keluar</c> changes nothing (a link or a prefetch must not sign anyone out).
/// </summary>
[IgnoreAntiforgeryToken]
public sealed class LogoutModel(SignInManager<TuntasUser> signIn) : PageModel
{
    public IActionResult OnGet() => Redirect("/");

    public async Task<IActionResult> OnPostAsync()
    {
        await signIn.SignOutAsync();
        return Redirect("/masuk");
    }
}
