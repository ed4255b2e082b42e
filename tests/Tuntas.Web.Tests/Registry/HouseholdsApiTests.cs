using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Tuntas.Domain.Access;
using Tuntas.Testing;

namespace Tuntas.Web.Tests.Registry;

public class HouseholdsApiTests
{
    [Theory, DatabaseData]
    public async Task List_WithoutToken_Is401(TestProvider provider)
    {
        await using var app = await TuntasWebFactory.CreateAsync(provider);
        var client = app.CreateClient();

        var response = await client.GetAsync("/api/v1/households?region=64.74");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory, DatabaseData]
    public async Task List_WithUnknownToken_Is401(TestProvider provider)
    {
        await using var app = await TuntasWebFactory.CreateAsync(provider);
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", "tnt_this-token-was-never-issued");

        var response = await client.GetAsync("/api/v1/households?region=64.74");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory, DatabaseData]
    public async Task Get_OperatorReadingAnotherVillage_Is404LikeAMissingOne(TestProvider provider)
    {
        await using var app = await TuntasWebFactory.CreateAsync(provider);
        var operatorBontangKuala = await app.ClientForAsync(Role.Operator, "64.74.01.1001");

        var own = await operatorBontangKuala.GetAsync("/api/v1/households/6474010101200001");
        var otherVillage = await operatorBontangKuala.GetAsync("/api/v1/households/6474010101200002");
        var missing = await operatorBontangKuala.GetAsync("/api/v1/households/6474019999999999");

        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, otherVillage.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("application/problem+json", otherVillage.Content.Headers.ContentType?.MediaType);
        var otherBody = await otherVillage.Content.ReadAsStringAsync();
        Assert.DoesNotContain("Agus", otherBody, StringComparison.Ordinal);
    }

    [Theory, DatabaseData]
    public async Task Get_Verifier_SeesMembersWithFullNik(TestProvider provider)
    {
        await using var app = await TuntasWebFactory.CreateAsync(provider);
        var verifier = await app.ClientForAsync(Role.Verifier, "64.74");

        using var json = JsonDocument.Parse(await verifier.GetStringAsync("/api/v1/households/6474010101200002"));
        var root = json.RootElement;

        Assert.Equal("6474010101200002", root.GetProperty("noKk").GetString());
        Assert.Equal("64.74.01.1002", root.GetProperty("regionCode").GetString());
        Assert.Equal("registered", root.GetProperty("status").GetString());
        var members = root.GetProperty("members").EnumerateArray().ToList();
        Assert.Equal(2, members.Count);
        Assert.Equal("6474011708850003", members[0].GetProperty("nik").GetString());
        Assert.Equal("Agus Salim", members[0].GetProperty("name").GetString());
        Assert.Equal("L", members[0].GetProperty("sex").GetString());
        Assert.Equal("1985-08-17", members[0].GetProperty("birthDate").GetString());
        Assert.Equal("Kepala Keluarga", members[0].GetProperty("relation").GetString());
        Assert.Equal("P", members[1].GetProperty("sex").GetString());
    }

    [Theory, DatabaseData]
    public async Task List_Analyst_SeesNikMasked(TestProvider provider)
    {
        await using var app = await TuntasWebFactory.CreateAsync(provider);
        var analyst = await app.ClientForAsync(Role.Analyst, "64.74");

        using var list = JsonDocument.Parse(await analyst.GetStringAsync("/api/v1/households?region=64.74"));
        using var detail = JsonDocument.Parse(await analyst.GetStringAsync("/api/v1/households/6474010101200001"));

        Assert.Equal(2, list.RootElement.GetProperty("total").GetInt32());
        Assert.Equal(1, list.RootElement.GetProperty("page").GetInt32());
        Assert.All(list.RootElement.GetProperty("items").EnumerateArray(), i => Assert.Matches(@"^6474\*{10}\d{2}$", i.GetProperty("headNik").GetString()));
        Assert.Equal("6474**********02", detail.RootElement.GetProperty("members")[0].GetProperty("nik").GetString());
    }

    [Theory, DatabaseData]
    public async Task List_RegionOutsideScope_Is404(TestProvider provider)
    {
        await using var app = await TuntasWebFactory.CreateAsync(provider);
        var verifier = await app.ClientForAsync(Role.Verifier, "64.74");

        var response = await verifier.GetAsync("/api/v1/households?region=64.08");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory, DatabaseData]
    public async Task List_RegionAboveScope_IsNarrowedToTheScope(TestProvider provider)
    {
        await using var app = await TuntasWebFactory.CreateAsync(provider);
        var verifier = await app.ClientForAsync(Role.Verifier, "64.74");

        var list = await verifier.GetFromJsonAsync<JsonElement>("/api/v1/households?region=64");

        Assert.Equal(2, list.GetProperty("total").GetInt32());
        Assert.All(list.GetProperty("items").EnumerateArray(), i => Assert.StartsWith("64.74.", i.GetProperty("regionCode").GetString(), StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("region=64.7x", "region")]
    [InlineData("status=rich", "status")]
    [InlineData("page=0", "page")]
    [InlineData("pageSize=100000", "pageSize")]
    public async Task List_BadParameter_Is400ProblemNamingIt(string query, string parameter)
    {
        await using var app = await TuntasWebFactory.CreateAsync(TestProvider.Sqlite);
        var admin = await app.ClientForAsync(Role.Admin, null);

        var response = await admin.GetAsync("/api/v1/households?" + query);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty(parameter, out _));
    }

    [Theory, DatabaseData]
    public async Task List_Paging_ReturnsTheRequestedPageAndTotal(TestProvider provider)
    {
        await using var app = await TuntasWebFactory.CreateAsync(provider);
        var admin = await app.ClientForAsync(Role.Admin, null);

        var second = await admin.GetFromJsonAsync<JsonElement>("/api/v1/households?page=2&pageSize=2");

        Assert.Equal(3, second.GetProperty("total").GetInt32());
        Assert.Equal(2, second.GetProperty("page").GetInt32());
        var only = Assert.Single(second.GetProperty("items").EnumerateArray());
        Assert.Equal("6474010101200002", only.GetProperty("noKk").GetString());
    }
}
