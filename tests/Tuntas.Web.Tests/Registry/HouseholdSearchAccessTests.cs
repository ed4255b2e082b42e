using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Tuntas.Data.Access;
using Tuntas.Domain.Access;
using Tuntas.Domain.Registry;
using Tuntas.Testing;
using Tuntas.Web.Tests.Pages;

namespace Tuntas.Web.Tests.Registry;

/// <summary>
/// The province sees aggregates only: every household-level route answers it 404. Searching by
/// name, NIK or No. KK is for the roles that see both in full, whole values only, limited per user
/// and logged.
/// </summary>
public class HouseholdSearchAccessTests
{
    // Budi Santoso's household, in Kelurahan Bontang Kuala (64.74.01.1001), inside province 64.
    private const string BudiKk = "6474010101200001";
    private const string BudiNik = "6474011708850002";

    private static readonly string[] HouseholdRoutes =
    [
        "/api/v1/households?region=64",
        "/api/v1/households?region=64.74.01.1001",
        "/api/v1/households?region=64&q=santoso",
        $"/api/v1/households?q={BudiNik}",
        $"/api/v1/households/{BudiKk}",
        "/keluarga?region=64.74",
        "/keluarga?q=santoso",
        $"/keluarga/{BudiKk}",
        "/dasbor/64.74/keluarga?at=2026-11-22&status=extremePoor",
        "/dasbor/64.74/keluarga?at=2026-11-22&status=extremePoor&format=csv",
        "/dasbor/64.74/keluarga?at=2026-11-22&status=extremePoor&format=xlsx",
        "/intervensi/konvergensi?region=64.74",
        "/intervensi/daftar-kerja?region=64.74",
        "/intervensi/siap-graduasi?region=64.74",
        "/intervensi/tindak-lanjut",
    ];

    [Theory, DatabaseData]
    public async Task Province_TokenAndSignedInUser_Get404OnEveryHouseholdRoute(TestProvider provider)
    {
        await using var app = await TuntasWebFactory.CreateAsync(provider);
        var token = await app.ClientForAsync(Role.Province, "64");
        await app.CreateUserAndTokenAsync("prov.kaltim", Role.Province, "64");
        var session = PageSession.Open(app);
        await session.LoginAsync("prov.kaltim", TuntasWebFactory.Password);
        // The same household is there: a verifier of Bontang reads it.
        var verifier = await app.ClientForAsync(Role.Verifier, "64.74");
        Assert.Equal(HttpStatusCode.OK, (await verifier.GetAsync($"/api/v1/households/{BudiKk}")).StatusCode);
        // The province user is signed in: its dashboard answers.
        Assert.Equal(HttpStatusCode.OK, (await session.GetAsync("/dasbor/64")).Status);

        var byToken = new List<string>();
        var byPage = new List<string>();
        foreach (var route in HouseholdRoutes)
        {
            using var api = await token.GetAsync(route);
            byToken.Add($"{route} {(int)api.StatusCode}");
            Assert.DoesNotContain("Budi", await api.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            var (status, html) = await session.GetAsync(route);
            byPage.Add($"{route} {(int)status}");
            Assert.DoesNotContain("Budi", html, StringComparison.Ordinal);
        }

        Assert.Equal(HouseholdRoutes.Select(r => $"{r} 404"), byToken);
        Assert.Equal(HouseholdRoutes.Select(r => $"{r} 404"), byPage);
    }

    [Theory, DatabaseData]
    public async Task Search_ByFullNik_ConfirmsNothingToTheAnalyst_ButFindsTheHouseholdForAVerifier(TestProvider provider)
    {
        await using var app = await TuntasWebFactory.CreateAsync(provider);
        var analyst = await app.ClientForAsync(Role.Analyst, "64.74");
        var verifier = await app.ClientForAsync(Role.Verifier, "64.74");
        await app.CreateUserAndTokenAsync("analis.bontang", Role.Analyst, "64.74");
        var session = PageSession.Open(app);
        await session.LoginAsync("analis.bontang", TuntasWebFactory.Password);

        using var refused = await analyst.GetAsync($"/api/v1/households?q={BudiNik}");
        var (pageStatus, pageHtml) = await session.GetAsync($"/keluarga?q={BudiNik}");
        using var found = JsonDocument.Parse(await verifier.GetStringAsync($"/api/v1/households?q={BudiNik}"));

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var body = await refused.Content.ReadAsStringAsync();
        Assert.Contains("cannot search by name, NIK or No. KK", body, StringComparison.Ordinal);
        Assert.DoesNotContain(BudiKk, body, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, pageStatus);
        Assert.Contains("tidak dapat mencari menurut nama, NIK, atau No. KK", pageHtml, StringComparison.Ordinal);
        Assert.DoesNotContain(BudiKk, pageHtml, StringComparison.Ordinal);
        Assert.Equal(BudiKk, Assert.Single(found.RootElement.GetProperty("items").EnumerateArray()).GetProperty("noKk").GetString());
    }

    [Theory, DatabaseData]
    public async Task Search_AFragmentOfAName_FindsNothing_TheWholeWordFindsTheHousehold(TestProvider provider)
    {
        await using var app = await TuntasWebFactory.CreateAsync(provider);
        var verifier = await app.ClientForAsync(Role.Verifier, "64.74");

        using var fragment = JsonDocument.Parse(await verifier.GetStringAsync("/api/v1/households?q=sant"));
        using var word = JsonDocument.Parse(await verifier.GetStringAsync("/api/v1/households?q=Santoso"));

        Assert.Equal(0, fragment.RootElement.GetProperty("total").GetInt32());
        Assert.Equal(BudiKk, Assert.Single(word.RootElement.GetProperty("items").EnumerateArray()).GetProperty("noKk").GetString());
    }

    [Theory, DatabaseData]
    public async Task Search_OverTheLimitPerUser_Is429WithWords_ListingWithoutSearchStillWorks(TestProvider provider)
    {
        await using var app = await TuntasWebFactory.CreateAsync(provider);
        app.Settings["Tuntas:Limits:Searches"] = "3";
        await app.CreateUserAndTokenAsync("dinsos.bontang", Role.Verifier, "64.74");
        var session = PageSession.Open(app);
        await session.LoginAsync("dinsos.bontang", TuntasWebFactory.Password);
        var other = await app.ClientForAsync(Role.Verifier, "64.74");

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            statuses.Add((await session.GetAsync("/keluarga?q=budi")).Status);
        }

        var (pageOver, pageHtml) = await session.GetAsync("/keluarga?q=agus");
        var (plain, _) = await session.GetAsync("/keluarga");
        for (var i = 0; i < 3; i++)
        {
            statuses.Add((await other.GetAsync("/api/v1/households?q=budi")).StatusCode);
        }

        using var apiOver = await other.GetAsync("/api/v1/households?q=agus");

        Assert.Equal(Enumerable.Repeat(HttpStatusCode.OK, 6), statuses);
        Assert.Equal(HttpStatusCode.TooManyRequests, pageOver);
        Assert.Contains("Terlalu banyak pencarian: paling banyak 3 kali per menit", pageHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("Agus", pageHtml, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, plain);
        Assert.Equal(HttpStatusCode.TooManyRequests, apiOver.StatusCode);
        Assert.Contains("at most 3 a minute", await apiOver.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.True(apiOver.Headers.Contains("Retry-After"));
    }

    [Theory, DatabaseData]
    public async Task Search_IsLoggedInThePersonalDataLog_PageAndApi(TestProvider provider)
    {
        await using var app = await TuntasWebFactory.CreateAsync(provider);
        await app.CreateUserAndTokenAsync("dinsos.bontang", Role.Verifier, "64.74");
        var session = PageSession.Open(app);
        await session.LoginAsync("dinsos.bontang", TuntasWebFactory.Password);
        var api = await app.ClientForAsync(Role.Verifier, "64.74");

        Assert.Equal(HttpStatusCode.OK, (await session.GetAsync($"/keluarga?q={BudiNik}")).Status);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/households?q=santoso")).StatusCode);

        await using var db = app.CreateDbContext();
        var views = await db.PersonalDataViews.OrderBy(v => v.Id).ToListAsync();
        var page = Assert.Single(views, v => v.Action == PersonalDataLog.SearchPage);
        Assert.Equal("dinsos.bontang", page.UserName);
        // The kind of search and the value masked: the log never holds a searched person's whole NIK or name.
        Assert.StartsWith($"NIK/No. KK {Nik.Mask(BudiNik)}", page.Subject, StringComparison.Ordinal);
        Assert.Equal(1, page.Count);
        var fromApi = Assert.Single(views, v => v.Action == PersonalDataLog.ListApi);
        Assert.StartsWith("nama s******", fromApi.Subject, StringComparison.Ordinal);
        Assert.All(views, v => Assert.DoesNotContain(BudiNik, v.Subject, StringComparison.Ordinal));
        Assert.All(views, v => Assert.DoesNotContain("santoso", v.Subject, StringComparison.OrdinalIgnoreCase));
        Assert.Equal(1, fromApi.Count);
    }
}
