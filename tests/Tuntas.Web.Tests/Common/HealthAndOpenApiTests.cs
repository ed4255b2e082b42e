using System.Net;
using System.Text.Json;
using Tuntas.Testing;

namespace Tuntas.Web.Tests.Common;

public class HealthAndOpenApiTests
{
    [Theory, DatabaseData]
    public async Task Health_DatabaseAnswers_Is200(TestProvider provider)
    {
        await using var app = await TuntasWebFactory.CreateAsync(provider, withFamilies: false);

        var response = await app.CreateClient().GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("\"database\":\"up\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenApi_DescribesTheHouseholdEndpoints()
    {
        await using var app = await TuntasWebFactory.CreateAsync(TestProvider.Sqlite, withFamilies: false);

        using var doc = JsonDocument.Parse(await app.CreateClient().GetStringAsync("/openapi/v1.json"));
        var paths = doc.RootElement.GetProperty("paths");

        Assert.True(paths.TryGetProperty("/api/v1/households", out _));
        Assert.True(paths.TryGetProperty("/api/v1/households/{noKk}", out _));
        Assert.True(paths.TryGetProperty("/api/v1/regions", out _));
    }
}
