using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Tuntas.Testing;
using Tuntas.Web.Common;

namespace Tuntas.Web.Tests.Common;

/// <summary>The browser-side defences: on pages, the API, static files and errors alike.</summary>
public class SecurityHeadersTests
{
    private static void AssertDefences(HttpResponseMessage response)
    {
        var what = $"{response.RequestMessage!.RequestUri} ({(int)response.StatusCode})";
        Assert.True(response.Headers.TryGetValues("Content-Security-Policy", out var csp), what);
        var policy = Assert.Single(csp);
        Assert.Equal(SecurityHeaders.ContentSecurityPolicy, policy);
        Assert.Contains("script-src 'self';", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", policy, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", policy, StringComparison.Ordinal);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
        Assert.Equal("strict-origin-when-cross-origin", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
        var permissions = Assert.Single(response.Headers.GetValues("Permissions-Policy"));
        Assert.Contains("geolocation=(self)", permissions, StringComparison.Ordinal);
        Assert.Contains("camera=(self)", permissions, StringComparison.Ordinal);
        Assert.Contains("microphone=()", permissions, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/publik/64.74", HttpStatusCode.OK)]
    [InlineData("/api/v1/public/stats?region=64.74", HttpStatusCode.OK)]
    [InlineData("/api/v1/households?region=64.74", HttpStatusCode.Unauthorized)]
    [InlineData("/api/v1/tidak-ada", HttpStatusCode.NotFound)]
    [InlineData("/publik/99.99", HttpStatusCode.NotFound)]
    [InlineData("/halaman-yang-tidak-ada", HttpStatusCode.NotFound)]
    [InlineData("/css/site.css", HttpStatusCode.OK)]
    [InlineData("/lib/chartjs/chart.umd.min.js", HttpStatusCode.OK)]
    [InlineData("/masuk", HttpStatusCode.OK)]
    [InlineData("/health", HttpStatusCode.OK)]
    public async Task EveryAnswer_CarriesTheSecurityHeaders(string path, HttpStatusCode expected)
    {
        await using var app = await TuntasWebFactory.CreateAsync(TestProvider.Sqlite, withFamilies: false);
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        using var response = await client.GetAsync(path);

        Assert.Equal(expected, response.StatusCode);
        AssertDefences(response);
    }

    [Fact]
    public async Task Hsts_IsSentOverHttpsOnly()
    {
        await using var app = await TuntasWebFactory.CreateAsync(TestProvider.Sqlite, withFamilies: false);
        var https = app.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://tuntas.example.go.id") });
        var http = app.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("http://tuntas.example.go.id") });

        using var secure = await https.GetAsync("/publik/64.74");
        using var plain = await http.GetAsync("/publik/64.74");

        Assert.Contains("max-age=", Assert.Single(secure.Headers.GetValues("Strict-Transport-Security")), StringComparison.Ordinal);
        Assert.False(plain.Headers.Contains("Strict-Transport-Security"));
    }

    [Fact]
    public void Pages_CarryNoInlineScriptOrStyle_SoThePolicyBreaksNothing()
    {
        var pages = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "..", "src", "Tuntas.Web", "Pages"));
        var offending = Directory.EnumerateFiles(pages, "*.cshtml", SearchOption.AllDirectories)
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (File: Path.GetFileName(f), Line: i + 1, Text: line)))
            .Where(l => l.Text.Contains("style=", StringComparison.OrdinalIgnoreCase)
                || l.Text.Contains("<style", StringComparison.OrdinalIgnoreCase)
                || System.Text.RegularExpressions.Regex.IsMatch(l.Text, "<script(?![^>]*\\bsrc=)", System.Text.RegularExpressions.RegexOptions.IgnoreCase)
                || System.Text.RegularExpressions.Regex.IsMatch(l.Text, "\\son[a-z]+=\"", System.Text.RegularExpressions.RegexOptions.IgnoreCase))
            .Select(l => $"{l.File}:{l.Line}: {l.Text.Trim()}")
            .ToList();

        Assert.True(Directory.Exists(pages), pages);
        Assert.Empty(offending);
    }
}
