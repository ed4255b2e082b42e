using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Tuntas.Testing;

namespace Tuntas.EndToEnd.Tests;

public class PublicPositionJourneyTests
{
    [Fact]
    public async Task Resident_OnAPhoneInBahasaIndonesia_SendsAnUsulWithTheGpsPosition_AndItIsKept()
    {
        await using var live = await LiveApp.StartAsync(TestProvider.Sqlite);
        var page = await live.NewPageAsync(new BrowserNewContextOptions
        {
            Locale = "id-ID",
            ViewportSize = new ViewportSize { Width = 360, Height = 740 },
            Geolocation = new Geolocation { Latitude = 0.1386f, Longitude = 117.5f, Accuracy = 12 },
            Permissions = ["geolocation"],
        });

        await page.GotoAsync(live.BaseUrl + "/publik/64.74");
        await page.Locator("#pub-village").SelectOptionAsync(new SelectOptionValue { Value = "64.74.01.1002" });
        await page.Locator("#pub-desc").FillAsync("Keluarga di ujung gang tidak makan dua kali sehari sejak bulan lalu.");
        await page.Locator("#pub-name").FillAsync("Ibu Sari");
        await page.GetByRole(AriaRole.Button, new() { Name = "Ambil lokasi GPS" }).ClickAsync();
        await Assertions.Expect(page.Locator("input[name='Input.Latitude']")).ToHaveValueAsync("0.138600");
        await page.Locator("#usul button[type=submit]").ClickAsync();

        await Assertions.Expect(page.Locator("#usul .alert.ok")).ToContainTextAsync(new Regex("US-[0-9]{6}"));
        await using var db = live.Database.CreateContext();
        var proposal = await db.Proposals.SingleAsync();
        Assert.EndsWith("\nLokasi (GPS): 0.138600, 117.500000", proposal.Description, StringComparison.Ordinal);
    }
}
