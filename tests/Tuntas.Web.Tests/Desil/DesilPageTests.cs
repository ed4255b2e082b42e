using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using Tuntas.Domain.Access;
using Tuntas.Testing;
using Tuntas.Web.Tests.Pages;

namespace Tuntas.Web.Tests.Desil;

/// <summary>Dinas Sosial's desil import page, the household page's desil provenance and the dashboard's desil version.</summary>
public class DesilPageTests
{
    private const string BudiKk = "6474010101200001";

    private static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static async Task<PageSession> LoginAsync(TuntasWebFactory app, string user)
    {
        var session = PageSession.Open(app);
        Assert.Equal(HttpStatusCode.Redirect, (await session.LoginAsync(user, TuntasWebFactory.Password)).StatusCode);
        return session;
    }

    private static async Task<string> PostRankingAsync(PageSession session, string version, string ranking)
    {
        var content = new MultipartFormDataContent
        {
            { new StringContent(await session.AntiforgeryTokenAsync("/desil")), "__RequestVerificationToken" },
            { new StringContent("DTSEN"), "source" },
            { new StringContent(version), "version" },
        };
        var part = new ByteArrayContent(Encoding.UTF8.GetBytes(ranking));
        part.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        content.Add(part, "file", "desil-bontang.csv");
        var response = await session.Client.PostAsync("/desil", content);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }

    [Theory, DatabaseData]
    public async Task Verifier_ImportsARanking_SeesTheSummaryAndFollowUp_AndTheHouseholdShowsItsDesilWithSourceAndVersion(TestProvider provider)
    {
        await using var app = await TuntasWebFactory.CreateAsync(provider);
        await app.CreateUserAndTokenAsync("dinsos.bontang", Role.Verifier, "64.74");
        await app.CreateUserAndTokenAsync("op.bontangkuala", Role.Operator, "64.74.01.1001");
        var verifier = await LoginAsync(app, "dinsos.bontang");
        var version = Tuntas.Domain.Regions.RegionClock.DayAt(DateTime.UtcNow).AddDays(-10);

        var html = await PostRankingAsync(verifier, Day(version), $"Nomor KK,NIK,Desil,Nama\n{BudiKk},6474011708850002,Desil 1,Budi Santoso\n6474010101209999,,2,Keluarga Baru\n6474010101200002,,Desil nol,Agus Salim\n");

        Assert.DoesNotContain("alert error", html, StringComparison.Ordinal);
        foreach (var (figure, value) in new[] { ("rows", 3), ("accepted", 2), ("rejected", 1), ("unmatched", 1), ("updated", 1), ("listed", 1) })
        {
            Assert.Equal(value.ToString(CultureInfo.InvariantCulture), Regex.Match(html, $"id=\"{figure}\">([^<]*)<").Groups[1].Value);
        }

        Assert.Contains("6474010101209999", Regex.Match(html, "<table class=\"data\" id=\"follow-up\">.*?</table>", RegexOptions.Singleline).Value, StringComparison.Ordinal);
        var errors = Regex.Match(html, "href=\"(/desil\\?handler=Errors&upload=[a-f0-9]+)\"").Groups[1].Value;
        var download = await verifier.Client.GetAsync(errors);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Contains("desil 'Desil nol' tidak dikenali", await download.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // The follow-up list stays on the page for Dinas Sosial.
        var (_, page) = await verifier.GetAsync("/desil");
        Assert.Contains("Keluarga Baru", WebUtility.HtmlDecode(page), StringComparison.Ordinal);

        // An operator does not reach the page at all.
        var operatorSession = await LoginAsync(app, "op.bontangkuala");
        Assert.Equal(HttpStatusCode.NotFound, (await operatorSession.GetAsync("/desil")).Status);

        var (_, household) = await verifier.GetAsync($"/keluarga/{BudiKk}");
        household = WebUtility.HtmlDecode(household);
        var versionWords = version.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("id"));
        Assert.Contains($"1 (sumber DTSEN, versi {versionWords})", household, StringComparison.Ordinal);
        Assert.Contains("id=\"desil-history\"", household, StringComparison.Ordinal);

        var (_, dashboard) = await verifier.GetAsync("/dasbor/64.74");
        Assert.Contains($"Desil: DTSEN versi {versionWords}", WebUtility.HtmlDecode(dashboard), StringComparison.Ordinal);
    }
}
