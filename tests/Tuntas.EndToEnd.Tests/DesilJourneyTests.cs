using System.Globalization;
using Microsoft.Playwright;
using Tuntas.Domain.Access;
using Tuntas.Testing;

namespace Tuntas.EndToEnd.Tests;

public class DesilJourneyTests
{
    [Fact]
    public async Task Verifier_ImportsTheDtsenRanking_SeesTheFollowUpList_InBothLanguages_AndTheFamilyShowsItsDesilSource()
    {
        await using var live = await LiveApp.StartAsync(TestProvider.Sqlite);
        await live.CreateUserAsync("dinsos.bontang", Role.Verifier, "64.74");
        var page = await live.NewPageAsync();
        var version = Tuntas.Domain.Regions.RegionClock.DayAt(DateTime.UtcNow).AddDays(-5);
        var file = Path.Combine(Path.GetTempPath(), $"desil-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(file, string.Join("\n",
            "No. KK;Desil;NIK;Nama",
            "6474010101200001;Desil 1;6474011708850002;Budi Santoso",
            "6474010101209999;DESIL 2;;Keluarga Belum Terdaftar",
            "6474010101200002;dua belas;;Agus Salim") + "\n");

        await page.GotoAsync(live.BaseUrl + "/masuk");
        await page.GetByLabel("Nama pengguna").FillAsync("dinsos.bontang");
        await page.GetByLabel("Kata sandi").FillAsync(LiveApp.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Masuk" }).ClickAsync();
        await LiveApp.ArrivedAtAsync(page, "**/dasbor/**");

        await page.GotoAsync(live.BaseUrl + "/desil");
        await page.GetByLabel("Sumber desil").FillAsync("DTSEN");
        await page.GetByLabel("Tanggal versi").FillAsync(version.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await page.GetByLabel("Berkas (CSV atau XLSX)").SetInputFilesAsync(file);
        await page.GetByRole(AriaRole.Button, new() { Name = "Impor desil" }).ClickAsync();

        await Assertions.Expect(page.Locator("#rows")).ToHaveTextAsync("3");
        await Assertions.Expect(page.Locator("#unmatched")).ToHaveTextAsync("1");
        await Assertions.Expect(page.Locator("#rejected")).ToHaveTextAsync("1");
        await Assertions.Expect(page.Locator("#listed")).ToHaveTextAsync("1");
        await Assertions.Expect(page.Locator("#follow-up")).ToContainTextAsync("Keluarga Belum Terdaftar");
        await Assertions.Expect(page.Locator("#download-rejected")).ToBeVisibleAsync();

        await page.GotoAsync(live.BaseUrl + "/bahasa/en?returnUrl=%2Fdesil");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Desil import (SIKS-NG/DTSEN)");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Desil follow-up list (1)" })).ToBeVisibleAsync();

        await page.GotoAsync(live.BaseUrl + "/keluarga/6474010101200001");
        await Assertions.Expect(page.Locator("#desil")).ToContainTextAsync("1 (source DTSEN, version");
        await page.GotoAsync(live.BaseUrl + "/bahasa/id?returnUrl=%2Fkeluarga%2F6474010101200001");
        await Assertions.Expect(page.Locator("#desil")).ToContainTextAsync("1 (sumber DTSEN, versi " + version.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("id")) + ")");

        // A phone's width: the page fits without sideways scrolling.
        await page.SetViewportSizeAsync(360, 740);
        await page.GotoAsync(live.BaseUrl + "/desil");
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "The desil page scrolls sideways at 360 px.");
        await page.ScreenshotAsync(new() { Path = Path.Combine(Path.GetTempPath(), "tuntas-desil-phone.png"), FullPage = true });
    }
}
