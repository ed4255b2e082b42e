using Microsoft.Playwright;
using Tuntas.Domain.Access;
using Tuntas.Testing;

namespace Tuntas.EndToEnd.Tests;

/// <summary>An OpenSID population workbook through the import page: the desa is picked, the check shown, the import confirmed.</summary>
public class OpenSidImportJourneyTests
{
    private static async Task SignInAsync(LiveApp live, IPage page, string user)
    {
        await page.GotoAsync(live.BaseUrl + "/masuk");
        await page.GetByLabel("Nama pengguna").FillAsync(user);
        await page.GetByLabel("Kata sandi").FillAsync(LiveApp.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Masuk" }).ClickAsync();
        await LiveApp.ArrivedAtAsync(page, "**/dasbor/**");
    }

    [Fact]
    public async Task Verifier_OnAPhone_UploadsTheWorkbook_PicksTheDesa_AndImports()
    {
        await using var live = await LiveApp.StartAsync(TestProvider.Sqlite);
        await live.CreateUserAsync("dinsos.bontang", Role.Verifier, "64.74");
        var page = await live.NewPageAsync(new BrowserNewContextOptions { Locale = "id-ID", ViewportSize = new ViewportSize { Width = 360, Height = 740 } });
        await SignInAsync(live, page, "dinsos.bontang");

        await page.GotoAsync(live.BaseUrl + "/impor");
        // Under the template's own name, as a village operator downloads it from OpenSID.
        var file = Path.Combine(Directory.CreateTempSubdirectory("tuntas-opensid-").FullName, "FormatImporExcel.xlsm");
        File.Move(OpenSidWorkbooks.Population(), file);
        await page.GetByLabel("Berkas (CSV atau XLSX)").SetInputFilesAsync(file);
        await page.GetByLabel("Sumber data (misalnya P3KE-2024)").FillAsync("OpenSID Bontang Kuala");
        await page.GetByRole(AriaRole.Button, new() { Name = "Periksa berkas" }).ClickAsync();

        var card = page.Locator("section.card");
        await Assertions.Expect(card).ToContainTextAsync("buku kerja penduduk OpenSID");
        await page.GetByLabel("Desa/kelurahan").SelectOptionAsync("64.74.01.1001");
        await page.ScreenshotAsync(new() { Path = Path.Combine(Path.GetTempPath(), "tuntas-opensid-desa-phone.png"), FullPage = true });
        await page.GetByRole(AriaRole.Button, new() { Name = "Periksa berkas" }).ClickAsync();

        await Assertions.Expect(card).ToContainTextAsync("Hasil pemeriksaan (belum disimpan)");
        await Assertions.Expect(card).ToContainTextAsync("Tidak lagi tinggal (OpenSID)");
        Assert.Contains("Di OpenSID orang ini berstatus Mati (status_dasar 2)", await page.Locator("table.data").Nth(1).InnerTextAsync(), StringComparison.Ordinal);
        await page.ScreenshotAsync(new() { Path = Path.Combine(Path.GetTempPath(), "tuntas-opensid-check-phone.png"), FullPage = true });

        // Nothing wider than the phone.
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth + 1"), "the page scrolls sideways at 360 px");

        await page.GetByRole(AriaRole.Button, new() { Name = "Impor sekarang" }).ClickAsync();
        await Assertions.Expect(card).ToContainTextAsync("Impor selesai");

        await page.GotoAsync(live.BaseUrl + "/keluarga?q=lestari");
        Assert.Contains(OpenSidWorkbooks.KkC, await page.Locator("table.data").InnerTextAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Operator_InEnglish_HasTheirOwnDesaOffered_AndImports()
    {
        await using var live = await LiveApp.StartAsync(TestProvider.Sqlite);
        await live.CreateUserAsync("op.bontangkuala", Role.Operator, "64.74.01.1001");
        var page = await live.NewPageAsync();
        await SignInAsync(live, page, "op.bontangkuala");
        await page.GotoAsync(live.BaseUrl + "/impor");
        await page.GetByRole(AriaRole.Link, new() { Name = "EN", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("Import");

        await page.GetByLabel("File (CSV or XLSX)").SetInputFilesAsync(OpenSidWorkbooks.Population(".xlsx"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Check the file" }).ClickAsync();
        var card = page.Locator("section.card");
        await Assertions.Expect(card).ToContainTextAsync("This file is an OpenSID population workbook");
        var options = page.GetByLabel("Desa/kelurahan").Locator("option");
        Assert.Equal(1, await options.CountAsync());
        Assert.Equal("64.74.01.1001", await options.First.GetAttributeAsync("value"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Check the file" }).ClickAsync();

        await Assertions.Expect(card).ToContainTextAsync("Check result (nothing saved yet)");
        Assert.Contains("OpenSID records this person as Pindah (status_dasar 3)", await page.Locator("table.data").Nth(1).InnerTextAsync(), StringComparison.Ordinal);
        await page.GetByRole(AriaRole.Button, new() { Name = "Import now" }).ClickAsync();
        await Assertions.Expect(card).ToContainTextAsync("Import finished");
    }
}
