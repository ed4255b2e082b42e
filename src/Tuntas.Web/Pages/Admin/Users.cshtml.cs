using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Tuntas.Data.Access;
using Tuntas.Data.Common;
using Tuntas.Domain.Regions;
using Tuntas.Web.Access;
using Tuntas.Web.Common;

namespace Tuntas.Web.Pages.Admin;

/// <summary>
/// The accounts, for administrators (every other role gets 404 from the access rule): the same list
/// as <c>tuntas user list</c>, and the same writes as <c>tuntas user disable|enable|reset-password</c>,
/// each through its use case, audited under the administrator's name.
/// </summary>
public sealed class UsersModel(UserAccounts accounts, RegionClock clock, IStringLocalizer<SharedResource> text) : PageModel
{
    public IReadOnlyList<UserAccounts.Listed> Users { get; private set; } = [];

    public string? Message { get; private set; }

    public string? Error { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public Task<IActionResult> OnPostDisableAsync(string? name, [FromServices] DisableUser disable, CancellationToken ct) =>
        WriteAsync(name, n => disable.DisableAsync(n, Actor, ct), "UserDisabledDone", ct);

    public Task<IActionResult> OnPostEnableAsync(string? name, [FromServices] EnableUser enable, CancellationToken ct) =>
        WriteAsync(name, n => enable.EnableAsync(n, Actor, ct), "UserEnabledDone", ct);

    public async Task<IActionResult> OnPostResetPasswordAsync(string? name, string? password, [FromServices] ResetPassword reset, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(password))
        {
            Error = text["UserPasswordMissing"];
            await LoadAsync(ct);
            return Page();
        }

        return await WriteAsync(name, n => reset.ResetAsync(n, password, Actor, ct), "UserPasswordDone", ct);
    }

    /// <summary>When the account was made, in the zone of its region (WITA for national accounts).</summary>
    public static string Created(UserAccounts.Listed user)
    {
        var (local, zone) = RegionClock.Local(user.CreatedAt, user.Region);
        return $"{local:dd-MM-yyyy HH:mm} {zone}";
    }

    private string Actor => HttpContext.GetCaller().UserName;

    private async Task<IActionResult> WriteAsync(string? name, Func<string, Task<WriteResult<TuntasUser>>> write, string doneKey, CancellationToken ct)
    {
        var result = string.IsNullOrWhiteSpace(name) ? new WriteError.NotFound("user") : await write(name.Trim());
        if (result.Error is { } error)
        {
            Error = error is WriteError.NotFound ? text["UserNotFound"] : error.Words(text);
        }
        else
        {
            Message = text[doneKey, result.Value!.UserName!];
        }

        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct) => Users = await accounts.ListAsync(clock.UtcNow, ct);
}
