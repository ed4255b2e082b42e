using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Tuntas.Data;
using Tuntas.Data.Access;
using Tuntas.Data.Audit;
using Tuntas.Data.Verification;
using Tuntas.Domain.Access;
using Tuntas.Domain.Regions;
using Tuntas.Domain.Registry;
using Tuntas.Testing;

namespace Tuntas.EndToEnd.Tests;

/// <summary>
/// The field screens on a cheap phone: every operator and facilitator page fits 360 px without
/// sideways scrolling, and the header folds away.
/// </summary>
public class FieldAppJourneyTests
{
    private const string NoKk = "6474010101200001";

    /// <summary>
    /// Household <see cref="NoKk"/> is listed, and a round gives its visit task to the operator of
    /// Bontang Kuala (and the kecamatan's facilitator sees it in the area).
    /// </summary>
    internal static async Task<long> OpenTaskAsync(LiveApp live)
    {
        await live.CreateUserAsync("op.bontangkuala", Role.Operator, "64.74.01.1001");
        await live.CreateUserAsync("fas.bontangutara", Role.Facilitator, "64.74.01");
        var today = RegionClock.DayAt(DateTime.UtcNow);
        await using var scope = live.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TuntasDbContext>();
        var household = await db.Households.SingleAsync(h => h.NoKk == NomorKk.From(NoKk));
        household.SetSpendingPerCapita(215_000);
        await db.SaveChangesAsync();
        var audit = scope.ServiceProvider.GetRequiredService<AuditTrail>();
        await audit.RunAsync(() => scope.ServiceProvider.GetRequiredService<ClassificationService>()
            .ClassifyAsync(db.Households.InRegion(RegionCode.From("64.74")), today, StatusChanges.SystemClassification, audit));
        var round = await scope.ServiceProvider.GetRequiredService<CreateRound>()
            .CreateAsync(RegionScope.National, RegionCode.From("64.74"), "Verval Uji", today, today.AddDays(30), 12, "test");
        Assert.True(round.Succeeded, round.Error?.ToString());
        return await db.Tasks.Where(t => t.HouseholdId == household.Id).Select(t => t.Id).SingleAsync();
    }

    internal static async Task SignInAsync(IPage page, LiveApp live, string user, string path = "/masuk")
    {
        await page.GotoAsync(live.BaseUrl + path);
        await page.Locator("input[name=username]").FillAsync(user);
        await page.Locator("input[name=password]").FillAsync(LiveApp.Password);
        await page.Locator("main button[type=submit]").ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/masuk", StringComparison.Ordinal), new() { Timeout = 90_000 });
    }

    [Fact]
    public async Task FieldScreens_At360x740_HaveNoSidewaysScroll_AndAFoldedHeader_InBothLanguages()
    {
        await using var live = await LiveApp.StartAsync(TestProvider.Sqlite);
        var taskId = await OpenTaskAsync(live);
        var pages = new[] { "/", "/tugas", "/tugas?semua=true", $"/tugas/{taskId}", $"/keluarga/{NoKk}", "/verval", "/usul", "/akun/odk" };
        var failures = new List<string>();
        foreach (var (user, language) in new[] { ("op.bontangkuala", "id"), ("fas.bontangutara", "en"), ("op.bontangkuala", "en") })
        {
            var page = await live.NewPageAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 360, Height = 740 }, Locale = "id-ID" });
            await SignInAsync(page, live, user);
            await page.GotoAsync(live.BaseUrl + $"/bahasa/{language}?returnUrl=%2F");
            foreach (var path in pages)
            {
                await page.GotoAsync(live.BaseUrl + path);
                var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, window.innerWidth]");
                if (widths[0] > widths[1])
                {
                    await page.ScreenshotAsync(new() { Path = Path.Combine(Path.GetTempPath(), $"tuntas-wide-{user}-{language}{path.Replace('/', '-')}.png"), FullPage = true });
                    failures.Add($"{user} {language} {path}: scrollWidth {widths[0]} > {widths[1]}");
                }

                // The header is one line (the menu folded behind its button), not a third of the screen.
                var header = await page.Locator("header.topbar").BoundingBoxAsync();
                if (header!.Height > 64)
                {
                    failures.Add($"{user} {language} {path}: header {header.Height} px high");
                }
            }

            // The task's action is on the screen, not 1033 px to the right (the facilitator sees the operator's task among all of the area).
            await page.GotoAsync(live.BaseUrl + "/tugas?semua=true");
            var action = await page.GetByRole(AriaRole.Link, new() { Name = language == "id" ? "Isi kunjungan" : "Record visit" }).BoundingBoxAsync();
            Assert.NotNull(action);
            Assert.True(action.X + action.Width <= 360, $"the action ends at x={action.X + action.Width}");

            // The menu opens from its button without any script, and reaches the task list.
            var menu = page.Locator("header details.menu");
            Assert.False(await page.Locator("header nav").IsVisibleAsync());
            await menu.Locator("summary").ClickAsync();
            Assert.True(await page.Locator("header nav").IsVisibleAsync());
            await page.Context.CloseAsync();
        }

        Assert.Empty(failures);

        // A wide screen keeps its menu row, with no button.
        var wide = await live.NewPageAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1366, Height = 768 }, Locale = "id-ID" });
        await SignInAsync(wide, live, "op.bontangkuala");
        await wide.GotoAsync(live.BaseUrl + "/tugas");
        Assert.True(await wide.Locator("header nav").IsVisibleAsync());
        Assert.False(await wide.Locator("header details.menu summary").IsVisibleAsync());
        Assert.True(await wide.Locator("table.data thead").IsVisibleAsync());
    }

    /// <summary>A real 1×1 PNG, so the browser's photo handling runs on an actual image.</summary>
    private static readonly byte[] Png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=");

    private static async Task<(int Visits, int Evidence)> StoredAsync(LiveApp live)
    {
        await using var scope = live.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TuntasDbContext>();
        return (await db.Visits.CountAsync(), await db.Evidence.CountAsync());
    }

    private static async Task<(int Visits, int Evidence)> ArrivedAsync(LiveApp live)
    {
        for (var i = 0; i < 180; i++)
        {
            var stored = await StoredAsync(live);
            if (stored.Visits > 0)
            {
                // Give a duplicate time to arrive too, if there were one.
                await Task.Delay(3000);
                return await StoredAsync(live);
            }

            await Task.Delay(500);
        }

        return await StoredAsync(live);
    }

    /// <summary>An operator's phone, signed in, with the field app installed and the task's form kept.</summary>
    private static async Task<IPage> PhoneWithKeptFormAsync(LiveApp live, long taskId)
    {
        var context = await live.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 360, Height = 740 },
            Locale = "id-ID",
            ServiceWorkers = ServiceWorkerPolicy.Allow,
        });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(90_000);
        await SignInAsync(page, live, "op.bontangkuala");
        await page.GotoAsync(live.BaseUrl + "/tugas");
        await page.WaitForFunctionAsync(
            "async (url) => { const r = await navigator.serviceWorker.getRegistration(); return !!(r && r.active && await caches.match(url)); }",
            $"{live.BaseUrl}/tugas/{taskId}",
            new() { Timeout = 90_000, PollingInterval = 250 });
        await page.GotoAsync(live.BaseUrl + $"/tugas/{taskId}");
        return page;
    }

    private static async Task FillVisitAsync(IPage page)
    {
        // Nothing observed is filled in: each question is answered, yes or no.
        await page.GetByRole(AriaRole.Group, new() { Name = "Keluarga ditemukan?", Exact = true }).GetByLabel("Ya", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("Bertemu dengan").FillAsync("Budi Santoso (kepala keluarga)");
        foreach (var question in new[] { "Tidak punya tempat tinggal" }.Concat(Tuntas.Domain.Verification.PovertyIndicatorNames.All.Select(i => Tuntas.Domain.Verification.PovertyIndicatorNames.ToIndonesian(i))))
        {
            var answer = question.StartsWith("Lantai tanah", StringComparison.Ordinal) ? "ya" : "tidak";
            await page.GetByRole(AriaRole.Group, new() { Name = question, Exact = true }).GetByLabel(answer, new() { Exact = true }).CheckAsync();
        }

        await page.GetByLabel("Ada di rumah").FillAsync("1");
        await page.GetByLabel("Rekomendasi").SelectOptionAsync(new SelectOptionValue { Label = "Terverifikasi Miskin Ekstrem" });
        await page.GetByLabel("Foto rumah dan keluarga, atau dokumen").SetInputFilesAsync(new FilePayload { Name = "rumah.png", MimeType = "image/png", Buffer = Png });
        await page.GetByLabel("Catatan").FillAsync("Dikirim tanpa sinyal.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Kirim hasil kunjungan" }).ClickAsync();
    }

    [Fact]
    public async Task VisitSentOffline_WaitsOnThePhone_SurvivesAReload_AndArrivesOnceWithItsPhoto()
    {
        await using var live = await LiveApp.StartAsync(TestProvider.Sqlite);
        var taskId = await OpenTaskAsync(live);
        var page = await PhoneWithKeptFormAsync(live, taskId);

        await page.Context.SetOfflineAsync(true);
        await FillVisitAsync(page);
        var title = page.Locator("[data-outbox-title]");
        await Assertions.Expect(title).ToHaveTextAsync("1 kunjungan menunggu sinyal");
        Assert.Contains("menunggu sinyal", await page.Locator("[data-outbox-list]").InnerTextAsync(), StringComparison.Ordinal);

        // Reloaded without signal: the service worker serves the kept form, and the visit still waits.
        var reloaded = await page.ReloadAsync();
        Assert.True(reloaded!.FromServiceWorker);
        await Assertions.Expect(title).ToHaveTextAsync("1 kunjungan menunggu sinyal");
        var list = await page.GotoAsync(live.BaseUrl + "/tugas");
        Assert.True(list!.FromServiceWorker);
        await Assertions.Expect(title).ToHaveTextAsync("1 kunjungan menunggu sinyal");
        Assert.Equal((0, 0), await StoredAsync(live));

        // The connection returns: the visit is sent by itself, once, with its photo.
        await page.Context.SetOfflineAsync(false);
        await Assertions.Expect(page.Locator("[data-outbox-panel]")).ToBeHiddenAsync(new() { Timeout = 90_000 });
        Assert.Equal((1, 1), await ArrivedAsync(live));
        await page.GotoAsync(live.BaseUrl + "/tugas");
        Assert.Contains("Menunggu pemeriksaan", await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task VisitSentAfterTheSessionExpired_AsksForThePassword_AndArrivesOnce()
    {
        await using var live = await LiveApp.StartAsync(TestProvider.Sqlite);
        var taskId = await OpenTaskAsync(live);
        var page = await PhoneWithKeptFormAsync(live, taskId);

        // The session ends while the form is being filled (8 hours in the field, or signed out elsewhere).
        await page.Context.ClearCookiesAsync(new() { Name = "tuntas.auth" });
        await FillVisitAsync(page);
        await Assertions.Expect(page.Locator("[data-outbox-signin]")).ToBeVisibleAsync();
        Assert.Contains("Sesi Anda sudah berakhir", await page.Locator("[data-outbox-signin]").InnerTextAsync(), StringComparison.Ordinal);
        await Assertions.Expect(page.Locator("[data-outbox-title]")).ToHaveTextAsync("1 kunjungan menunggu sinyal");
        Assert.Equal((0, 0), await StoredAsync(live));

        // Signing in again returns to the form, and the kept visit is sent.
        await page.GetByRole(AriaRole.Link, new() { Name = "Masuk lagi" }).ClickAsync();
        await LiveApp.ArrivedAtAsync(page, "**/masuk?**");
        await page.Locator("input[name=username]").FillAsync("op.bontangkuala");
        await page.Locator("input[name=password]").FillAsync(LiveApp.Password);
        await page.Locator("main button[type=submit]").ClickAsync();
        await LiveApp.ArrivedAtAsync(page, "**/keluarga/6474010101200001?pesan=kunjungan-terkirim");
        Assert.Equal((1, 1), await ArrivedAsync(live));
    }
}
