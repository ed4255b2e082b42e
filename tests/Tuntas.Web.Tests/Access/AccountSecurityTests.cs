using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tuntas.Data.Access;
using Tuntas.Domain.Access;
using Tuntas.Testing;
using Tuntas.Web.Tests.Pages;

namespace Tuntas.Web.Tests.Access;

/// <summary>Accounts against a stranger: timing of names, lockout from elsewhere, tokens of shut accounts, disabling, common passwords, the 2FA page's GET.</summary>
public partial class AccountSecurityTests
{
    private const string Api = "/api/v1/households?region=64.74";

    /// <summary>Sets the connection's address from a test-only header, so that one test can speak from several addresses.</summary>
    private sealed class Peer : IStartupFilter
    {
        public const string Header = "X-Test-Peer";

        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, following) =>
            {
                if (context.Request.Headers.TryGetValue(Header, out var peer))
                {
                    context.Connection.RemoteIpAddress = IPAddress.Parse(peer.ToString());
                }

                return following(context);
            });
            next(app);
        };
    }

    private static WebApplicationFactory<Program> WithPeers(TuntasWebFactory app) => app.WithWebHostBuilder(b =>
    {
        // Many tries in one test: the per-address sign-in limit is not what these tests look at.
        b.UseSetting("Tuntas:Limits:SignIn", "1000");
        b.ConfigureServices(s => s.AddSingleton<IStartupFilter, Peer>());
    });

    private static PageSession From(WebApplicationFactory<Program> app, string address)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        client.DefaultRequestHeaders.Add(Peer.Header, address);
        return new PageSession(client);
    }

    private static async Task<HttpResponseMessage> PostAsync(PageSession session, string page, string path, Dictionary<string, string> fields)
    {
        fields["__RequestVerificationToken"] = await session.AntiforgeryTokenAsync(page);
        return await session.Client.PostAsync(path, new FormUrlEncodedContent(fields));
    }

    [Fact]
    public async Task UnknownName_TakesAsLongAsAKnownNameWithAWrongPassword()
    {
        await using var app = await TuntasWebFactory.CreateAsync(TestProvider.Sqlite, withFamilies: false);
        await app.CreateUserAndTokenAsync("dinsos.waktu", Role.Verifier, "64.74");
        var web = WithPeers(app);
        const int tries = 20;
        var known = new List<double>();
        var unknown = new List<double>();
        for (var i = 0; i < tries + 2; i++)
        {
            // A fresh address each time, so that no wait is ever imposed; the first two rounds warm up.
            var session = From(web, $"10.1.{i}.1");
            var token = await session.AntiforgeryTokenAsync("/masuk");
            var knownTime = await TimeAsync(session, token, "dinsos.waktu");
            var unknownTime = await TimeAsync(session, token, $"tidak.ada.{i}");
            if (i >= 2)
            {
                known.Add(knownTime);
                unknown.Add(unknownTime);
            }
        }

        var ratio = Median(unknown) / Median(known);
        Assert.True(ratio > 0.5, $"An unknown name took {Median(unknown):F1} ms, a known one {Median(known):F1} ms (median of {tries}).");
    }

    private static async Task<double> TimeAsync(PageSession session, string token, string name)
    {
        var watch = Stopwatch.StartNew();
        using var response = await session.Client.PostAsync("/masuk", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["username"] = name,
            ["password"] = "bukan-kata-sandinya",
            ["__RequestVerificationToken"] = token,
        }));
        watch.Stop();
        Assert.Contains("Nama pengguna atau kata sandi salah", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        return watch.Elapsed.TotalMilliseconds;
    }

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);

    [Theory, DatabaseData]
    public async Task WrongPasswordsFromOneAddress_DoNotLockTheOwnerOutFromAnother(TestProvider provider)
    {
        await using var app = await TuntasWebFactory.CreateAsync(provider, withFamilies: false);
        await app.CreateUserAndTokenAsync("dinsos.pemilik", Role.Verifier, "64.74");
        var web = WithPeers(app);
        var stranger = From(web, "198.51.100.7");
        for (var attempt = 1; attempt <= 6; attempt++)
        {
            await stranger.LoginAsync("dinsos.pemilik", "tebakan-ke-" + attempt);
        }

        var strangerAgain = await stranger.LoginAsync("dinsos.pemilik", TuntasWebFactory.Password);
        var owner = await From(web, "203.0.113.20").LoginAsync("dinsos.pemilik", TuntasWebFactory.Password);

        Assert.Contains("Tunggu 1 menit", await strangerAgain.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Found, owner.StatusCode);
        await using var db = app.CreateDbContext();
        var stored = await db.Users.SingleAsync(u => u.UserName == "dinsos.pemilik");
        Assert.Null(stored.LockoutEnd);
    }

    [Theory, DatabaseData]
    public async Task ApiToken_OfALockedUser_Is401FromTheNextRequestOn(TestProvider provider)
    {
        await using var app = await TuntasWebFactory.CreateAsync(provider);
        var token = await app.CreateUserAndTokenAsync("dinsos.kunci", Role.Verifier, "64.74");
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", token);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(Api)).StatusCode);

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<TuntasUser>>();
            var user = (await users.FindByNameAsync("dinsos.kunci"))!;
            await users.SetLockoutEndDateAsync(user, DateTimeOffset.UtcNow.AddMinutes(15));
        }

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync(Api)).StatusCode);
    }

    [Theory, DatabaseData]
    public async Task DisabledUser_TokenIs401_SignInSaysDisabled_OnlyToTheRightPassword(TestProvider provider)
    {
        await using var app = await TuntasWebFactory.CreateAsync(provider);
        var token = await app.CreateUserAndTokenAsync("dinsos.mati", Role.Verifier, "64.74");
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", token);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(Api)).StatusCode);

        await using (var scope = app.Services.CreateAsyncScope())
        {
            Assert.True((await scope.ServiceProvider.GetRequiredService<DisableUser>().DisableAsync("dinsos.mati", "test")).Succeeded);
        }

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync(Api)).StatusCode);
        var session = PageSession.Open(app);
        var wrong = await (await session.LoginAsync("dinsos.mati", "bukan-kata-sandinya")).Content.ReadAsStringAsync();
        var right = await session.LoginAsync("dinsos.mati", TuntasWebFactory.Password);
        Assert.Contains("Nama pengguna atau kata sandi salah", wrong, StringComparison.Ordinal);
        Assert.Contains("Akun ini sudah dinonaktifkan oleh administrator", await right.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
    }

    [Theory, DatabaseData]
    public async Task AdminUsersPage_DisablesEnablesAndResetsPassword_RefusingACommonOne(TestProvider provider)
    {
        await using var app = await TuntasWebFactory.CreateAsync(provider);
        await app.CreateUserAndTokenAsync("admin.pusat", Role.Admin, null);
        var verifierToken = await app.CreateUserAndTokenAsync("dinsos.bontang", Role.Verifier, "64.74");
        var verifier = app.CreateClient();
        verifier.DefaultRequestHeaders.Authorization = new("Bearer", verifierToken);
        var admin = PageSession.Open(app);
        Assert.Equal(HttpStatusCode.Found, (await admin.LoginAsync("admin.pusat", TuntasWebFactory.Password)).StatusCode);

        var (status, list) = await admin.GetAsync("/admin/pengguna");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("data-user=\"dinsos.bontang\"", list, StringComparison.Ordinal);

        var disabled = await (await PostAsync(admin, "/admin/pengguna", "/admin/pengguna?handler=Disable", new() { ["name"] = "dinsos.bontang" })).Content.ReadAsStringAsync();
        Assert.Contains("Akun dinsos.bontang dinonaktifkan", disabled, StringComparison.Ordinal);
        Assert.Contains("Dinonaktifkan", Row(disabled, "dinsos.bontang"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, (await verifier.GetAsync(Api)).StatusCode);

        var common = await (await PostAsync(admin, "/admin/pengguna", "/admin/pengguna?handler=ResetPassword", new() { ["name"] = "dinsos.bontang", ["password"] = "password1234" })).Content.ReadAsStringAsync();
        Assert.Contains("Kata sandi ini terlalu umum dipakai orang", common, StringComparison.Ordinal);
        var reset = await (await PostAsync(admin, "/admin/pengguna", "/admin/pengguna?handler=ResetPassword", new() { ["name"] = "dinsos.bontang", ["password"] = "sungai-mahakam-pagi-hari" })).Content.ReadAsStringAsync();
        Assert.Contains("Kata sandi dinsos.bontang sudah diganti", reset, StringComparison.Ordinal);

        var enabled = await (await PostAsync(admin, "/admin/pengguna", "/admin/pengguna?handler=Enable", new() { ["name"] = "dinsos.bontang" })).Content.ReadAsStringAsync();
        Assert.Contains("Akun dinsos.bontang aktif kembali", enabled, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await verifier.GetAsync(Api)).StatusCode);
        Assert.Equal(HttpStatusCode.Found, (await PageSession.Open(app).LoginAsync("dinsos.bontang", "sungai-mahakam-pagi-hari")).StatusCode);

        await using var db = app.CreateDbContext();
        var audited = await db.AuditEntries.Where(a => a.Actor == "admin.pusat").Select(a => a.Action).ToListAsync();
        Assert.Equal(["user.disable", "user.enable", "user.reset-password"], audited.Order(StringComparer.Ordinal));

        // Only administrators have the page.
        var other = PageSession.Open(app);
        await other.LoginAsync("dinsos.bontang", "sungai-mahakam-pagi-hari");
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync("/admin/pengguna")).Status);
    }

    private static string Row(string html, string user) =>
        Regex.Match(html, $"<tr data-user=\"{Regex.Escape(user)}\">(.*?)</tr>", RegexOptions.Singleline).Groups[1].Value;

    [Theory, DatabaseData]
    public async Task TwoFactorPage_GetTwice_KeepsStampAndMakesNoKey_KeyIsMadeByPost(TestProvider provider)
    {
        await using var app = await TuntasWebFactory.CreateAsync(provider, withFamilies: false);
        await app.CreateUserAndTokenAsync("dinsos.dualangkah", Role.Verifier, "64.74");
        var session = PageSession.Open(app);
        await session.LoginAsync("dinsos.dualangkah", TuntasWebFactory.Password);
        var before = await StampAndKeyAsync(app);

        var (first, firstHtml) = await session.GetAsync("/akun/2fa");
        var (second, _) = await session.GetAsync("/akun/2fa");

        Assert.Equal(HttpStatusCode.OK, first);
        Assert.Equal(HttpStatusCode.OK, second);
        Assert.Equal(before, await StampAndKeyAsync(app));
        Assert.Null(before.Key);
        Assert.Contains("Buat kunci", firstHtml, StringComparison.Ordinal);

        var made = await PostAsync(session, "/akun/2fa", "/akun/2fa?handler=CreateKey", []);
        var after = await StampAndKeyAsync(app);
        Assert.NotNull(after.Key);
        Assert.Contains(after.Key!.ToUpperInvariant(), await made.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // The session that made the key stays signed in, and later GETs show the same key.
        var (again, againHtml) = await session.GetAsync("/akun/2fa");
        Assert.Equal(HttpStatusCode.OK, again);
        Assert.Contains(after.Key.ToUpperInvariant(), againHtml, StringComparison.Ordinal);
        Assert.Equal(after, await StampAndKeyAsync(app));
    }

    private static async Task<(string? Stamp, string? Key)> StampAndKeyAsync(TuntasWebFactory app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<TuntasUser>>();
        var user = (await users.FindByNameAsync("dinsos.dualangkah"))!;
        return (user.SecurityStamp, await users.GetAuthenticatorKeyAsync(user));
    }
}
