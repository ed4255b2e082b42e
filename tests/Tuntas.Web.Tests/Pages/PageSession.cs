using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Tuntas.Web.Tests.Pages;

/// <summary>A browser-like session on the pages: keeps cookies, follows no redirects by itself.</summary>
internal sealed partial class PageSession(HttpClient client)
{
    public HttpClient Client { get; } = client;

    public static PageSession Open(TuntasWebFactory app) =>
        new(app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }));

    /// <summary>Signs in through the real login form, antiforgery token included.</summary>
    public async Task<HttpResponseMessage> LoginAsync(string user, string password)
    {
        var token = await AntiforgeryTokenAsync("/masuk");
        return await Client.PostAsync("/masuk", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["username"] = user,
            ["password"] = password,
            ["returnUrl"] = "/",
            ["__RequestVerificationToken"] = token,
        }));
    }

    /// <summary>The antiforgery token of the form on a page, as a browser would send it back.</summary>
    public async Task<string> AntiforgeryTokenAsync(string page)
    {
        using var response = await Client.GetAsync(page);
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{page} answered {(int)response.StatusCode}: {html[..Math.Min(html.Length, 2000)]}");
        var token = AntiforgeryField().Match(html).Groups[1].Value;
        Assert.False(string.IsNullOrEmpty(token), $"The form on {page} carries no antiforgery token.");
        return token;
    }

    public async Task<(HttpStatusCode Status, string Html)> GetAsync(string path)
    {
        var response = await Client.GetAsync(path);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
