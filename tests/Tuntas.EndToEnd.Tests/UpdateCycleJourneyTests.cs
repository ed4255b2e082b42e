using System.Globalization;
using System.IO.Compression;
using Microsoft.Playwright;
using Tuntas.Domain.Access;
using Tuntas.Testing;

namespace Tuntas.EndToEnd.Tests;

/// <summary>
/// The monthly update cycle in the browser: Dinas Sosial opens last month's cycle, the village
/// operator on a phone records the meeting with its berita acara and enters a proposal, and Dinas
/// Sosial accepts it and downloads the workbook for SIKS-NG; the villages that did nothing read "late".
/// </summary>
public class UpdateCycleJourneyTests
{
    private static readonly byte[] Pdf = "%PDF-1.4 berita acara musyawarah desa"u8.ToArray();

    private static string Shot(string name) => Path.Combine(Path.GetTempPath(), $"tuntas-{name}.png");

    private static async Task SignInAsync(IPage page, LiveApp live, string user)
    {
        await page.GotoAsync(live.BaseUrl + "/masuk");
        await page.GetByLabel("Nama pengguna").FillAsync(user);
        await page.GetByLabel("Kata sandi").FillAsync(LiveApp.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Masuk" }).ClickAsync();
        await LiveApp.ArrivedAtAsync(page, "**/dasbor/**");
    }

    [Fact]
    public async Task Operator_RecordsTheMeetingAndAProposalOnAPhone_AndTheVerifierChecksAndExportsIt()
    {
        await using var live = await LiveApp.StartAsync(TestProvider.Sqlite);
        await live.CreateUserAsync("dinsos.bontang", Role.Verifier, "64.74");
        await live.CreateUserAsync("op.bontangkuala", Role.Operator, "64.74.01.1001");
        var today = Tuntas.Domain.Regions.RegionClock.DayAt(DateTime.UtcNow);
        var month = new DateOnly(today.Year, today.Month, 1).AddMonths(-1);
        var monthText = month.ToString("yyyy-MM", CultureInfo.InvariantCulture);

        // Dinas Sosial opens last month's cycle for the city, with the default deadlines.
        var desk = await live.NewPageAsync();
        await SignInAsync(desk, live, "dinsos.bontang");
        await desk.GotoAsync(live.BaseUrl + "/pemutakhiran");
        await desk.GetByLabel("Kode kabupaten/kota").FillAsync("64.74");
        await desk.GetByLabel("Bulan").FillAsync(monthText);
        await desk.GetByRole(AriaRole.Button, new() { Name = "Buka siklus" }).ClickAsync();
        await LiveApp.ArrivedAtAsync(desk, "**/pemutakhiran/*");
        Assert.Contains("paling lambat 14 " + month.ToString("MMMM yyyy", CultureInfo.GetCultureInfo("id-ID")), await desk.Locator("dl.facts").InnerTextAsync(), StringComparison.Ordinal);
        var cycleUrl = desk.Url;

        // The operator, on a phone-sized screen, opens the village's own page from the menu.
        var phoneContext = await live.Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 360, Height = 740 }, Locale = "id-ID" });
        var phone = await phoneContext.NewPageAsync();
        phone.SetDefaultTimeout(90_000);
        await SignInAsync(phone, live, "op.bontangkuala");
        await phone.Locator("header details.menu summary").ClickAsync();
        await phone.GetByRole(AriaRole.Link, new() { Name = "Pemutakhiran", Exact = true }).ClickAsync();
        await phone.GetByRole(AriaRole.Link, new() { Name = "Buka", Exact = true }).ClickAsync();
        await LiveApp.ArrivedAtAsync(phone, "**/pemutakhiran/*/desa/64.74.01.1001");
        Assert.Contains("Terlambat", await phone.Locator("tr[data-step=Meeting]").InnerTextAsync(), StringComparison.Ordinal);

        await phone.GetByLabel("Tanggal musyawarah").FillAsync(month.AddDays(9).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await phone.GetByLabel("Berita acara").SetInputFilesAsync(new FilePayload { Name = "berita-acara.pdf", MimeType = "application/pdf", Buffer = Pdf });
        await phone.GetByRole(AriaRole.Button, new() { Name = "Simpan musyawarah" }).ClickAsync();
        await LiveApp.ArrivedAtAsync(phone, "**/desa/64.74.01.1001?saved=meeting");
        Assert.Contains("Selesai", await phone.Locator("tr[data-step=Meeting]").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("berita-acara.pdf", await phone.Locator("main").InnerTextAsync(), StringComparison.Ordinal);

        await phone.GetByLabel("No. KK").FillAsync("6474010101200001");
        await phone.GetByLabel("NIK kepala keluarga").FillAsync("6474011708850002");
        await phone.GetByLabel("Nama kepala keluarga").FillAsync("Budi Santoso");
        await phone.GetByLabel("Jenis usulan").SelectOptionAsync(new SelectOptionValue { Label = "Perbaikan data" });
        await phone.GetByLabel("Alasan").FillAsync("Pekerjaan kepala keluarga berubah.");
        await phone.GetByRole(AriaRole.Button, new() { Name = "Simpan usulan" }).ClickAsync();
        await LiveApp.ArrivedAtAsync(phone, "**/desa/64.74.01.1001?saved=proposal");
        Assert.Contains("Menunggu pemeriksaan", await phone.Locator("tr[data-proposal='6474010101200001']").InnerTextAsync(), StringComparison.Ordinal);
        await phone.GetByRole(AriaRole.Button, new() { Name = "Semua usulan bulan ini sudah diinput" }).ClickAsync();
        await LiveApp.ArrivedAtAsync(phone, "**/desa/64.74.01.1001?saved=done");
        Assert.Contains("Selesai terlambat", await phone.Locator("tr[data-step=Proposals]").InnerTextAsync(), StringComparison.Ordinal);
        var width = await phone.EvaluateAsync<int>("document.documentElement.scrollWidth");
        Assert.True(width <= 360, $"The village page is {width} px wide on a 360 px screen.");
        await phone.ScreenshotAsync(new() { Path = Shot("cycle-village-phone"), FullPage = true });

        // Dinas Sosial sees the other villages late, in words, accepts the proposal and downloads the workbook.
        await desk.GotoAsync(cycleUrl);
        Assert.Contains("Terlambat", await desk.Locator("tr[data-village='64.74.01.1002']").InnerTextAsync(), StringComparison.Ordinal);
        var row = desk.Locator("tr[data-proposal='6474010101200001']");
        await row.GetByRole(AriaRole.Button, new() { Name = "Terima" }).ClickAsync();
        await LiveApp.ArrivedAtAsync(desk, "**/pemutakhiran/*#usulan");
        Assert.Contains("Diterima", await desk.Locator("tr[data-proposal='6474010101200001']").InnerTextAsync(), StringComparison.Ordinal);
        var download = await desk.RunAndWaitForDownloadAsync(() => desk.GetByRole(AriaRole.Link, new() { Name = "Unduh usulan untuk SIKS-NG (.xlsx)" }).ClickAsync());
        var path = Path.Combine(Path.GetTempPath(), $"tuntas-usulan-{Guid.NewGuid():N}.xlsx");
        await download.SaveAsAsync(path);
        try
        {
            using var zip = ZipFile.OpenRead(path);
            using var reader = new StreamReader(zip.GetEntry("xl/worksheets/sheet1.xml")!.Open());
            var sheet = await reader.ReadToEndAsync();
            Assert.Contains("Kota Bontang · bulan " + month.ToString("MMMM yyyy", CultureInfo.GetCultureInfo("id-ID")), sheet, StringComparison.Ordinal);
            Assert.Contains(">6474011708850002<", sheet, StringComparison.Ordinal);
            Assert.Contains(">Perbaikan Data<", sheet, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }

        await desk.ScreenshotAsync(new() { Path = Shot("cycle-desk"), FullPage = true });

        // The same page in English.
        await desk.GetByRole(AriaRole.Link, new() { Name = "EN", Exact = true }).ClickAsync();
        await Assertions.Expect(desk.Locator("h2").First).ToContainTextAsync("Deadlines");
        Assert.Contains("Late", await desk.Locator("tr[data-village='64.74.01.1002']").InnerTextAsync(), StringComparison.Ordinal);
    }
}
