using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Tuntas.Data;
using Tuntas.Data.Access;
using Tuntas.Data.Audit;
using Tuntas.Data.Verification;
using Tuntas.Domain.Regions;
using Tuntas.Testing;
using Xunit.Abstractions;

namespace Tuntas.EndToEnd.Tests;

public class CompletenessJourneyTests(ITestOutputHelper output)
{
    /// <summary>
    /// A provincial planner opens Kalimantan Timur's public page at a rakor projector's width: only Kota
    /// Bontang was loaded, so the page says 1 of 10 kabupaten/kota have data and the nine others read
    /// "Belum ada data" ("No data yet" in English), never 0.
    /// </summary>
    [Fact]
    public async Task Planner_OpensTheProvincesPublicPage_SeesOneOfTenWithData_AndNoZeroForTheOthers()
    {
        await using var live = await LiveApp.StartAsync(TestProvider.Sqlite);
        await using (var scope = live.App.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<TuntasDbContext>();
            var bontang = RegionCode.From("64.74");
            foreach (var family in await db.Households.Where(h => h.RegencyCode == bontang).ToListAsync())
            {
                family.SetSpendingPerCapita(210_000);
            }

            await db.SaveChangesAsync();
            var audit = scope.ServiceProvider.GetRequiredService<AuditTrail>();
            await audit.RunAsync(() => scope.ServiceProvider.GetRequiredService<ClassificationService>()
                .ClassifyAsync(db.Households.InRegion(bontang), new DateOnly(2025, 1, 10), StatusChanges.SystemClassification, audit));
        }

        var shots = Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(shots);
        output.WriteLine($"Screenshots: {shots}");
        var page = await live.NewPageAsync();
        await page.SetViewportSizeAsync(1366, 768);

        await page.GotoAsync(live.BaseUrl + "/publik/64?at=2025-07-01");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Kalimantan Timur");
        await Assertions.Expect(page.Locator("[data-figure=completeness]")).ToContainTextAsync("Data tersedia: 1 dari 10 kabupaten/kota");
        await Assertions.Expect(page.Locator("[data-figure=completeness]")).ToContainTextAsync("Kabupaten Kutai Timur");
        var kutim = page.Locator("tr", new() { Has = page.GetByRole(AriaRole.Link, new() { Name = "Kabupaten Kutai Timur", Exact = true }) });
        await Assertions.Expect(kutim.Locator("td.num")).ToHaveTextAsync(new Regex(@"^\s*–\s*Belum ada data\s*$"));
        var bontangRow = page.Locator("tr", new() { Has = page.GetByRole(AriaRole.Link, new() { Name = "Kota Bontang", Exact = true }) });
        await Assertions.Expect(bontangRow.Locator("td.num")).ToHaveTextAsync(new Regex(@"^\s*2\s*$"));
        Assert.Equal(9, await page.Locator("td.num[data-no-data=true]").CountAsync());
        Assert.Equal(0, await page.Locator("td.num", new() { HasTextRegex = new Regex(@"^\s*0\s*$") }).CountAsync());
        await Assertions.Expect(kutim.Locator("td.num")).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(shots, "public-kaltim-completeness-id.png"), FullPage = true });

        await page.GotoAsync(live.BaseUrl + "/publik/64?at=2025-07-01&culture=en");
        await Assertions.Expect(page.Locator("[data-figure=completeness]")).ToContainTextAsync("Data available: 1 of 10 regencies/cities");
        await Assertions.Expect(kutim.Locator("td.num")).ToHaveTextAsync(new Regex(@"^\s*–\s*No data yet\s*$"));
        await page.ScreenshotAsync(new() { Path = Path.Combine(shots, "public-kaltim-completeness-en.png"), FullPage = true });
    }
}
