using System.Net;
using Tuntas.Testing;
using Tuntas.Web.Tests.Pages;

namespace Tuntas.Web.Tests.Public;

/// <summary>The position a resident's browser sends is read the same in Bahasa Indonesia and in English.</summary>
public partial class PublicTransparencyTests
{
    private static async Task<PageSession> VisitorAsync(TuntasWebFactory app, string language)
    {
        var session = PageSession.Open(app);
        Assert.Equal(HttpStatusCode.Redirect, (await session.Client.GetAsync($"/bahasa/{language}?returnUrl=/")).StatusCode);
        return session;
    }

    [Theory, DatabaseData]
    public async Task PublicForm_PositionTheBrowserWroteWithADot_IsKeptInBahasaIndonesiaAndInEnglish(TestProvider provider)
    {
        await using var app = await AppAsync(provider);

        foreach (var (language, latitude, longitude) in new[] { ("id", "0.138600", "117.500000"), ("en", "-0.5", "117.4951") })
        {
            var session = await VisitorAsync(app, language);
            var sent = await SendAsync(session,
                [.. Form("Usul", "64.74.01.1002", "", "Keluarga di ujung gang tidak makan dua kali sehari."), ("Input.Latitude", latitude), ("Input.Longitude", longitude)]);
            var html = WebUtility.HtmlDecode(await sent.Content.ReadAsStringAsync());
            Assert.True(sent.StatusCode == HttpStatusCode.Redirect, $"{language}: {(int)sent.StatusCode} {System.Text.RegularExpressions.Regex.Match(html, "alert error[^>]*>([^<]*)<").Groups[1].Value}");
        }

        var proposals = await ProposalsAsync(app);
        Assert.Equal(2, proposals.Count);
        Assert.EndsWith("\nLokasi (GPS): 0.138600, 117.500000", proposals[0].Description, StringComparison.Ordinal);
        Assert.EndsWith("\nLokasi (GPS): -0.500000, 117.495100", proposals[1].Description, StringComparison.Ordinal);
    }

    [Theory, DatabaseData]
    public async Task PublicForm_PositionThatIsNotANumber_SaysWhich_KeepsWhatWasTyped_AndSavesNothing(TestProvider provider)
    {
        await using var app = await AppAsync(provider);

        var indonesian = await SendAsync(await VisitorAsync(app, "id"),
            [.. Form("Usul", "64.74.01.1002", "", "Keluarga di ujung gang tidak makan dua kali sehari."), ("Input.Latitude", "utara"), ("Input.Longitude", "117.5")]);
        var english = await SendAsync(await VisitorAsync(app, "en"),
            [.. Form("Usul", "64.74.01.1002", "", "Keluarga di ujung gang tidak makan dua kali sehari."), ("Input.Latitude", "0.1386"), ("Input.Longitude", "117,5,1")]);

        var idHtml = WebUtility.HtmlDecode(await indonesian.Content.ReadAsStringAsync());
        var enHtml = WebUtility.HtmlDecode(await english.Content.ReadAsStringAsync());
        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (indonesian.StatusCode, english.StatusCode));
        Assert.Contains("“utara” bukan angka yang bisa dibaca: tulis misalnya 0.138600 atau -0,5.", idHtml, StringComparison.Ordinal);
        Assert.Contains("name=\"Input.Latitude\" value=\"utara\"", idHtml, StringComparison.Ordinal);
        Assert.Contains("“117,5,1” is not a number that can be read: write for example 0.138600 or -0.5.", enHtml, StringComparison.Ordinal);
        Assert.Contains("name=\"Input.Longitude\" value=\"117,5,1\"", enHtml, StringComparison.Ordinal);
        Assert.Contains("Keluarga di ujung gang tidak makan dua kali sehari.", enHtml, StringComparison.Ordinal);
        Assert.Empty(await ProposalsAsync(app));
    }
}
