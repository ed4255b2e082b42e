using System.IO.Compression;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Tuntas.Testing;
using Tuntas.Web.Pages.Account;
using Tuntas.Web.Tests.Pages;

namespace Tuntas.Web.Tests.Verification.OpenRosa;

/// <summary>The page where an operator makes the QR code that configures ODK Collect, and revokes its token.</summary>
public class OdkPageTests
{
    [Theory, DatabaseData]
    public async Task Operator_MakesAQrCodeForCollect_ItsServerUrlWorks_UntilRevoked(TestProvider provider)
    {
        await using var app = await OpenRosaServerTests.AppWithTasksAsync(provider);
        var session = PageSession.Open(app);
        Assert.Equal(HttpStatusCode.Redirect, (await session.LoginAsync("op.bontangkuala", TuntasWebFactory.Password)).StatusCode);

        var (status, before) = await session.GetAsync("/akun/odk");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Anda belum punya token ODK.", before, StringComparison.Ordinal);

        var created = await session.Client.PostAsync("/akun/odk?handler=Create", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = await session.AntiforgeryTokenAsync("/akun/odk"),
        }));
        var page = await created.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        Assert.Matches("<img id=\"odk-qr\" src=\"data:image/png;base64,[A-Za-z0-9+/=]{100,}\"", WebUtility.HtmlDecode(page));
        var serverUrl = WebUtility.HtmlDecode(Regex.Match(page, "<code id=\"odk-server-url\">([^<]+)</code>").Groups[1].Value);
        Assert.Matches("^http://localhost/odk/odk_[A-Za-z0-9_-]+$", serverUrl);

        // The address works for Collect (no cookie), and the QR code's settings carry it.
        var collect = app.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await collect.GetAsync(serverUrl + "/formList")).StatusCode);
        using var zlib = new ZLibStream(new MemoryStream(Convert.FromBase64String(OdkModel.CollectSettings(serverUrl))), CompressionMode.Decompress);
        var settings = (await JsonDocument.ParseAsync(zlib)).RootElement;
        Assert.Equal(serverUrl, settings.GetProperty("general").GetProperty("server_url").GetString());
        Assert.Equal(JsonValueKind.Object, settings.GetProperty("admin").ValueKind);

        // Later the page names the token without showing it; revoking it stops the phone.
        var (_, after) = await session.GetAsync("/akun/odk");
        Assert.DoesNotContain(serverUrl, after, StringComparison.Ordinal);
        Assert.Contains("id=\"odk-active\"", after, StringComparison.Ordinal);
        var revoked = await session.Client.PostAsync("/akun/odk?handler=Revoke", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = await session.AntiforgeryTokenAsync("/akun/odk"),
        }));
        Assert.Contains("Token ODK dicabut", await revoked.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, (await collect.GetAsync(serverUrl + "/formList")).StatusCode);

        // Without the antiforgery token nothing is made.
        var forged = await session.Client.PostAsync("/akun/odk?handler=Create", new FormUrlEncodedContent(new Dictionary<string, string>()));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
    }
}
