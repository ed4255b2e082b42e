using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Tuntas.Data;
using Tuntas.Data.Access;
using Tuntas.Data.Audit;
using Tuntas.Data.Interventions;
using Tuntas.Data.Verification;
using Tuntas.Domain.Access;
using Tuntas.Domain.Regions;
using Tuntas.Domain.Registry;
using Tuntas.Domain.Verification;
using Tuntas.Testing;

namespace Tuntas.EndToEnd.Tests;

/// <summary>The review page with the evidence in view: marks, the map of the visits (tiles off), in both languages, desk and phone.</summary>
public class ReviewMapJourneyTests
{
    private static readonly RegionScope Bontang = new(RegionCode.From("64.74"));

    /// <summary>Three visits close together in Bontang Kuala, then one about 18 km north; returns the far visit's id.</summary>
    private static async Task<long> SeedVisitsAsync(LiveApp live)
    {
        var today = RegionClock.DayAt(DateTime.UtcNow);
        await using var scope = live.App.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<TuntasDbContext>();
        var household = await db.Households.SingleAsync(h => h.NoKk == NomorKk.From("6474010101200001"));
        household.SetSpendingPerCapita(215_000);
        await db.SaveChangesAsync();
        var audit = services.GetRequiredService<AuditTrail>();
        await audit.RunAsync(() => services.GetRequiredService<ClassificationService>()
            .ClassifyAsync(db.Households.InRegion(Bontang.Region!), today, StatusChanges.SystemClassification, audit));
        Assert.Null((await services.GetRequiredService<CreateRound>().CreateAsync(Bontang, Bontang.Region!, "Verval Uji", today, today.AddDays(30), 6, "dinsos.bontang")).Error);

        long last = 0;
        foreach (var lat in new[] { 0.1345, 0.1350, 0.1340, 0.3000 })
        {
            await using var step = live.App.Services.CreateAsyncScope();
            var task = (await step.ServiceProvider.GetRequiredService<VervalQueries>().TasksAsync(Bontang, null, true, null, 10, CancellationToken.None))
                .First(t => t.State == VisitTaskState.Open);
            var sent = await step.ServiceProvider.GetRequiredService<SubmitVisit>().SubmitAsync(Bontang, task.Id, task.Version,
                new VisitReport { VisitedOn = today, Found = true, SpendingPerCapita = 200_000, MembersPresent = 1, Latitude = lat, Longitude = 117.4951, AccuracyMetres = 8 }, [], "op.bontangkuala");
            Assert.Null(sent.Error);
            last = await db.Visits.MaxAsync(v => v.Id);
            if (lat < 0.2)
            {
                Assert.Null((await step.ServiceProvider.GetRequiredService<PlanGraduationVisit>().PlanAsync(Bontang, household.Id, today.AddDays(7), "dinsos.bontang")).Error);
            }
        }

        return last;
    }

    [Fact]
    public async Task ReviewPage_ShowsTheFarVisitOnTheMapAndInTheList_InBothLanguages_OnDeskAndPhone()
    {
        await using var live = await LiveApp.StartAsync(TestProvider.Sqlite, settings: ["--Tuntas:Map:TileUrl="]);
        await live.CreateUserAsync("dinsos.bontang", Role.Verifier, "64.74");
        var visitId = await SeedVisitsAsync(live);

        foreach (var (width, height) in new[] { (1366, 900), (360, 740) })
        {
            foreach (var (locale, farWords, listWords) in new[] { ("id-ID", "Jauh dari desa", "Titik tengah kunjungan desa/kelurahan"), ("en-GB", "Far from the village", "Centre of the desa/kelurahan's visits") })
            {
                var page = await live.NewPageAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = width, Height = height }, Locale = locale });
                await page.GotoAsync(live.BaseUrl + "/masuk");
                await page.Locator("input[name=username]").FillAsync("dinsos.bontang");
                await page.Locator("input[name=password]").FillAsync(LiveApp.Password);
                await page.Locator("input[name=password]").PressAsync("Enter");
                await LiveApp.ArrivedAtAsync(page, "**/dasbor/**");
                var culture = locale == "en-GB" ? "?culture=en&ui-culture=en" : "?culture=id&ui-culture=id";
                await page.GotoAsync($"{live.BaseUrl}/pemeriksaan/{visitId}{culture}");

                var map = page.Locator("[data-review-map][data-ready=true]");
                await map.WaitForAsync();
                Assert.True(await map.IsVisibleAsync());
                Assert.Equal("", await map.GetAttributeAsync("data-tiles"));
                Assert.Equal(0, await page.Locator(".leaflet-tile").CountAsync());
                // This visit, the centre, the household's three earlier visits: one circle each.
                Assert.Equal(5, await page.Locator("path.leaflet-interactive").CountAsync());
                Assert.Contains(farWords, await page.Locator("[data-mark=far-from-village]").InnerTextAsync(), StringComparison.Ordinal);
                var list = await page.Locator("[data-points]").InnerTextAsync();
                Assert.Contains("0.30000, 117.49510", list, StringComparison.Ordinal);
                Assert.Contains(listWords, list, StringComparison.Ordinal);
                Assert.DoesNotContain("0,30000", list, StringComparison.Ordinal);
                Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), $"sideways scroll at {width} px ({locale})");
                await page.ScreenshotAsync(new() { Path = Path.Combine(Path.GetTempPath(), $"tuntas-review-map-{width}-{locale}.png"), FullPage = true });
                await page.Context.CloseAsync();
            }
        }
    }
}
