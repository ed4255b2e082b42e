using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Tuntas.Data.Access;

namespace Tuntas.Web.Pages.Account;

/// <summary>The second sign-in step for a user with an authenticator app: the six-digit code.</summary>
public sealed class LoginTwoFactorModel(SignInManager<TuntasUser> signIn, IStringLocalizer<SharedResource> text) : PageModel
{
    public string? Error { get; private set; }

    public string ReturnUrl { get; private set; } = "/";

    public async Task<IActionResult> OnGetAsync(string? returnUrl)
    {
        ReturnUrl = SafeReturnUrl(returnUrl);
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is null)
        {
            // Reached without the password step (or after it expired): say where to start.
            Error = text["TwoFactorSignInFirst"];
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string? code, string? returnUrl)
    {
        ReturnUrl = SafeReturnUrl(returnUrl);
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is null)
        {
            return Redirect("/masuk");
        }

        var cleaned = new string((code ?? string.Empty).Where(char.IsAsciiDigit).ToArray());
        var result = await signIn.TwoFactorAuthenticatorSignInAsync(cleaned, isPersistent: false, rememberClient: false);
        if (result.Succeeded)
        {
            return LocalRedirect(ReturnUrl);
        }

        Error = result.IsLockedOut ? text["LockedOut"] : text["TwoFactorWrongCode"];
        return Page();
    }

    private string SafeReturnUrl(string? url) => !string.IsNullOrEmpty(url) && Url.IsLocalUrl(url) ? url : "/";
}
