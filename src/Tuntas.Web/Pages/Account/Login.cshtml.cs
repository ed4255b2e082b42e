using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Tuntas.Data.Access;

namespace Tuntas.Web.Pages.Account;

public sealed class LoginModel(SignInManager<TuntasUser> signIn, IStringLocalizer<SharedResource> text) : PageModel
{
    public string? Error { get; private set; }

    public string? UserName { get; private set; }

    public string ReturnUrl { get; private set; } = "/";

    public void OnGet(string? returnUrl) => ReturnUrl = SafeReturnUrl(returnUrl);

    public async Task<IActionResult> OnPostAsync(string? username, string? password, bool rememberMe, string? returnUrl)
    {
        ReturnUrl = SafeReturnUrl(returnUrl);
        UserName = username;
        if (string.IsNullOrWhiteSpace(username) || string.IsNullOrEmpty(password))
        {
            Error = text["LoginFailed"];
            return Page();
        }

        var result = await signIn.PasswordSignInAsync(username.Trim(), password, rememberMe, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            return LocalRedirect(ReturnUrl);
        }

        if (result.RequiresTwoFactor)
        {
            return Redirect("/masuk/2fa" + QueryString.Create("returnUrl", ReturnUrl).ToUriComponent());
        }

        Error = result.IsLockedOut ? text["LockedOut"] : text["LoginFailed"];
        return Page();
    }

    private string SafeReturnUrl(string? url) => !string.IsNullOrEmpty(url) && Url.IsLocalUrl(url) ? url : "/";
}
