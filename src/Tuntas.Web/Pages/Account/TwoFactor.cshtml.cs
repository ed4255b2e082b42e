using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Tuntas.Data.Access;
using Tuntas.Web.Access;

namespace Tuntas.Web.Pages.Account;

/// <summary>
/// An authenticator app (TOTP, RFC 6238) as a second sign-in step, for the roles of
/// <see cref="EndpointAccess.TwoFactor"/> (others get 404 from the access rule). The shared key and
/// the <c>otpauth://</c> address are shown as text; a code from the app confirms it. Reading the page
/// changes nothing: the key is made by a POST ("Buat kunci"), which changes the security stamp, so the
/// session that made it is signed in again at once and every other one ends.
/// </summary>
public sealed class TwoFactorModel(
    UserManager<TuntasUser> users, SignInManager<TuntasUser> signIn, IStringLocalizer<SharedResource> text) : PageModel
{
    public bool Enabled { get; private set; }

    /// <summary>The shared key in groups of four, to type into the app.</summary>
    public string? Key { get; private set; }

    public string? Uri { get; private set; }

    public string? Message { get; private set; }

    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() is null ? NotFound() : Page();

    public async Task<IActionResult> OnPostCreateKeyAsync()
    {
        if (await LoadAsync() is not { } user)
        {
            return NotFound();
        }

        if (!Enabled)
        {
            await users.ResetAuthenticatorKeyAsync(user);
            await signIn.RefreshSignInAsync(user);
            await LoadAsync();
        }

        return Page();
    }

    public async Task<IActionResult> OnPostEnableAsync(string? code)
    {
        if (await LoadAsync() is not { } user)
        {
            return NotFound();
        }

        var cleaned = new string((code ?? string.Empty).Where(char.IsAsciiDigit).ToArray());
        if (Key is null || !await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, cleaned))
        {
            Error = text["TwoFactorWrongCode"];
            return Page();
        }

        await users.SetTwoFactorEnabledAsync(user, true);
        Enabled = true;
        Message = text["TwoFactorNowOn"];
        return Page();
    }

    public async Task<IActionResult> OnPostDisableAsync()
    {
        if (await LoadAsync() is not { } user)
        {
            return NotFound();
        }

        await users.SetTwoFactorEnabledAsync(user, false);
        await users.ResetAuthenticatorKeyAsync(user);
        await signIn.RefreshSignInAsync(user);
        await LoadAsync();
        Message = text["TwoFactorNowOff"];
        return Page();
    }

    private async Task<TuntasUser?> LoadAsync()
    {
        var caller = HttpContext.GetCaller();
        var user = await users.FindByIdAsync(caller.UserId);
        if (user is null)
        {
            return null;
        }

        Enabled = await users.GetTwoFactorEnabledAsync(user);
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            // No key yet: the page offers to make one (a POST); a GET never writes.
            Key = null;
            Uri = null;
            return user;
        }

        Key = Grouped(key);
        Uri = $"otpauth://totp/Tuntas:{System.Uri.EscapeDataString(user.UserName!)}?secret={key}&issuer=Tuntas&digits=6&period=30";
        return user;
    }

    private static string Grouped(string key)
    {
        var grouped = new StringBuilder();
        for (var i = 0; i < key.Length; i += 4)
        {
            grouped.Append(key.AsSpan(i, Math.Min(4, key.Length - i))).Append(' ');
        }

        return grouped.ToString().TrimEnd().ToLowerInvariant();
    }
}
