using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Tuntas.Data.Demo;
using Tuntas.Testing;
using Xunit.Abstractions;

namespace Tuntas.EndToEnd.Tests;

public class ClaimAuditJourneyTests(ITestOutputHelper output)
{
    private static async Task SignInAsync(IPage page, string baseUrl, string user)
    {
        await page.GotoAsync(baseUrl + "/masuk");
        await page.GetByLabel("Nama pengguna").FillAsync(user);
        await page.GetByLabel("Kata sandi").FillAsync(DemoLoader.DemoPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Masuk" }).ClickAsync();
        await LiveApp.ArrivedAtAsync(page, "**/dasbor/64.74");
    }

    [Fact]
    public async Task DinasSosial_DrawsARecheck_TheIndependentVerifierEntersAFinding_AndTheAuditStandsBesideTheSeven()
    {
        await using var live = await LiveApp.StartAsync(TestProvider.Sqlite, withFamilies: false);
        await using (var scope = live.App.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<DemoLoader>().LoadAsync(2025);
        }

        var shots = Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(shots);
        output.WriteLine($"Screenshots: {shots}");

        // The dashboard of 9 April 2025 carries the demo's audit beside the seven.
        var head = await live.NewPageAsync();
        await head.SetViewportSizeAsync(1280, 900);
        await SignInAsync(head, live.BaseUrl, "dinsos.bontang");
        await head.GotoAsync(live.BaseUrl + "/dasbor/64.74?at=2025-04-09");
        var line = head.Locator("[data-section=claim-audit] .claim-line");
        await Assertions.Expect(line).ToContainTextAsync("7 KK tersisa");
        await Assertions.Expect(line).ToContainTextAsync("175 keluar, 100% dengan kunjungan lapangan yang disetujui");
        await Assertions.Expect(line).ToContainTextAsync("pemeriksaan ulang 30 dari 175 KK Graduasi: 29 sesuai, 1 keliru, 0 tidak ditemukan");
        await head.ScreenshotAsync(new() { Path = Path.Combine(shots, "claim-audit-dashboard.png"), FullPage = true });

        // Dinas Sosial draws a new re-check of five graduations; the server draws the seed, the form has none.
        await head.GetByRole(AriaRole.Link, new() { Name = "Buka audit klaim wilayah ini" }).ClickAsync();
        await LiveApp.ArrivedAtAsync(head, "**/audit-klaim/64.74");
        await head.Locator("#from").FillAsync("2023-01-01");
        await head.Locator("#to").FillAsync("2025-04-09");
        await head.Locator("#size").FillAsync("5");
        await Assertions.Expect(head.Locator("#seed")).ToHaveCountAsync(0);
        await head.GetByRole(AriaRole.Button, new() { Name = "Ambil sampel dan buat tugas pemeriksaan ulang" }).ClickAsync();
        await LiveApp.ArrivedAtAsync(head, "**/audit-klaim/sampel/*");
        var sampleUrl = head.Url;
        await Assertions.Expect(head.Locator("table.data tbody tr")).ToHaveCountAsync(5);
        await Assertions.Expect(head.Locator("select[name=finding]")).ToHaveCountAsync(0);
        await head.ScreenshotAsync(new() { Path = Path.Combine(shots, "claim-audit-sample.png"), FullPage = true });

        // The independent verifier enters a finding on the same page.
        var checker = await live.NewPageAsync();
        await checker.SetViewportSizeAsync(1280, 900);
        await SignInAsync(checker, live.BaseUrl, DemoLoader.IndependentVerifier);
        await checker.GotoAsync(sampleUrl);
        var firstRow = checker.Locator("table.data tbody tr").First;
        await firstRow.Locator("select[name=finding]").SelectOptionAsync("confirmed");
        await firstRow.GetByRole(AriaRole.Button, new() { Name = "Simpan" }).ClickAsync();
        await Assertions.Expect(checker.Locator("[data-figure=confirmed]")).ToHaveTextAsync("1");
        await Assertions.Expect(checker.Locator("table.data tbody tr").First).ToContainTextAsync(new Regex("Sesuai"));
        await checker.ScreenshotAsync(new() { Path = Path.Combine(shots, "claim-audit-finding.png"), FullPage = true });
    }
}
