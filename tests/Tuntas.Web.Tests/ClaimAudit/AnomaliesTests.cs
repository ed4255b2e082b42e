using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Tuntas.Domain.Access;
using Tuntas.Domain.Registry;
using Tuntas.Testing;
using Tuntas.Web.Tests.Pages;

namespace Tuntas.Web.Tests.ClaimAudit;

/// <summary>The anomaly flags through the API and the screen, scoped per role and region.</summary>
public class AnomaliesTests
{
    private const string BudiKk = "6474010101200001";

    /// <summary>Budi's family graduated in an imported history, with no visit and no programme behind it.</summary>
    private static async Task<TuntasWebFactory> AppAsync(TestProvider provider)
    {
        var app = await TuntasWebFactory.CreateAsync(provider);
        await using var db = app.CreateDbContext();
        await ImportedHistory.ChangeAsync(db, BudiKk, HouseholdStatus.Registered, HouseholdStatus.Listed, new DateOnly(2024, 1, 10), "sistem:klasifikasi");
        await ImportedHistory.ChangeAsync(db, BudiKk, HouseholdStatus.Listed, HouseholdStatus.Verified, new DateOnly(2024, 2, 10), "petugas.impor");
        await ImportedHistory.ChangeAsync(db, BudiKk, HouseholdStatus.Verified, HouseholdStatus.Graduated, new DateOnly(2025, 3, 1), "petugas.impor");
        return app;
    }

    [Theory, DatabaseData]
    public async Task Api_AnswersTheFlagsInScope_404Outside_400ForABadDate_401WithoutAToken(TestProvider provider)
    {
        await using var app = await AppAsync(provider);
        var verifier = await app.ClientForAsync(Role.Verifier, "64.74");
        var analyst = await app.ClientForAsync(Role.Analyst, "64.74");
        var kutim = await app.ClientForAsync(Role.Verifier, "64.08");
        var operatorClient = await app.ClientForAsync(Role.Operator, "64.74.01.1001");

        var json = await verifier.GetFromJsonAsync<JsonElement>("/api/v1/anomalies?region=64.74");
        var later = await analyst.GetFromJsonAsync<JsonElement>("/api/v1/anomalies?region=64.74.01&from=2025-03-02&to=2025-12-31");
        var outside = await kutim.GetAsync("/api/v1/anomalies?region=64.74");
        var otherRole = await operatorClient.GetAsync("/api/v1/anomalies?region=64.74.01.1001");
        var badDate = await verifier.GetAsync("/api/v1/anomalies?region=64.74&from=1%20Maret%202025");
        var reversed = await verifier.GetAsync("/api/v1/anomalies?region=64.74&from=2025-03-02&to=2025-03-01");
        var anonymous = await app.CreateClient().GetAsync("/api/v1/anomalies?region=64.74");

        Assert.Equal(["flags"], json.EnumerateObject().Select(p => p.Name));
        var flags = json.GetProperty("flags").EnumerateArray().ToList();
        Assert.All(flags, f => Assert.Equal(["kind", "region", "noKk", "detail", "severity"], f.EnumerateObject().Select(p => p.Name)));
        Assert.Equal(
            [("exit-without-visit", "64.74.01.1001", BudiKk, "high"), ("graduation-without-intervention", "64.74.01.1001", BudiKk, "medium")],
            flags.Select(f => (f.GetProperty("kind").GetString(), f.GetProperty("region").GetString(), f.GetProperty("noKk").GetString(), f.GetProperty("severity").GetString())));
        Assert.Empty(later.GetProperty("flags").EnumerateArray());
        Assert.Equal(HttpStatusCode.NotFound, outside.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, otherRole.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badDate.StatusCode);
        var problem = await badDate.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty("from", out _), problem.GetRawText());
        Assert.Equal(HttpStatusCode.BadRequest, reversed.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }

    [Theory, DatabaseData]
    public async Task Page_ListsTheFlagsByRule_WithTheRuleInPlainWords_AndLinksToTheHousehold(TestProvider provider)
    {
        await using var app = await AppAsync(provider);
        await app.CreateUserAndTokenAsync("dinsos.bontang", Role.Verifier, "64.74");
        await app.CreateUserAndTokenAsync("dinsos.kutim", Role.Verifier, "64.08");
        var session = PageSession.Open(app);
        Assert.Equal(HttpStatusCode.Redirect, (await session.LoginAsync("dinsos.bontang", TuntasWebFactory.Password)).StatusCode);
        var kutim = PageSession.Open(app);
        Assert.Equal(HttpStatusCode.Redirect, (await kutim.LoginAsync("dinsos.kutim", TuntasWebFactory.Password)).StatusCode);

        var (status, html) = await session.GetAsync("/anomali?region=64.74");
        var (_, own) = await session.GetAsync("/anomali");
        var (_, window) = await session.GetAsync("/anomali?region=64.74&from=2025-03-02");
        var (_, bad) = await session.GetAsync("/anomali?region=64.74&from=kemarin");
        var (_, dashboard) = await session.GetAsync("/dasbor/64.74");
        var (outside, _) = await kutim.GetAsync("/anomali?region=64.74");

        Assert.True(status == HttpStatusCode.OK, html[..Math.Min(html.Length, 2000)]);
        Assert.Contains("Keluar tanpa kunjungan lapangan", html, StringComparison.Ordinal);
        Assert.Contains("Graduasi tanpa intervensi", html, StringComparison.Ordinal);
        Assert.Contains("lebih dari 5 km", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"/keluarga/{BudiKk}\"", html, StringComparison.Ordinal);
        Assert.Contains("tanpa kunjungan lapangan yang tercatat", html, StringComparison.Ordinal);
        Assert.Contains("data-kind=\"exit-without-visit\">1<", html, StringComparison.Ordinal);
        Assert.Contains("data-kind=\"visit-far-from-village\">0<", html, StringComparison.Ordinal);
        Assert.Contains("Kota Bontang", own, StringComparison.Ordinal);
        Assert.Contains("data-figure=\"anomalies\"", window, StringComparison.Ordinal);
        Assert.Contains("alert error", bad, StringComparison.Ordinal);
        Assert.Contains("href=\"/anomali?region=64.74\"", dashboard, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, outside);
    }
}
