using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Tuntas.Domain.Access;
using Tuntas.Testing;
using Tuntas.Web.Tests.Pages;

namespace Tuntas.Web.Tests.Access;

/// <summary>"Keluar" signs out from any page, with or without a valid antiforgery token; a GET never does.</summary>
public partial class SignOutTests
{
    [GeneratedRegex("<form method=\"post\" action=\"/keluar\"[^>]*>(?:(?!</form>).)*name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"", RegexOptions.Singleline)]
    private static partial Regex SignOutForm();

    private static async Task<PageSession> SignedInAsync(TuntasWebFactory app)
    {
        var session = PageSession.Open(app);
        Assert.Equal(HttpStatusCode.Redirect, (await session.LoginAsync("dinsos.keluar", TuntasWebFactory.Password)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await session.Client.GetAsync("/keluarga")).StatusCode);
        return session;
    }

    private static void AssertSignedOut(HttpResponseMessage signOut)
    {
        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        Assert.Equal("/masuk", signOut.Headers.Location!.OriginalString);
        Assert.Contains(signOut.Headers.GetValues("Set-Cookie"), c => c.StartsWith("tuntas.auth=;", StringComparison.Ordinal) && c.Contains("expires=Thu, 01 Jan 1970", StringComparison.OrdinalIgnoreCase));
    }

    [Theory, DatabaseData]
    public async Task Keluar_PostedFromThePagesForm_SignsOut_AndTheRegisterAsksForASignInAgain(TestProvider provider)
    {
        await using var app = await TuntasWebFactory.CreateAsync(provider);
        await app.CreateUserAndTokenAsync("dinsos.keluar", Role.Verifier, "64.74");
        var session = await SignedInAsync(app);

        var (_, page) = await session.GetAsync("/keluarga/6474010101200001");
        var token = SignOutForm().Match(page).Groups[1].Value;
        Assert.False(string.IsNullOrEmpty(token), "The sign-out form carries no antiforgery token.");
        var signOut = await session.Client.PostAsync("/keluar", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));

        AssertSignedOut(signOut);
        var after = await session.Client.GetAsync("/keluarga");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.StartsWith("/masuk", after.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Keluar_WithoutTheAntiforgeryCookieOrToken_StillSignsOut()
    {
        await using var app = await TuntasWebFactory.CreateAsync(TestProvider.Sqlite, withFamilies: false);
        await app.CreateUserAndTokenAsync("dinsos.keluar", Role.Verifier, "64.74");
        var session = PageSession.Open(app);
        var login = await session.LoginAsync("dinsos.keluar", TuntasWebFactory.Password);
        var auth = login.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("tuntas.auth=", StringComparison.Ordinal)).Split(';')[0];

        // Only the sign-in cookie: the antiforgery cookie has expired or was cleared.
        var bare = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        bare.DefaultRequestHeaders.Add("Cookie", auth);
        Assert.Equal(HttpStatusCode.OK, (await bare.GetAsync("/keluarga")).StatusCode);
        var signOut = await bare.PostAsync("/keluar", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = "expired" }));

        AssertSignedOut(signOut);
    }

    [Fact]
    public async Task Keluar_OpenedAsALink_SignsNobodyOut()
    {
        await using var app = await TuntasWebFactory.CreateAsync(TestProvider.Sqlite, withFamilies: false);
        await app.CreateUserAndTokenAsync("dinsos.keluar", Role.Verifier, "64.74");
        var session = await SignedInAsync(app);

        var get = await session.Client.GetAsync("/keluar");

        Assert.Equal(HttpStatusCode.Redirect, get.StatusCode);
        Assert.Equal("/", get.Headers.Location!.OriginalString);
        Assert.False(get.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith("tuntas.auth=", StringComparison.Ordinal)));
        Assert.Equal(HttpStatusCode.OK, (await session.Client.GetAsync("/keluarga")).StatusCode);
    }
}
