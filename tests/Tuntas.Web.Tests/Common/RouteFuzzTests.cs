using System.Diagnostics;
using System.Text;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;
using Tuntas.Domain.Access;
using Tuntas.Testing;
using Tuntas.Web.Tests.Pages;

namespace Tuntas.Web.Tests.Common;

/// <summary>
/// Every route the app maps (read from its endpoint data source), asked with odd values by an
/// anonymous visitor and by a signed-in administrator: dates at the limits, very long text, control
/// and text-direction characters, an unknown handler, TRACE. Nothing answers 5xx.
/// </summary>
public class RouteFuzzTests
{
    private static readonly string Long = new('9', 5000);

    private static readonly string[] Queries =
    [
        "at=0001-01-01",
        "at=9999-12-31",
        "region=64.74&at=0001-01-01",
        "region=64.74&at=9999-12-31",
        "region=64.74&from=0001-01-01&to=9999-12-31&dari=0001-01-01&sampai=9999-12-31",
        "handler=Nope",
        "handler=Download&batch=99999999999999999999&upload=..%2F..",
        "q=" + Long + "&page=2147483648&region=" + Long,
        "q=%00%1B%E2%80%AE&region=%0D%0A64.74&format=csv",
        "returnUrl=/%5Cevil&returnUrl=%0D%0ALocation:%20http://evil",
    ];

    [Fact]
    public async Task EveryRoute_WithOddParameters_AnswersWithoutA5xx()
    {
        await using var app = await TuntasWebFactory.CreateAsync(TestProvider.Sqlite);
        await app.CreateUserAndTokenAsync("admin1", Role.Admin, null);
        var admin = PageSession.Open(app);
        await admin.LoginAsync("admin1", TuntasWebFactory.Password);
        var token = await admin.AntiforgeryTokenAsync("/impor");
        var anonymous = PageSession.Open(app);
        var paths = app.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Select(e => Path(e.RoutePattern))
            .Distinct(StringComparer.Ordinal)
            .Where(p => !p.StartsWith("/keluar", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToList();
        Assert.True(paths.Count > 30, $"Only {paths.Count} routes were found.");
        var failures = new List<string>();
        var clock = Stopwatch.StartNew();

        foreach (var path in paths)
        {
            foreach (var (who, session, formToken) in new[] { ("anonymous", anonymous, (string?)null), ("admin", admin, token) })
            {
                foreach (var query in Queries)
                {
                    await SendAsync(session, HttpMethod.Get, $"{path}?{query}", null, who, failures);
                }

                await SendAsync(session, HttpMethod.Trace, path, null, who, failures);
                await SendAsync(session, HttpMethod.Post, $"{path}?handler=Nope", Form(formToken), who, failures);
                await SendAsync(session, HttpMethod.Post, $"{path}?at=9999-12-31", Form(formToken), who, failures);
            }
        }

        Assert.True(failures.Count == 0, $"{failures.Count} requests answered 5xx:\n" + string.Join("\n", failures.Take(40)));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(90), $"The fuzz took {clock.Elapsed.TotalSeconds:0} s.");
    }

    private static FormUrlEncodedContent Form(string? token)
    {
        var fields = new Dictionary<string, string>
        {
            ["at"] = "0001-01-01",
            ["q"] = Long,
            ["Input.Description"] = "Rumah\u202Eexe",
            ["Input.Date"] = "9999-12-31",
        };
        if (token is not null)
        {
            fields["__RequestVerificationToken"] = token;
        }

        return new FormUrlEncodedContent(fields);
    }

    private static async Task SendAsync(PageSession session, HttpMethod method, string url, HttpContent? content, string who, List<string> failures)
    {
        using var request = new HttpRequestMessage(method, url) { Content = content };
        using var response = await session.Client.SendAsync(request);
        if ((int)response.StatusCode >= 500)
        {
            var body = await response.Content.ReadAsStringAsync();
            failures.Add($"{who}: {method} {url[..Math.Min(url.Length, 160)]} answered {(int)response.StatusCode} {body[..Math.Min(body.Length, 200)]}");
        }
    }

    private static string Path(RoutePattern pattern)
    {
        var path = new StringBuilder();
        foreach (var segment in pattern.PathSegments)
        {
            path.Append('/');
            foreach (var part in segment.Parts)
            {
                path.Append(part switch
                {
                    RoutePatternLiteralPart literal => literal.Content,
                    RoutePatternSeparatorPart separator => separator.Content,
                    RoutePatternParameterPart parameter => parameter.Name switch
                    {
                        "noKk" or "nokk" => "6474010101200001",
                        "culture" => "en",
                        "region" or "code" => "64.74",
                        "format" => "csv",
                        _ => "1",
                    },
                    _ => string.Empty,
                });
            }
        }

        return path.Length == 0 ? "/" : path.ToString();
    }
}
