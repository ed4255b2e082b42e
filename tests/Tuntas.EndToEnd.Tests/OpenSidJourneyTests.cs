using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Tuntas.Data.Demo;
using Tuntas.Testing;

namespace Tuntas.EndToEnd.Tests;

public class OpenSidJourneyTests
{
    /// <summary>
    /// The operator of Bontang Kuala opens the village's dashboard as of 9 April 2025, downloads the
    /// Data Suplemen of its extreme-poor families and the Program Bantuan of PKH, in Bahasa Indonesia
    /// on a desktop and in English on a phone; the files are the layouts OpenSID imports.
    /// </summary>
    [Fact]
    public async Task Operator_DownloadsTheFilesForOpenSid_InIndonesianAndEnglish()
    {
        await using var live = await LiveApp.StartAsync(TestProvider.Sqlite, withFamilies: false);
        await using (var scope = live.App.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<DemoLoader>().LoadAsync(2025);
        }

        var folder = Directory.CreateTempSubdirectory("tuntas-opensid-").FullName;
        try
        {
            var page = await live.NewPageAsync(new BrowserNewContextOptions { Locale = "id-ID", AcceptDownloads = true });
            await page.SetViewportSizeAsync(1280, 900);
            await page.GotoAsync(live.BaseUrl + "/masuk");
            await page.GetByLabel("Nama pengguna").FillAsync("operator.bontangkuala");
            await page.GetByLabel("Kata sandi").FillAsync(DemoLoader.DemoPassword);
            await page.GetByRole(AriaRole.Button, new() { Name = "Masuk" }).ClickAsync();
            await page.WaitForURLAsync(url => !url.Contains("/masuk", StringComparison.Ordinal));

            foreach (var (language, width, heading, suplemenText, bantuanText) in new[]
            {
                ("id", 1280, "Untuk OpenSID", "Unduh Data Suplemen keluarga miskin ekstrem (per 9 April 2025)", "Unduh Program Bantuan"),
                ("en", 360, "For OpenSID", "Download Data Suplemen of extreme-poor families (as of 9 April 2025)", "Download Program Bantuan"),
            })
            {
                await page.SetViewportSizeAsync(width, width == 360 ? 740 : 900);
                await page.GotoAsync(live.BaseUrl + $"/bahasa/{language}?returnUrl=%2Fdasbor%2F64.74.01.1001%3Fat%3D2025-04-09");
                await LiveApp.ArrivedAtAsync(page, "**/dasbor/64.74.01.1001?at=2025-04-09");
                var section = page.Locator("#opensid");
                await Assertions.Expect(section.GetByRole(AriaRole.Heading, new() { Name = heading })).ToBeVisibleAsync();

                var link = section.GetByRole(AriaRole.Link, new() { Name = suplemenText });
                await link.ScrollIntoViewIfNeededAsync();
                var suplemen = await page.RunAndWaitForDownloadAsync(() => link.ClickAsync());
                var suplemenPath = Path.Combine(folder, $"{language}-{suplemen.SuggestedFilename}");
                await suplemen.SaveAsAsync(suplemenPath);
                Assert.Equal("suplemen-miskin-ekstrem-64.74.01.1001-2025-04-09.xlsx", suplemen.SuggestedFilename);
                var families = ReadWorkbook.Read(await File.ReadAllBytesAsync(suplemenPath)).Rows("Peserta", 2);
                Assert.Equal(["Peserta", "Keterangan"], families[0]);
                Assert.Equal("###", families[^1][0]);
                Assert.True(families.Count > 2, "Bontang Kuala had extreme-poor families on 9 April 2025 in the demo.");
                Assert.All(families.Skip(1).SkipLast(1), row => Assert.Matches("^[0-9]{16}$", row[0]));

                await section.Locator("#opensid-programme").SelectOptionAsync("PKH");
                var button = section.GetByRole(AriaRole.Button, new() { Name = bantuanText });
                var bantuan = await page.RunAndWaitForDownloadAsync(() => button.ClickAsync());
                var bantuanPath = Path.Combine(folder, $"{language}-{bantuan.SuggestedFilename}");
                await bantuan.SaveAsAsync(bantuanPath);
                Assert.StartsWith("program-bantuan-PKH-64.74.01.1001-", bantuan.SuggestedFilename, StringComparison.Ordinal);
                var book = ReadWorkbook.Read(await File.ReadAllBytesAsync(bantuanPath));
                Assert.Equal(["Program", "Peserta"], book.SheetNames);
                Assert.Equal(["Nama Program", "Program Keluarga Harapan"], book.Rows("Program", 2)[1]);
                Assert.Equal(["Peserta", "No. Peserta", "NIK", "Nama", "Tempat Lahir", "Tanggal Lahir", "Alamat"], book.Rows("Peserta", 7)[0]);
                Assert.True(book.Rows("Peserta", 7).Count > 2, "PKH reached families of Bontang Kuala in the demo.");

                // On a phone the section and its programme list fit the screen.
                foreach (var part in new[] { section, section.Locator("#opensid-programme"), button })
                {
                    var box = await part.BoundingBoxAsync();
                    Assert.True(box is not null && box.X >= 0 && box.X + box.Width <= width + 1, $"Wider than the {width} px screen: {box?.X} + {box?.Width}.");
                }
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
