using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Tuntas.Data.Access;
using Tuntas.Web.Access;
using Tuntas.Web.Common;

namespace Tuntas.Web.Pages.Account;

/// <summary>
/// The sign-in form. An unknown name costs the same password hashing as a known one (so the time of
/// the answer does not tell which names exist); wrong passwords are counted per name and address
/// (<see cref="SignInThrottle"/>), never locking the account itself; a disabled account is named as
/// such only to someone who typed its right password.
/// </summary>
public sealed class LoginModel(
    SignInManager<TuntasUser> signIn, SignInThrottle throttle, IStringLocalizer<SharedResource> text) : PageModel
{
    /// <summary>A stand-in account whose hash an unknown name is checked against, made once with the real hasher.</summary>
    private static readonly Lazy<(TuntasUser User, string Hash)> Stand = new(() =>
    {
        var user = new TuntasUser { UserName = "-" };
        return (user, new PasswordHasher<TuntasUser>().HashPassword(user, Guid.NewGuid().ToString("N")));
    });

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

        var name = username.Trim();
        var client = AbuseLimits.ClientOf(HttpContext);
        if (throttle.WaitFor(name, client) is { } wait && wait > TimeSpan.Zero)
        {
            Error = text["SignInWait", Math.Max(1, (int)Math.Ceiling(wait.TotalMinutes))];
            return Page();
        }

        var users = signIn.UserManager;
        var user = await users.FindByNameAsync(name);
        if (user is null)
        {
            // The same hashing work as a wrong password for a real account.
            users.PasswordHasher.VerifyHashedPassword(Stand.Value.User, Stand.Value.Hash, password);
            throttle.Failed(name, client);
            Error = text["LoginFailed"];
            return Page();
        }

        var result = await signIn.PasswordSignInAsync(user, password, rememberMe, lockoutOnFailure: false);
        if (result.Succeeded || result.RequiresTwoFactor)
        {
            throttle.Succeeded(name, client);
            return result.Succeeded
                ? LocalRedirect(ReturnUrl)
                : Redirect("/masuk/2fa" + QueryString.Create("returnUrl", ReturnUrl).ToUriComponent());
        }

        // A locked or disabled account is refused before its password is checked; check it here, so
        // that only the right password learns why, and every answer costs one hashing.
        if (result.IsLockedOut && await users.CheckPasswordAsync(user, password))
        {
            throttle.Succeeded(name, client);
            Error = user.IsDisabled ? text["AccountDisabled"] : text["LockedOut"];
            return Page();
        }

        throttle.Failed(name, client);
        Error = text["LoginFailed"];
        return Page();
    }

    private string SafeReturnUrl(string? url) => !string.IsNullOrEmpty(url) && Url.IsLocalUrl(url) ? url : "/";
}
