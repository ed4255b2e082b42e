using System.Collections.Concurrent;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Tuntas.Domain.Access;
using Tuntas.Testing;
using Tuntas.Web.Tests.Pages;

namespace Tuntas.Web.Tests.Common;

/// <summary>Logs without personal data, cookies marked Secure over HTTPS, keys encrypted at rest, odd requests answered in words.</summary>
public partial class RequestHygieneTests
{
    private const string NoKk = "6474010101200001";

    private sealed class CapturingLogs : ILoggerProvider
    {
        public ConcurrentQueue<(string Category, LogLevel Level, string Text)> Lines { get; } = new();

        public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

        public void Dispose()
        {
        }

        private sealed class Logger(CapturingLogs owner, string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                owner.Lines.Enqueue((category, logLevel, formatter(state, exception) + (exception is null ? string.Empty : " " + exception)));
        }
    }

    [Fact]
    public async Task Logs_HoldNoNikOrKk_NoSql_AndOneRequestLineWithTheRouteTemplate()
    {
        await using var app = await TuntasWebFactory.CreateAsync(TestProvider.Sqlite);
        await app.CreateUserAndTokenAsync("admin1", Role.Admin, null);
        var logs = new CapturingLogs();
        using var logged = app.WithWebHostBuilder(b => b.ConfigureLogging(l => l.AddProvider(logs)));
        var session = new PageSession(logged.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }));
        await session.LoginAsync("admin1", TuntasWebFactory.Password);

        var (detail, _) = await session.GetAsync($"/keluarga/{NoKk}");
        var (search, _) = await session.GetAsync("/keluarga?q=6474011708850002");

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (detail, search));
        var all = logs.Lines.ToList();
        var leaks = all.Where(l => SixteenDigits().IsMatch(l.Text)).Select(l => $"{l.Category}: {l.Text}").ToList();
        Assert.True(leaks.Count == 0, "Log lines with a NIK or No. KK:\n" + string.Join("\n", leaks.Take(10)));
        Assert.DoesNotContain(all, l => l.Category == "Microsoft.EntityFrameworkCore.Database.Command" && l.Level < LogLevel.Warning);
        Assert.DoesNotContain(all, l => l.Category.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal) && l.Level < LogLevel.Warning);
        Assert.Contains(all, l => l.Category == "Tuntas.Requests" && l.Text == "GET /keluarga/{noKk} 200 " + l.Text.Split(' ')[3] + " ms user admin1 role admin");
        Assert.Contains(all, l => l.Category == "Tuntas.Requests" && l.Text.StartsWith("GET /keluarga 200 ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task OverHttps_TheAntiforgeryAndSignInCookiesAreSecure_AndNotOverPlainHttp()
    {
        await using var app = await TuntasWebFactory.CreateAsync(TestProvider.Sqlite, withFamilies: false);
        await app.CreateUserAndTokenAsync("admin1", Role.Admin, null);
        var https = new PageSession(app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false, BaseAddress = new Uri("https://localhost") }));
        var http = new PageSession(app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false }));

        using var secure = await https.Client.GetAsync("/masuk");
        using var plain = await http.Client.GetAsync("/masuk");

        var antiforgery = secure.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(".AspNetCore.Antiforgery", StringComparison.Ordinal));
        Assert.Contains("secure", antiforgery, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("secure", plain.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(".AspNetCore.Antiforgery", StringComparison.Ordinal)), StringComparison.OrdinalIgnoreCase);

        var signIn = PageSession.Open(app);
        signIn.Client.BaseAddress = new Uri("https://localhost");
        using var signedIn = await signIn.LoginAsync("admin1", TuntasWebFactory.Password);
        Assert.Contains(signedIn.Headers.GetValues("Set-Cookie"), c => c.StartsWith("tuntas.auth=", StringComparison.Ordinal) && c.Contains("secure", StringComparison.OrdinalIgnoreCase));
    }

    [Theory, DatabaseData]
    public async Task DataProtectionKeys_AreStoredEncrypted_AndStillSignPeopleIn(TestProvider provider)
    {
        await using var app = await TuntasWebFactory.CreateAsync(provider, withFamilies: false);
        await app.CreateUserAndTokenAsync("admin1", Role.Admin, null);
        var session = PageSession.Open(app);

        await session.LoginAsync("admin1", TuntasWebFactory.Password);
        var (status, _) = await session.GetAsync("/impor");

        Assert.Equal(HttpStatusCode.OK, status);
        await using var db = app.CreateDbContext();
        var keys = await db.DataProtectionKeys.Select(k => k.Xml!).ToListAsync();
        Assert.NotEmpty(keys);
        Assert.All(keys, xml =>
        {
            Assert.Contains("<encryptedSecret", xml, StringComparison.Ordinal);
            Assert.DoesNotContain("<masterKey", xml, StringComparison.Ordinal);
        });
    }

    [Theory]
    [InlineData("/%5Cevil")]
    [InlineData("/%5C%5Cevil.example")]
    [InlineData("//evil.example")]
    [InlineData("https://evil.example/")]
    [InlineData("/keluarga%0D%0ALocation:%20http://evil")]
    [InlineData("/a%0Ab")]
    public async Task LanguageSwitch_WithAnOddReturnUrl_GoesHome(string returnUrl)
    {
        await using var app = await TuntasWebFactory.CreateAsync(TestProvider.Sqlite, withFamilies: false);
        var session = PageSession.Open(app);

        using var response = await session.Client.GetAsync($"/bahasa/en?returnUrl={returnUrl}");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location!.OriginalString);
        using var fine = await session.Client.GetAsync("/bahasa/en?returnUrl=/publik/64.74%3Fat%3D2026-01-01");
        Assert.Equal("/publik/64.74?at=2026-01-01", fine.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task OddRequests_Answer4xxInWords()
    {
        await using var app = await TuntasWebFactory.CreateAsync(TestProvider.Sqlite);
        await app.CreateUserAndTokenAsync("admin1", Role.Admin, null);
        var admin = PageSession.Open(app);
        await admin.LoginAsync("admin1", TuntasWebFactory.Password);
        var token = await admin.AntiforgeryTokenAsync("/impor");

        foreach (var url in new[] { "/publik/64.74?at=0001-01-01", "/publik/64.74?at=9999-12-31", "/dasbor?at=0001-01-01", "/dasbor?region=64.74&at=9999-12-31" })
        {
            using var page = await admin.Client.GetAsync(url);
            Assert.True(page.StatusCode == HttpStatusCode.BadRequest, $"{url}: {(int)page.StatusCode}");
            Assert.Contains("Tanggal di luar jangkauan", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using var api = await admin.Client.GetAsync("/api/v1/gaps?region=64.74&at=9999-12-31");
        Assert.Equal(HttpStatusCode.BadRequest, api.StatusCode);
        Assert.Contains("\"at\"", await api.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var trace = await admin.Client.SendAsync(new HttpRequestMessage(HttpMethod.Trace, "/keluarga"));
        Assert.Equal(HttpStatusCode.MethodNotAllowed, trace.StatusCode);

        using var unknown = await admin.Client.PostAsync("/impor?handler=Nope", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);

        using var hidden = await admin.Client.PostAsync("/impor?handler=Check", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["source"] = "Desa\u202Ecsv.exe",
        }));
        Assert.Equal(HttpStatusCode.BadRequest, hidden.StatusCode);
        Assert.Contains("U+202E", await hidden.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PublicForm_WithAHiddenCharacter_ComesBackWithTheReasonBesideTheField_KeepsTheRest_AndSavesNothing()
    {
        await using var app = await TuntasWebFactory.CreateAsync(TestProvider.Sqlite);
        var session = PageSession.Open(app);
        var token = await session.AntiforgeryTokenAsync("/publik/64.74");
        int before;
        await using (var db = app.CreateDbContext())
        {
            before = await db.Proposals.CountAsync();
        }

        using var response = await session.Client.PostAsync("/publik/64.74", new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent("Usul"), "Input.Kind" },
            { new StringContent("64.74.01.1002"), "Input.Village" },
            { new StringContent("Keluarga ini tidak makan\u202E dua kali sehari."), "Input.Description" },
            { new StringContent("Siti Aminah"), "Input.ProposerName" },
            { new StringContent("0812 5555 0101"), "Input.Contact" },
        });
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reason = WebUtility.HtmlDecode(Regex.Match(html, "<span[^>]*id=\"input-description-error\"[^>]*>([^<]*)</span>").Groups[1].Value);
        Assert.Contains("karakter tersembunyi", reason, StringComparison.Ordinal);
        Assert.Contains("U+202E", reason, StringComparison.Ordinal);
        Assert.Contains("posisi 25", reason, StringComparison.Ordinal);
        Assert.Contains("value=\"Siti Aminah\"", html, StringComparison.Ordinal);
        Assert.Contains("value=\"0812 5555 0101\"", html, StringComparison.Ordinal);
        Assert.Contains("Keluarga ini tidak makan", html, StringComparison.Ordinal);
        await using var after = app.CreateDbContext();
        Assert.Equal(before, await after.Proposals.CountAsync());
    }

    [Theory]
    [InlineData("id", "karakter tersembunyi")]
    [InlineData("en", "hidden character")]
    public async Task RoundForm_WithAnEscapeCharacter_ComesBackWithTheReasonBesideTheField_InThePageLanguage(string language, string words)
    {
        await using var app = await TuntasWebFactory.CreateAsync(TestProvider.Sqlite);
        await app.CreateUserAndTokenAsync("dinsos.bontang", Role.Verifier, "64.74");
        var session = PageSession.Open(app);
        await session.LoginAsync("dinsos.bontang", TuntasWebFactory.Password);
        if (language == "en")
        {
            Assert.Equal(HttpStatusCode.Redirect, (await session.Client.GetAsync("/bahasa/en?returnUrl=/verval")).StatusCode);
        }

        var token = await session.AntiforgeryTokenAsync("/verval");

        using var response = await session.Client.PostAsync("/verval", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["Input.Name"] = "Verval \u001B[31mTriwulan I",
            ["Input.Region"] = "64.74.01",
            ["Input.Start"] = "2025-01-06",
            ["Input.End"] = "2025-03-28",
            ["Input.ReverifyMonths"] = "12",
        }));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reason = WebUtility.HtmlDecode(Regex.Match(html, "<span[^>]*id=\"input-name-error\"[^>]*>([^<]*)</span>").Groups[1].Value);
        Assert.Contains(words, reason, StringComparison.Ordinal);
        Assert.Contains("U+001B", reason, StringComparison.Ordinal);
        Assert.Contains("value=\"64.74.01\"", html, StringComparison.Ordinal);
        Assert.Contains("value=\"2025-03-28\"", html, StringComparison.Ordinal);
        await using var db = app.CreateDbContext();
        Assert.Equal(0, await db.Rounds.CountAsync());
    }

    [GeneratedRegex("[0-9]{16}")]
    private static partial Regex SixteenDigits();
}
