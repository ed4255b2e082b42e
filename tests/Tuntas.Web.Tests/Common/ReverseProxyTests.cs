using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Tuntas.Domain.Access;
using Tuntas.Testing;
using Tuntas.Web.Common;
using Tuntas.Web.Public;

namespace Tuntas.Web.Tests.Common;

/// <summary>
/// The app behind nginx: the forwarded client address and scheme are believed from a trusted proxy
/// only. The test server has no sockets, so <see cref="Peer"/> plays the connection's address.
/// </summary>
public class ReverseProxyTests
{
    private const string Proxy = "10.20.0.5";

    private const string Stranger = "198.51.100.7";

    private const string PublicPage = "/publik/64.74";

    /// <summary>Sets the connection's remote address from a test-only header, before anything else runs.</summary>
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

    private static WebApplicationFactory<Program> BehindProxy(TuntasWebFactory app, string trusted) => app.WithWebHostBuilder(b =>
    {
        b.UseSetting(TrustedProxies.Setting, trusted);
        b.ConfigureServices(s => s.AddSingleton<IStartupFilter, Peer>());
    });

    private static HttpClient Browser(WebApplicationFactory<Program> app) =>
        app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    private static async Task<string> AntiforgeryTokenAsync(HttpClient client, string page)
    {
        var html = await client.GetStringAsync(page);
        var token = System.Text.RegularExpressions.Regex.Match(html, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        Assert.False(string.IsNullOrEmpty(token));
        return token;
    }

    /// <summary>Sends the public usul form as it arrives from <paramref name="peer"/>, claiming to be for <paramref name="forwardedFor"/>.</summary>
    private static async Task<HttpStatusCode> SubmitAsync(HttpClient client, string token, string peer, string forwardedFor, int n)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, PublicPage)
        {
            Content = new MultipartFormDataContent
            {
                { new StringContent(token), "__RequestVerificationToken" },
                { new StringContent("Usul"), "Input.Kind" },
                { new StringContent("64.74.01.1002"), "Input.Village" },
                { new StringContent($"Keluarga nomor {n} tidak makan dua kali sehari."), "Input.Description" },
                { new StringContent("Ibu Sari"), "Input.ProposerName" },
            },
        };
        request.Headers.Add(Peer.Header, peer);
        request.Headers.Add("X-Forwarded-For", forwardedFor);
        using var response = await client.SendAsync(request);
        return response.StatusCode;
    }

    [Fact]
    public async Task PublicForm_BehindATrustedProxy_CountsEachForwardedClientOnItsOwn()
    {
        await using var app = await TuntasWebFactory.CreateAsync(TestProvider.Sqlite, withFamilies: false);
        var proxied = BehindProxy(app, Proxy);
        var client = Browser(proxied);
        var token = await AntiforgeryTokenAsync(client, PublicPage);

        var first = new List<HttpStatusCode>();
        for (var i = 0; i < PublicSubmissionLimit.PerWindow; i++)
        {
            first.Add(await SubmitAsync(client, token, Proxy, "203.0.113.10", i));
        }

        var second = await SubmitAsync(client, token, Proxy, "203.0.113.20", 10);
        // A client that writes its own X-Forwarded-For is still counted by the address nginx saw.
        var spoofing = await SubmitAsync(client, token, Proxy, "203.0.113.99, 203.0.113.10", 11);

        Assert.Equal(Enumerable.Repeat(HttpStatusCode.Redirect, PublicSubmissionLimit.PerWindow), first);
        Assert.Equal(HttpStatusCode.Redirect, second);
        Assert.Equal(HttpStatusCode.TooManyRequests, spoofing);
    }

    [Fact]
    public async Task PublicForm_FromAnUntrustedAddress_IgnoresTheForwardedHeader()
    {
        await using var app = await TuntasWebFactory.CreateAsync(TestProvider.Sqlite, withFamilies: false);
        var proxied = BehindProxy(app, Proxy);
        var client = Browser(proxied);
        var token = await AntiforgeryTokenAsync(client, PublicPage);

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i <= PublicSubmissionLimit.PerWindow; i++)
        {
            // A different claimed client every time: all of them are the one stranger.
            statuses.Add(await SubmitAsync(client, token, Stranger, $"203.0.113.{i + 1}", i));
        }

        Assert.Equal([.. Enumerable.Repeat(HttpStatusCode.Redirect, PublicSubmissionLimit.PerWindow), HttpStatusCode.TooManyRequests], statuses);
    }

    [Theory]
    [InlineData(Proxy, true)]
    [InlineData(Stranger, false)]
    public async Task SignIn_ThroughAProxyThatTerminatedHttps_MarksTheCookieSecure_OnlyWhenTheProxyIsTrusted(string peer, bool secure)
    {
        await using var app = await TuntasWebFactory.CreateAsync(TestProvider.Sqlite, withFamilies: false);
        await app.CreateUserAndTokenAsync("dinsos.bontang", Role.Verifier, "64.74");
        var client = Browser(BehindProxy(app, "10.20.0.0/24"));
        var token = await AntiforgeryTokenAsync(client, "/masuk");

        using var request = new HttpRequestMessage(HttpMethod.Post, "/masuk")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["username"] = "dinsos.bontang",
                ["password"] = TuntasWebFactory.Password,
                ["returnUrl"] = "/",
                ["__RequestVerificationToken"] = token,
            }),
        };
        request.Headers.Add(Peer.Header, peer);
        request.Headers.Add("X-Forwarded-Proto", "https");
        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("tuntas.auth=", StringComparison.Ordinal));
        Assert.Equal(secure, cookie.Contains("; secure", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void Parse_ReadsAddressesAndNetworks_AndNamesAnEntryItCannotRead()
    {
        var networks = TrustedProxies.Parse(" 10.20.0.5, 172.16.0.0/12 ,,fd00::/8, 2001:db8::1 ");
        var error = Assert.Throws<ArgumentException>(() => TrustedProxies.Parse("10.0.0.1, nginx"));

        Assert.Equal(["10.20.0.5/32", "172.16.0.0/12", "fd00::/8", "2001:db8::1/128"], networks.Select(n => n.ToString()));
        Assert.Empty(TrustedProxies.Parse(null));
        Assert.Contains("\"nginx\"", error.Message, StringComparison.Ordinal);
        Assert.Contains(TrustedProxies.Setting, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("127.0.0.1", true)]
    [InlineData("::1", true)]
    [InlineData("10.20.0.5", true)]
    [InlineData("10.20.0.6", false)]
    [InlineData("192.168.1.10", false)]
    public void Configure_TrustsLoopbackAndTheListedProxiesOnly(string address, bool trusted)
    {
        var options = new ForwardedHeadersOptions();
        TrustedProxies.Configure(options, TrustedProxies.Parse(Proxy));
        var ip = IPAddress.Parse(address);

        Assert.Equal(trusted, options.KnownProxies.Contains(ip) || options.KnownIPNetworks.Any(n => n.Contains(ip)));
        Assert.Null(options.ForwardLimit);
    }
}
