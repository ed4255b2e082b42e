using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Tuntas.Data.Demo;
using Tuntas.Testing;
using Xunit.Abstractions;

namespace Tuntas.EndToEnd.Tests;

public class PublicJourneyTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Resident_OpensBontangsPublicPage_SeesTheSevenAndTheMethod_AndSendsASanggah()
    {
        await using var live = await LiveApp.StartAsync(TestProvider.Sqlite, withFamilies: false);
        await using (var scope = live.App.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<DemoLoader>().LoadAsync(2025);
        }

        var shots = Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(shots);
        output.WriteLine($"Screenshots: {shots}");
        var page = await live.NewPageAsync();
        await page.SetViewportSizeAsync(1280, 900);

        // No sign-in: the public page of Kota Bontang as of 9 April 2025.
        await page.GotoAsync(live.BaseUrl + "/publik/64.74?at=2025-04-09");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Kota Bontang");
        await Assertions.Expect(page.Locator(".figure.headline .number")).ToHaveTextAsync(new Regex(@"^\s*7\s*KK\s*$"));
        await Assertions.Expect(page.Locator("#trend-h")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#method-h")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#proof-h")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-section=claim-audit]")).ToContainTextAsync("pemeriksaan ulang 30 dari 175 KK Graduasi: 29 sesuai, 1 keliru, 0 tidak ditemukan");
        await page.ScreenshotAsync(new() { Path = Path.Combine(shots, "public-bontang.png"), FullPage = true });

        // A sanggah about a family the resident thinks is no longer poor.
        await page.Locator("input[name='Input.Kind'][value='Sanggah']").CheckAsync();
        await page.Locator("#pub-village").SelectOptionAsync(new SelectOptionValue { Value = "64.74.01.1001" });
        await page.Locator("#pub-desc").FillAsync("Keluarga ini sudah punya usaha bengkel dan rumahnya sudah permanen sejak tahun lalu.");
        await page.Locator("#pub-name").FillAsync("Warga RT 05");
        await page.Locator("#usul button[type=submit]").ClickAsync();
        await Assertions.Expect(page.Locator("#usul .alert.ok")).ToContainTextAsync(new Regex("SG-[0-9]+"));
        await page.ScreenshotAsync(new() { Path = Path.Combine(shots, "public-sanggah-receipt.png"), FullPage = true });
    }
}
