using Microsoft.Playwright;
using Tuntas.Domain.Access;
using Tuntas.Testing;

namespace Tuntas.EndToEnd.Tests;

public class ImportJourneyTests
{
    [Fact]
    public async Task Operator_UploadsAList_SeesTheCheck_ConfirmsIt_AndFindsTheFamily()
    {
        await using var live = await LiveApp.StartAsync(TestProvider.Sqlite);
        await live.CreateUserAsync("op.bontangkuala", Role.Operator, "64.74.01.1001");
        var page = await live.NewPageAsync();
        var file = Path.Combine(Path.GetTempPath(), $"keluarga-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(file, string.Join("\n",
            "NO_KK;KODE_DESA;NIK;NAMA_LENGKAP;JK;TGL_LAHIR;HUB_KK",
            "6474010101200021;6474011001;6474011708850022;Rudi Hartono;L;17-08-1985;Kepala Keluarga",
            "6474010101200021;6474011001;6474015708900023;Wati Hartono;P;17/08/1990;Istri",
            "6474010101200021;6474011001;6474011203150024;Dodi Hartono;L;30-02-2015;Anak") + "\n");

        await page.GotoAsync(live.BaseUrl + "/masuk");
        await page.GetByLabel("Nama pengguna").FillAsync("op.bontangkuala");
        await page.GetByLabel("Kata sandi").FillAsync(LiveApp.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Masuk" }).ClickAsync();
        await LiveApp.ArrivedAtAsync(page, "**/dasbor/**");

        await page.GetByRole(AriaRole.Link, new() { Name = "Impor Data" }).ClickAsync();
        await page.GetByLabel("Berkas (CSV atau XLSX)").SetInputFilesAsync(file);
        await page.GetByLabel("Sumber data (misalnya P3KE-2024)").FillAsync("Musdes-2026");
        await page.GetByRole(AriaRole.Button, new() { Name = "Periksa berkas" }).ClickAsync();

        var result = page.Locator("section.card");
        await Assertions.Expect(result).ToContainTextAsync("Hasil pemeriksaan (belum disimpan)");
        Assert.Contains("tanggal_lahir '30-02-2015' bukan tanggal yang ada", await page.Locator("table.data").Last.InnerTextAsync(), StringComparison.Ordinal);
        await page.ScreenshotAsync(new() { Path = Path.Combine(Path.GetTempPath(), "tuntas-import-check.png"), FullPage = true });

        await page.GetByRole(AriaRole.Button, new() { Name = "Impor sekarang" }).ClickAsync();
        await Assertions.Expect(result).ToContainTextAsync("Impor selesai");

        await page.GotoAsync(live.BaseUrl + "/keluarga?q=hartono");
        Assert.Contains("6474010101200021", await page.Locator("table.data").InnerTextAsync(), StringComparison.Ordinal);
    }
}
