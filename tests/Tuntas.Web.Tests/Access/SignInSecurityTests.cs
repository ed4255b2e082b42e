using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Tuntas.Domain.Access;
using Tuntas.Testing;
using Tuntas.Web.Tests.Pages;

namespace Tuntas.Web.Tests.Access;

public partial class SignInSecurityTests
{
    [Theory, DatabaseData]
    public async Task SixthAttempt_AfterFiveWrongPasswordsFromOneAddress_IsRefusedEvenWithTheRightOne(TestProvider provider)
    {
        await using var app = await TuntasWebFactory.CreateAsync(provider, withFamilies: false);
        await app.CreateUserAndTokenAsync("dinsos.kunci", Role.Verifier, "64.74");
        var session = PageSession.Open(app);

        for (var attempt = 1; attempt <= 5; attempt++)
        {
            var wrong = await session.LoginAsync("dinsos.kunci", "not-the-password-" + attempt);
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        }

        var sixth = await session.LoginAsync("dinsos.kunci", TuntasWebFactory.Password);

        Assert.Equal(HttpStatusCode.OK, sixth.StatusCode);
        Assert.Contains("Terlalu banyak percobaan gagal untuk nama ini dari perangkat ini. Tunggu 1 menit", await sixth.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(sixth.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith("tuntas.auth=", StringComparison.Ordinal)));
        Assert.Equal(HttpStatusCode.Found, (await session.Client.GetAsync("/keluarga")).StatusCode);
    }

    [Fact]
    public async Task SignInCookie_IsHttpOnlyLax_AndSecureOverHttps()
    {
        await using var app = await TuntasWebFactory.CreateAsync(TestProvider.Sqlite, withFamilies: false);
        await app.CreateUserAndTokenAsync("dinsos.kue", Role.Verifier, "64.74");
        var session = new PageSession(app.CreateClient(new WebApplicationFactoryClientOptions
        {
            AllowAutoRedirect = false,
            HandleCookies = true,
            BaseAddress = new Uri("https://localhost"),
        }));

        var signedIn = await session.LoginAsync("dinsos.kue", TuntasWebFactory.Password);

        Assert.Equal(HttpStatusCode.Found, signedIn.StatusCode);
        var cookie = signedIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("tuntas.auth=", StringComparison.Ordinal)).ToLowerInvariant();
        Assert.Contains("httponly", cookie, StringComparison.Ordinal);
        Assert.Contains("samesite=lax", cookie, StringComparison.Ordinal);
        Assert.Contains("secure", cookie, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EveryPage_RefusesAPostWithoutAntiforgeryToken()
    {
        await using var app = await TuntasWebFactory.CreateAsync(TestProvider.Sqlite);
        var token = await app.CreateUserAndTokenAsync("admin.csrf", Role.Admin, null);
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Authorization = new("Bearer", token);
        var pages = app.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<PageActionDescriptor>() is not null)
            .Select(e => "/" + Parameter().Replace(e.RoutePattern.RawText!.TrimStart('/'), m => m.Groups[1].Value switch
            {
                "noKk" => "6474010101200001",
                "id" => "1",
                _ => "64.74",
            }))
            .Distinct()
            .ToList();
        Assert.True(pages.Count > 20, $"Only {pages.Count} pages were found.");

        var accepted = new List<string>();
        foreach (var page in pages)
        {
            if (page == "/keluar")
            {
                // Exempt on purpose (LogoutModel): a forged sign-out only signs someone out, and a sign-out
                // must work after the antiforgery cookie expired. SignOutTests covers it.
                continue;
            }

            // A form post as a cross-site page would send it: fields, no antiforgery token.
            var response = await client.PostAsync(page, new FormUrlEncodedContent(new Dictionary<string, string> { ["username"] = "x", ["note"] = "x" }));
            if (response.StatusCode != HttpStatusCode.BadRequest)
            {
                accepted.Add($"POST {page} answered {(int)response.StatusCode}");
            }
        }

        Assert.True(accepted.Count == 0, "Pages that did not refuse a POST without an antiforgery token:\n" + string.Join("\n", accepted));
    }

    [GeneratedRegex(@"\{([A-Za-z]+)[^}]*\}")]
    private static partial Regex Parameter();
}
