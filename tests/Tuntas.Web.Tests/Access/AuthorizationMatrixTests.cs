using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;
using Tuntas.Domain.Access;
using Tuntas.Testing;
using Tuntas.Web.Access;

namespace Tuntas.Web.Tests.Access;

/// <summary>
/// Every endpoint the app really maps (read from its endpoint data source, not from a list kept
/// here) is classified in <see cref="EndpointAccess"/>, and answers each role as its rule says, in
/// the caller's region and outside it.
/// </summary>
public class AuthorizationMatrixTests
{
    // The scopes nest: the operator's village lies in the facilitator's kecamatan, in the regency of
    // the verifier, agency officer and analyst, in the province.
    private static readonly (Role Role, string? Region)[] Callers =
    [
        (Role.Admin, null),
        (Role.Verifier, "64.74"),
        (Role.Operator, "64.74.01.1001"),
        (Role.Facilitator, "64.74.01"),
        (Role.Agency, "64.74"),
        (Role.Analyst, "64.74"),
        (Role.Province, "64"),
    ];

    private const string InRegion = "64.74.01.1001";
    private const string InHousehold = "6474010101200001";

    // Another province altogether, so that it is outside every scope but the administrator's.
    private const string OutRegion = "63.71.01.1001";
    private const string OutHousehold = "6371010101200009";

    // No record has this id; the screens behind an id answer 404 to every signed-in caller for it.
    private const string NoSuchId = "987654321";

    [Fact]
    public async Task EveryEndpoint_IsClassified()
    {
        await using var app = await TuntasWebFactory.CreateAsync(TestProvider.Sqlite, withFamilies: false);

        var unclassified = Endpoints(app).Where(e => e.Class is null).Select(e => e.Describe()).ToList();

        Assert.True(unclassified.Count == 0,
            "Endpoints without an access rule in EndpointAccess.Endpoints (classify each):\n" + string.Join("\n", unclassified));
    }

    [Fact]
    public async Task EveryEndpoint_AnswersEachRoleAsItsRuleSays_InAndOutOfScope()
    {
        await using var app = await TuntasWebFactory.CreateAsync(TestProvider.Sqlite);
        await app.AddAsync([Families.Family(OutHousehold, OutRegion, ("6371011708850009", "Orang Luar", Domain.Registry.FamilyRelation.KepalaKeluarga))]);
        var endpoints = Endpoints(app).Where(e => e.Class is not null).ToList();
        Assert.True(endpoints.Count > 30, $"Only {endpoints.Count} classified endpoints were found.");

        // Every request comes from one test address: the per-address limits would answer 429 long
        // before the matrix is through, so they are raised here (they have their own tests).
        var web = app.WithWebHostBuilder(b => b.UseSetting("Tuntas:Limits:BadTokens", "1000000").UseSetting("Tuntas:Limits:PublicStats", "1000000"));
        var anonymous = web.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var badToken = web.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        badToken.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "tnt_this-token-was-never-issued");
        var clients = new List<(Role Role, string? Region, HttpClient Client)>();
        foreach (var (role, region) in Callers)
        {
            var token = await app.CreateUserAndTokenAsync($"m-{role.ToWire()}", role, region);
            var client = web.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
            clients.Add((role, region, client));
        }

        var failures = new List<string>();
        foreach (var endpoint in endpoints)
        {
            var rule = endpoint.Class!.Rule;
            var inScope = endpoint.Url(inScope: true)!;
            var outOfScope = endpoint.Url(inScope: false);

            var anon = await anonymous.GetAsync(inScope);
            Check(failures, "anonymous", inScope, anon, rule.IsPublic ? Expect.Success : endpoint.IsApi ? Expect.Unauthorized : Expect.SignIn);
            if (!rule.IsPublic)
            {
                Check(failures, "bad token", inScope, await badToken.GetAsync(inScope), Expect.Unauthorized);
            }

            foreach (var (role, region, client) in clients)
            {
                var who = $"{role.ToWire()} of {region ?? "the country"}";
                var allowed = rule.Allows(role);
                var expectIn = !allowed ? Expect.NotFound : endpoint.HasId ? Expect.NotFound : Expect.Success;
                Check(failures, who, inScope, await client.GetAsync(inScope), expectIn);
                if (outOfScope is not null && !rule.IsPublic && region is not null)
                {
                    Check(failures, who, outOfScope, await client.GetAsync(outOfScope), Expect.NotFound);
                }
            }
        }

        Assert.True(failures.Count == 0, $"{failures.Count} answers differ from the access rules:\n" + string.Join("\n", failures));
    }

    private enum Expect
    {
        Success,
        SignIn,
        Unauthorized,
        NotFound,
    }

    private static void Check(List<string> failures, string who, string url, HttpResponseMessage response, Expect expected)
    {
        var status = (int)response.StatusCode;
        var location = response.Headers.Location?.OriginalString ?? string.Empty;
        var toSignIn = status == 302 && location.Contains("/masuk", StringComparison.Ordinal);
        var ok = expected switch
        {
            Expect.Success => status is >= 200 and < 300 || (status is 302 && !toSignIn),
            Expect.SignIn => toSignIn,
            Expect.Unauthorized => status == 401,
            Expect.NotFound => status == 404,
            _ => false,
        };
        if (!ok)
        {
            failures.Add($"{who}: GET {url} answered {status}{(location.Length > 0 ? " → " + location : string.Empty)}, expected {expected}");
        }
    }

    private static List<MappedEndpoint> Endpoints(TuntasWebFactory app) =>
        app.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Select(e => new MappedEndpoint(e.RoutePattern, e.Metadata.GetMetadata<EndpointClass>(),
                e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["*"]))
            .GroupBy(e => EndpointAccess.KeyOf(e.Pattern))
            .Select(g => g.First())
            .OrderBy(e => EndpointAccess.KeyOf(e.Pattern), StringComparer.Ordinal)
            .ToList();

    private sealed record MappedEndpoint(RoutePattern Pattern, EndpointClass? Class, IReadOnlyList<string> Methods)
    {
        public bool IsApi => EndpointAccess.KeyOf(Pattern).StartsWith("api/", StringComparison.Ordinal);

        public bool HasId => Pattern.Parameters.Any(p => p.Name == "id");

        public string Describe() => $"{string.Join(",", Methods)} /{EndpointAccess.KeyOf(Pattern)}";

        /// <summary>The pattern with every parameter filled; null out of scope when the endpoint is not about one region or household.</summary>
        public string? Url(bool inScope)
        {
            if (!inScope && Class?.ScopedBy is null)
            {
                return null;
            }

            var path = new StringBuilder();
            foreach (var segment in Pattern.PathSegments)
            {
                path.Append('/');
                foreach (var part in segment.Parts)
                {
                    path.Append(part switch
                    {
                        RoutePatternLiteralPart literal => literal.Content,
                        RoutePatternSeparatorPart separator => separator.Content,
                        RoutePatternParameterPart parameter => Value(parameter.Name, inScope),
                        _ => string.Empty,
                    });
                }
            }

            if (path.Length == 0)
            {
                path.Append('/');
            }

            var scopedBy = Class?.ScopedBy;
            if (scopedBy is not null && Pattern.GetParameter(scopedBy) is null)
            {
                path.Append('?').Append(scopedBy).Append('=').Append(Value(scopedBy, inScope));
            }

            return path.ToString();
        }

        private static string Value(string parameter, bool inScope) => parameter switch
        {
            "noKk" => inScope ? InHousehold : OutHousehold,
            "id" => NoSuchId,
            "culture" => "id",
            "format" => "csv",
            "documentName" => "v1",
            _ => inScope ? InRegion : OutRegion,
        };
    }
}
