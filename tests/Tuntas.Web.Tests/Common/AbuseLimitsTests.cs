using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Tuntas.Domain.Access;
using Tuntas.Testing;
using Tuntas.Web.Common;
using Tuntas.Web.Tests.Pages;

namespace Tuntas.Web.Tests.Common;

/// <summary>The per-address limits, through the real limiter of the real app.</summary>
public class AbuseLimitsTests
{
    private static async Task AssertTooManyProblemAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.True(int.Parse(Assert.Single(response.Headers.GetValues("Retry-After")), System.Globalization.CultureInfo.InvariantCulture) is > 0 and <= 60);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(429, problem.RootElement.GetProperty("status").GetInt32());
        Assert.Contains("Too many requests", problem.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignIn_MoreThanTheLimitFromOneAddress_Is429WithRetryAfter_EvenForARightPassword()
    {
        await using var app = await TuntasWebFactory.CreateAsync(TestProvider.Sqlite, withFamilies: false);
        await app.CreateUserAndTokenAsync("dinsos.bontang", Role.Verifier, "64.74");
        var session = PageSession.Open(app);
        var limit = new AbuseLimits().SignIn;

        var wrong = new List<HttpStatusCode>();
        for (var i = 0; i < limit; i++)
        {
            // A different account each time: Identity's lockout of one account does not stop this.
            wrong.Add((await session.LoginAsync($"tebakan{i}", "salah")).StatusCode);
        }

        using var over = await session.LoginAsync("dinsos.bontang", TuntasWebFactory.Password);

        Assert.Equal(Enumerable.Repeat(HttpStatusCode.OK, limit), wrong);
        Assert.Equal(HttpStatusCode.TooManyRequests, over.StatusCode);
        Assert.Equal("60", Assert.Single(over.Headers.GetValues("Retry-After")));
        Assert.Contains("Terlalu banyak percobaan", await over.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(over.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith("tuntas.auth=", StringComparison.Ordinal)));
        // Reading the sign-in page is not limited.
        Assert.Equal(HttpStatusCode.OK, (await session.Client.GetAsync("/masuk")).StatusCode);
    }

    [Fact]
    public async Task ApiToken_AfterTooManyBadTokensFromOneAddress_BadTokensAre429_AValidTokenStillWorks()
    {
        await using var app = await TuntasWebFactory.CreateAsync(TestProvider.Sqlite);
        var good = await app.CreateUserAndTokenAsync("dinsos.bontang", Role.Verifier, "64.74");
        var client = app.CreateClient();
        var limit = new AbuseLimits().BadTokens;

        // Good tokens are not counted, however many.
        for (var i = 0; i < limit + 2; i++)
        {
            using var ok = await SendAsync(client, good);
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        }

        var guesses = new List<HttpStatusCode>();
        for (var i = 0; i < limit; i++)
        {
            using var guess = await SendAsync(client, $"tnt_guess-{i}");
            guesses.Add(guess.StatusCode);
        }

        using var nextGuess = await SendAsync(client, "tnt_one-more-guess");
        using var goodAfter = await SendAsync(client, good);
        using var anonymous = await client.GetAsync("/api/v1/public/stats?region=64.74");

        Assert.Equal(Enumerable.Repeat(HttpStatusCode.Unauthorized, limit), guesses);
        await AssertTooManyProblemAsync(nextGuess);
        // An office behind one NAT address: one bad script does not lock out everyone else's valid token.
        Assert.Equal(HttpStatusCode.OK, goodAfter.StatusCode);
        Assert.Equal(HttpStatusCode.OK, anonymous.StatusCode);
    }

    [Fact]
    public async Task PublicStats_MoreThanTheLimitFromOneAddress_Is429ProblemDetails()
    {
        await using var app = await TuntasWebFactory.CreateAsync(TestProvider.Sqlite, withFamilies: false);
        var client = app.CreateClient();
        var limit = new AbuseLimits().PublicStats;

        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < limit; i++)
        {
            using var response = await client.GetAsync("/api/v1/public/stats?region=64.74");
            answers.Add(response.StatusCode);
        }

        using var over = await client.GetAsync("/api/v1/public/stats?region=64.74");
        using var page = await client.GetAsync("/publik/64.74");

        Assert.Equal(Enumerable.Repeat(HttpStatusCode.OK, limit), answers);
        await AssertTooManyProblemAsync(over);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
    }

    [Fact]
    public async Task PublicStats_LimitIsConfigurable()
    {
        await using var app = await TuntasWebFactory.CreateAsync(TestProvider.Sqlite, withFamilies: false);
        var client = app.WithWebHostBuilder(b => b.UseSetting("Tuntas:Limits:PublicStats", "2")).CreateClient();

        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            using var response = await client.GetAsync("/api/v1/public/stats?region=64.74");
            answers.Add(response.StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], answers);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-5")]
    [InlineData("banyak")]
    public void From_AValueThatIsNotACount_NamesTheSetting(string value)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Tuntas:Limits:SignIn"] = value })
            .Build();

        var error = Assert.Throws<ArgumentException>(() => AbuseLimits.From(configuration));

        Assert.Contains("Tuntas:Limits:SignIn", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("203.0.113.7", "203.0.113.7")]
    [InlineData("::ffff:203.0.113.7", "203.0.113.7")]
    [InlineData("2001:db8:1:2:aaaa:bbbb:cccc:dddd", "2001:db8:1:2::/64")]
    public void ClientOf_CountsIpv6ByItsNetwork(string address, string key)
    {
        var context = new Microsoft.AspNetCore.Http.DefaultHttpContext();
        context.Connection.RemoteIpAddress = IPAddress.Parse(address);

        Assert.Equal(key, AbuseLimits.ClientOf(context));
    }

    private static Task<HttpResponseMessage> SendAsync(HttpClient client, string token)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/households?region=64.74");
        request.Headers.Authorization = new("Bearer", token);
        return client.SendAsync(request);
    }
}
