using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Tuntas.Data.Demo;
using Tuntas.Testing;
using Xunit.Abstractions;

namespace Tuntas.EndToEnd.Tests;

public class DashboardJourneyTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Verifier_OpensKutaiTimurDashboard_DrillsIntoMuaraAncalong_AndGoesBackToMidYear2024()
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

        await page.GotoAsync(live.BaseUrl + "/masuk");
        await page.GetByLabel("Nama pengguna").FillAsync("dinsos.kutim");
        await page.GetByLabel("Kata sandi").FillAsync(DemoLoader.DemoPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Masuk" }).ClickAsync();
        // Signing in opens the dashboard of the user's own kabupaten.
        await LiveApp.ArrivedAtAsync(page, "**/dasbor/64.08");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Kabupaten Kutai Timur");

        // The menu still leads to the region browser, and back to the dashboard.
        var menu = page.GetByRole(AriaRole.Navigation, new() { Name = "Beranda" });
        await menu.GetByRole(AriaRole.Link, new() { Name = "Wilayah", Exact = true }).ClickAsync();
        await LiveApp.ArrivedAtAsync(page, "**/wilayah/64.08");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Kabupaten Kutai Timur");
        await menu.GetByRole(AriaRole.Link, new() { Name = "Dasbor", Exact = true }).ClickAsync();
        await LiveApp.ArrivedAtAsync(page, "**/dasbor/64.08");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Kabupaten Kutai Timur");
        await Assertions.Expect(page.Locator(".scope").First).ToContainTextAsync("Kabupaten Kutai Timur · per ");
        await Assertions.Expect(page.Locator("figure.chart")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-figure=population-source]")).ToContainTextAsync("ilustrasi demo");
        await page.ScreenshotAsync(new() { Path = Path.Combine(shots, "dashboard-today.png"), FullPage = true });

        var ancalong = page.Locator("td[data-region='64.08.01'] a");
        var shown = await ancalong.InnerTextAsync();
        await ancalong.ClickAsync();
        await LiveApp.ArrivedAtAsync(page, "**/dasbor/64.08.01/keluarga?**");
        Assert.Contains("status=extremePoor", page.Url, StringComparison.Ordinal);
        await Assertions.Expect(page.Locator("[data-figure=total]")).ToHaveTextAsync(shown);
        await Assertions.Expect(page.Locator(".scope")).ToContainTextAsync("Kecamatan Muara Ancalong · per ");
        await page.ScreenshotAsync(new() { Path = Path.Combine(shots, "drill-down-list.png"), FullPage = true });

        var first = page.Locator("#households tbody tr td.code a").First;
        var noKk = await first.InnerTextAsync();
        await first.ClickAsync();
        await LiveApp.ArrivedAtAsync(page, "**/keluarga/" + noKk);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Riwayat status" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("table.data", new() { HasText = "Terverifikasi Miskin Ekstrem" }).First).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(shots, "household.png"), FullPage = true });

        // Back to the regency's dashboard through the menu (two quick history steps can race a slow page).
        await menu.GetByRole(AriaRole.Link, new() { Name = "Dasbor", Exact = true }).ClickAsync();
        await LiveApp.ArrivedAtAsync(page, "**/dasbor/64.08");
        await page.GetByLabel("Per tanggal").FillAsync("2024-06-30");
        await page.Locator("form.asof button").ClickAsync();
        await LiveApp.ArrivedAtAsync(page, "**/dasbor/64.08?at=2024-06-30");
        await Assertions.Expect(page.Locator(".scope").First).ToHaveTextAsync("Kabupaten Kutai Timur · per 30 Juni 2024");
        await Assertions.Expect(page.Locator("td[data-region='64.08.01'] a")).ToHaveTextAsync("500 KK");
        await Assertions.Expect(page.Locator("td[data-region='64.08.03'] a")).ToHaveTextAsync("400 KK");
        await page.ScreenshotAsync(new() { Path = Path.Combine(shots, "dashboard-2024-06-30.png"), FullPage = true });

        await page.Locator("td[data-region='64.08.01'] a").ClickAsync();
        await LiveApp.ArrivedAtAsync(page, "**/dasbor/64.08.01/keluarga?at=2024-06-30&status=extremePoor");
        await Assertions.Expect(page.Locator("[data-figure=total]")).ToHaveTextAsync("500 KK");
    }
}
