using System.IO.Compression;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using QRCoder;
using Tuntas.Data.Access;
using Tuntas.Web.Access;
using Tuntas.Web.Common;
using Tuntas.Web.Verification;
using Tuntas.Web.Verification.Odk;

namespace Tuntas.Web.Pages.Account;

/// <summary>
/// ODK Collect / KoboCollect for the signed-in visitor: a POST makes their ODK token (the earlier one
/// stops working) and the answer shows, once, the QR code that configures Collect in one scan (its
/// settings JSON, zlib-compressed and Base64-encoded, with <c>general.server_url</c> = {base}/odk/{token})
/// and the same address as text. Another POST revokes the token. Only the token's hash is kept.
/// </summary>
public sealed class OdkModel(ApiTokens tokens, CreateApiToken create, RevokeApiTokens revoke, IStringLocalizer<SharedResource> text) : PageModel
{
    /// <summary>How long a token made here works; a phone is configured again with a new code.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(365);

    public Caller Caller { get; private set; } = null!;

    /// <summary>The user's active ODK tokens, by prefix (never the token).</summary>
    public IReadOnlyList<ApiTokens.TokenInfo> Active { get; private set; } = [];

    /// <summary>The server address for Collect, only in the answer that made the token.</summary>
    public string? ServerUrl { get; private set; }

    /// <summary>The QR code as a PNG data URL, only in the answer that made the token.</summary>
    public string? QrCode { get; private set; }

    public string? Message { get; private set; }

    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        var revoked = await revoke.RevokeAsync(ApiTokens.OdkPrefix, Caller.UserName, Caller.UserName, ct);
        var created = revoked.Succeeded ? await create.CreateAsync(Caller.UserName, Lifetime, Caller.UserName, odk: true, ct) : default;
        if (created.Value is not { } token)
        {
            Error = (revoked.Error ?? created.Error)!.Words(text);
            return Page();
        }

        ServerUrl = OdkEndpoints.ServerUrl(Request, token);
        QrCode = "data:image/png;base64," + Convert.ToBase64String(QrPng(CollectSettings(ServerUrl)));
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        var revoked = await revoke.RevokeAsync(ApiTokens.OdkPrefix, Caller.UserName, Caller.UserName, ct);
        if (revoked.Error is { } error)
        {
            Error = error.Words(text);
            return Page();
        }

        Message = text["OdkRevoked"];
        await LoadAsync(ct);
        return Page();
    }

    /// <summary>
    /// What Collect's QR code carries: its settings as JSON (<c>general</c>: the server and how forms are
    /// kept up to date; <c>admin</c>: the server address cannot be changed by hand; <c>project</c>: the
    /// name shown), zlib-compressed and Base64-encoded.
    /// </summary>
    public static string CollectSettings(string serverUrl)
    {
        var json = JsonSerializer.Serialize(new
        {
            general = new Dictionary<string, object>
            {
                ["server_url"] = serverUrl,
                ["form_update_mode"] = "match_exactly",
                ["autosend"] = "wifi_and_cellular",
                ["delete_send"] = false,
            },
            admin = new Dictionary<string, object> { ["change_server"] = false },
            project = new Dictionary<string, object> { ["name"] = "Tuntas", ["icon"] = "T", ["color"] = "#1f6f50" },
        });
        using var buffer = new MemoryStream();
        using (var zlib = new ZLibStream(buffer, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            zlib.Write(Encoding.UTF8.GetBytes(json));
        }

        return Convert.ToBase64String(buffer.ToArray());
    }

    private static byte[] QrPng(string payload)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(payload, QRCodeGenerator.ECCLevel.M);
        return new PngByteQRCode(data).GetGraphic(6);
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        Caller = HttpContext.GetCaller();
        if (!VervalAccess.MayVisit(Caller.Role))
        {
            return false;
        }

        var now = DateTime.UtcNow;
        Active = (await tokens.ListAsync(Caller.UserName, ct))
            .Where(t => t.Prefix.StartsWith(ApiTokens.OdkPrefix, StringComparison.Ordinal) && t.RevokedAt is null && (t.ExpiresAt is null || t.ExpiresAt > now))
            .ToList();
        return true;
    }
}
