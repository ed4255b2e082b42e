using System.Net;
using Tuntas.Domain.Access;
using Tuntas.Testing;

namespace Tuntas.Web.Tests.Pages;

public class PagesTests
{
    [Fact]
    public async Task Home_Anonymous_RedirectsToTheLoginPage()
    {
        await using var app = await TuntasWebFactory.CreateAsync(TestProvider.Sqlite, withFamilies: false);
        var session = PageSession.Open(app);

        var response = await session.Client.GetAsync("/keluarga");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/masuk", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LoginPage_IsInBahasaIndonesia_AndEnglishOnRequest()
    {
        await using var app = await TuntasWebFactory.CreateAsync(TestProvider.Sqlite, withFamilies: false);
        var session = PageSession.Open(app);

        var (_, indonesian) = await session.GetAsync("/masuk");
        var switched = await session.Client.GetAsync("/bahasa/en?returnUrl=%2Fmasuk");
        var (_, english) = await session.GetAsync("/masuk");

        Assert.Contains("<html lang=\"id\">", indonesian, StringComparison.Ordinal);
        Assert.Contains("Kata sandi", indonesian, StringComparison.Ordinal);
        Assert.Equal("/masuk", switched.Headers.Location!.OriginalString);
        Assert.Contains("<html lang=\"en\">", english, StringComparison.Ordinal);
        Assert.Contains("Password", english, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Login_WrongPassword_SaysSoInPlainWords()
    {
        await using var app = await TuntasWebFactory.CreateAsync(TestProvider.Sqlite, withFamilies: false);
        await app.CreateUserAndTokenAsync("dinsos.bontang", Role.Verifier, "64.74");
        var session = PageSession.Open(app);

        var response = await session.LoginAsync("dinsos.bontang", "not-the-password");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Nama pengguna atau kata sandi salah.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Role.Verifier, "64.74", "/dasbor/64.74")]
    [InlineData(Role.Operator, "64.74.01.1002", "/dasbor/64.74.01.1002")]
    [InlineData(Role.Province, "64", "/dasbor/64")]
    [InlineData(Role.Admin, null, "/wilayah")]
    public async Task Home_AfterSignIn_OpensTheDashboardOfTheUsersOwnRegion_OrTheRegionBrowserForTheWholeCountry(Role role, string? region, string expected)
    {
        await using var app = await TuntasWebFactory.CreateAsync(TestProvider.Sqlite, withFamilies: false);
        await app.CreateUserAndTokenAsync("pengguna", role, region);
        var session = PageSession.Open(app);

        var login = await session.LoginAsync("pengguna", TuntasWebFactory.Password);
        var home = await session.Client.GetAsync(login.Headers.Location!.OriginalString);
        var (landing, html) = await session.GetAsync(expected);

        Assert.Equal("/", login.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
        Assert.Equal(expected, home.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, landing);
        // The menu still leads to the region browser and to the dashboard.
        Assert.Contains("<a href=\"/wilayah\">Wilayah</a>", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/dasbor/" + region + "\">Dasbor</a>", html, StringComparison.Ordinal);
    }

    [Theory, DatabaseData]
    public async Task Verifier_LogsIn_AndBrowsesRegionsWithCounts(TestProvider provider)
    {
        await using var app = await TuntasWebFactory.CreateAsync(provider);
        await app.CreateUserAndTokenAsync("dinsos.bontang", Role.Verifier, "64.74");
        var session = PageSession.Open(app);

        var login = await session.LoginAsync("dinsos.bontang", TuntasWebFactory.Password);
        var home = await session.Client.GetAsync("/wilayah");
        var (status, bontang) = await session.GetAsync("/wilayah/64.74");
        var (_, bontangUtara) = await session.GetAsync("/wilayah/647401");

        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        Assert.Equal("/wilayah/64.74", home.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Kota Bontang", bontang, StringComparison.Ordinal);
        Assert.Contains("Bontang Utara", bontang, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/keluarga?region=64.74.01\">2</a>", bontang, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/keluarga?region=64.74.02\">0</a>", bontang, StringComparison.Ordinal);
        Assert.Equal(string.Empty, bontangUtara); // 647401 redirects to the dotted form
    }

    [Theory, DatabaseData]
    public async Task Verifier_RegionOfAnotherRegency_IsNotFound(TestProvider provider)
    {
        await using var app = await TuntasWebFactory.CreateAsync(provider);
        await app.CreateUserAndTokenAsync("dinsos.bontang", Role.Verifier, "64.74");
        var session = PageSession.Open(app);
        await session.LoginAsync("dinsos.bontang", TuntasWebFactory.Password);

        var (regionStatus, regionHtml) = await session.GetAsync("/wilayah/64.08");
        var (householdStatus, householdHtml) = await session.GetAsync("/keluarga/6408010101200003");

        Assert.Equal(HttpStatusCode.NotFound, regionStatus);
        Assert.Equal(HttpStatusCode.NotFound, householdStatus);
        Assert.Contains("di luar cakupan wilayah Anda", householdHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("Rahmat", householdHtml + regionHtml, StringComparison.Ordinal);
    }

    [Theory, DatabaseData]
    public async Task Operator_SearchesByName_AndOpensTheHousehold(TestProvider provider)
    {
        await using var app = await TuntasWebFactory.CreateAsync(provider);
        await app.CreateUserAndTokenAsync("op.bontangbaru", Role.Operator, "64.74.01.1002");
        var session = PageSession.Open(app);
        await session.LoginAsync("op.bontangbaru", TuntasWebFactory.Password);

        var (_, list) = await session.GetAsync("/keluarga?q=siti");
        var (_, detail) = await session.GetAsync("/keluarga/6474010101200002");

        Assert.Contains("6474010101200002", list, StringComparison.Ordinal);
        Assert.Contains("Agus Salim", list, StringComparison.Ordinal);
        Assert.DoesNotContain("Budi", list, StringComparison.Ordinal);
        Assert.Contains("Siti Rahayu", detail, StringComparison.Ordinal);
        Assert.Contains("6474015708900004", detail, StringComparison.Ordinal);
        Assert.Contains("17 Agustus 1990", detail, StringComparison.Ordinal);
        Assert.Contains("WITA", detail, StringComparison.Ordinal);
    }

    [Theory, DatabaseData]
    public async Task Analyst_SeesMaskedNikOnPages(TestProvider provider)
    {
        await using var app = await TuntasWebFactory.CreateAsync(provider);
        await app.CreateUserAndTokenAsync("bappeda.bontang", Role.Analyst, "64.74");
        var session = PageSession.Open(app);
        await session.LoginAsync("bappeda.bontang", TuntasWebFactory.Password);

        var (_, list) = await session.GetAsync("/keluarga");
        var (_, detail) = await session.GetAsync("/keluarga/6474010101200002");

        Assert.Contains("6474**********03", list, StringComparison.Ordinal);
        Assert.DoesNotContain("6474011708850003", list + detail, StringComparison.Ordinal);
        Assert.Contains("NIK disamarkan", detail, StringComparison.Ordinal);
    }
}
