using Microsoft.Playwright;
using Tuntas.Domain.Access;
using Tuntas.Testing;

namespace Tuntas.EndToEnd.Tests;

public class BrowseRegisterJourneyTests
{
    [Theory, DatabaseData]
    public async Task Verifier_SignsIn_DrillsDownToAFamily_AndSwitchesToEnglish(TestProvider provider)
    {
        await using var live = await LiveApp.StartAsync(provider);
        await live.CreateUserAsync("dinsos.bontang", Role.Verifier, "64.74");
        var page = await live.NewPageAsync();

        await page.GotoAsync(live.BaseUrl + "/");
        Assert.Contains("/masuk", page.Url, StringComparison.Ordinal);
        await page.GetByLabel("Nama pengguna").FillAsync("dinsos.bontang");
        await page.GetByLabel("Kata sandi").FillAsync(LiveApp.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Masuk" }).ClickAsync();

        // Signing in opens the city's dashboard; the menu leads on to the region browser.
        await LiveApp.ArrivedAtAsync(page, "**/dasbor/64.74");
        await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Beranda" }).GetByRole(AriaRole.Link, new() { Name = "Wilayah", Exact = true }).ClickAsync();
        await LiveApp.ArrivedAtAsync(page, "**/wilayah/64.74");
        Assert.Equal("Kota Bontang", await page.Locator("h1").InnerTextAsync());

        // A click while the page is still loading can be lost on a busy machine: let it finish first.
        await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
        await page.GetByRole(AriaRole.Link, new() { Name = "Bontang Utara", Exact = true }).ClickAsync();
        await LiveApp.ArrivedAtAsync(page, "**/wilayah/64.74.01");
        var bontangKualaRow = page.Locator("tr", new() { HasText = "Bontang Kuala" });
        Assert.Equal("1", await bontangKualaRow.Locator("td.num a").InnerTextAsync());

        await bontangKualaRow.Locator("td.num a").ClickAsync();
        await LiveApp.ArrivedAtAsync(page, "**/keluarga?region=64.74.01.1001");
        await page.GetByRole(AriaRole.Link, new() { Name = "6474010101200001" }).ClickAsync();

        await LiveApp.ArrivedAtAsync(page, "**/keluarga/6474010101200001");
        Assert.Equal("Budi Santoso", await page.Locator("h1").InnerTextAsync());
        Assert.Contains("6474011708850002", await page.Locator("table.data").InnerTextAsync(), StringComparison.Ordinal);
        await page.ScreenshotAsync(new() { Path = Path.Combine(Path.GetTempPath(), $"tuntas-household-{provider}.png"), FullPage = true });

        await page.GetByRole(AriaRole.Link, new() { Name = "EN", Exact = true }).ClickAsync();
        await LiveApp.ArrivedAtAsync(page, "**/keluarga/6474010101200001");
        // The same address before and after the switch: wait for the English text itself.
        await Assertions.Expect(page.Locator("h2").First).ToContainTextAsync("Family members");
    }

    [Fact]
    public async Task Operator_SearchesTheRegisterOnAPhoneSizedScreen()
    {
        await using var live = await LiveApp.StartAsync(TestProvider.Sqlite);
        await live.CreateUserAsync("op.bontangbaru", Role.Operator, "64.74.01.1002");
        var context = await live.Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 360, Height = 740 } });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(90_000);

        await page.GotoAsync(live.BaseUrl + "/masuk");
        await page.GetByLabel("Nama pengguna").FillAsync("op.bontangbaru");
        await page.GetByLabel("Kata sandi").FillAsync(LiveApp.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Masuk" }).ClickAsync();
        await LiveApp.ArrivedAtAsync(page, "**/dasbor/64.74.01.1002");

        await page.GotoAsync(live.BaseUrl + "/keluarga");
        await page.GetByPlaceholder("No. KK, NIK atau nama").FillAsync("siti");
        await page.GetByRole(AriaRole.Button, new() { Name = "Cari" }).ClickAsync();
        await LiveApp.ArrivedAtAsync(page, "**/keluarga?*q=siti*");

        var rows = page.Locator("table.data tbody tr");
        Assert.Equal(1, await rows.CountAsync());
        Assert.Contains("Agus Salim", await rows.First.InnerTextAsync(), StringComparison.Ordinal);
        await page.ScreenshotAsync(new() { Path = Path.Combine(Path.GetTempPath(), "tuntas-search-phone.png"), FullPage = true });
    }
}
