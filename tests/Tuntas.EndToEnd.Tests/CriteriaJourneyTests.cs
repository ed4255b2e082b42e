using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Tuntas.Data.Demo;
using Tuntas.Testing;

namespace Tuntas.EndToEnd.Tests;

public class CriteriaJourneyTests
{
    [Fact]
    public async Task Resident_OnAPhone_SeesWhichCriteriaTheFiguresUse_AndTheNationalTargetWhereNoneIsSet()
    {
        await using var live = await LiveApp.StartAsync(TestProvider.Sqlite, withFamilies: false);
        await using (var scope = live.App.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<DemoLoader>().LoadAsync(2025);
        }

        var page = await live.NewPageAsync();
        await page.SetViewportSizeAsync(360, 740);

        // Kota Bontang has its own target; the figures of 9 April 2025 use the 2024 value of the official line.
        await page.GotoAsync(live.BaseUrl + "/publik/64.74?at=2025-04-09");
        await Assertions.Expect(page.Locator("[data-figure=criteria]")).ToContainTextAsync("Dihitung dengan kriteria 2024 (nasional): garis bps-215-ppp2017, Rp391.000/orang/bulan");
        await Assertions.Expect(page.Locator("[data-figure=target-inherited]")).ToHaveCountAsync(0);

        // The province set no target: the national one applies and says so, in both languages.
        await page.GotoAsync(live.BaseUrl + "/publik/64?at=2025-04-09");
        await Assertions.Expect(page.Locator("[data-figure=target-inherited]")).ToHaveTextAsync("target nasional, Inpres 8/2025");
        await page.GotoAsync(live.BaseUrl + "/publik/64?at=2025-04-09&culture=en");
        await Assertions.Expect(page.Locator("[data-figure=target-inherited]")).ToHaveTextAsync("national target, Inpres 8/2025");
        await Assertions.Expect(page.Locator("[data-figure=criteria]")).ToContainTextAsync(new Regex("Computed with the 2024 criteria \\(national\\): line bps-215-ppp2017"));
        var overflow = await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth + 1");
        Assert.False(overflow, "the public page scrolls sideways at 360 px");
    }
}
