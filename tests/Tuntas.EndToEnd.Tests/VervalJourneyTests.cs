using System.Globalization;
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
/// The verval journeys of the screens: a village operator on a phone records a visit with a photo,
/// and Dinas Sosial approves it from the review queue; the household's page then shows the change.
/// </summary>
public class VervalJourneyTests
{
    /// <summary>A real 1×1 PNG, so the browser's photo handling runs on an actual image.</summary>
    private static readonly byte[] Png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=");

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
    public async Task Operator_RecordsAVisitOnAPhone_AndTheVerifierApprovesIt()
    {
        await using var live = await LiveApp.StartAsync(TestProvider.Sqlite);
        await live.CreateUserAsync("dinsos.bontang", Role.Verifier, "64.74");
        await live.CreateUserAsync("op.bontangkuala", Role.Operator, "64.74.01.1001");
        var today = Tuntas.Domain.Regions.RegionClock.DayAt(DateTime.UtcNow);
        await using (var scope = live.App.Services.CreateAsyncScope())
        {
            // Family 6474010101200001 spends below the line: classification lists it.
            var db = scope.ServiceProvider.GetRequiredService<TuntasDbContext>();
            var household = await db.Households.SingleAsync(h => h.NoKk == NomorKk.From("6474010101200001"));
            household.SetSpendingPerCapita(215_000);
            await db.SaveChangesAsync();
            var audit = scope.ServiceProvider.GetRequiredService<AuditTrail>();
            await audit.RunAsync(() => scope.ServiceProvider.GetRequiredService<ClassificationService>()
                .ClassifyAsync(db.Households.InRegion(RegionCode.From("64.74")), today, StatusChanges.SystemClassification, audit));
        }

        // Dinas Sosial opens a round for the city.
        var desk = await live.NewPageAsync();
        await SignInAsync(desk, live, "dinsos.bontang");
        await desk.GotoAsync(live.BaseUrl + "/verval");
        await desk.GetByLabel("Nama putaran").FillAsync("Verval Triwulan Uji");
        await desk.GetByLabel("Kode wilayah").FillAsync("64.74");
        await desk.GetByRole(AriaRole.Button, new() { Name = "Buat putaran dan tugas kunjungan" }).ClickAsync();
        await LiveApp.ArrivedAtAsync(desk, "**/verval/*");
        Assert.Contains("op.bontangkuala", await desk.Locator("table.data").InnerTextAsync(), StringComparison.Ordinal);

        // The operator, on a phone-sized screen, finds the task and fills the visit form.
        var phoneContext = await live.Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 360, Height = 740 }, Locale = "id-ID" });
        var phone = await phoneContext.NewPageAsync();
        phone.SetDefaultTimeout(90_000);
        await SignInAsync(phone, live, "op.bontangkuala");
        // On a phone the menu folds behind its button.
        await phone.Locator("header details.menu summary").ClickAsync();
        await phone.GetByRole(AriaRole.Link, new() { Name = "Tugas Kunjungan" }).ClickAsync();
        await phone.GetByRole(AriaRole.Link, new() { Name = "Isi kunjungan" }).ClickAsync();
        await LiveApp.ArrivedAtAsync(phone, "**/tugas/*");
        // Nothing observed is filled in: each question is answered here, yes or no.
        await phone.GetByRole(AriaRole.Group, new() { Name = "Keluarga ditemukan?", Exact = true }).GetByLabel("Ya", new() { Exact = true }).CheckAsync();
        await phone.GetByLabel("Bertemu dengan").FillAsync("Budi Santoso (kepala keluarga)");
        var yes = new[] { "Kepala keluarga tidak bekerja", "Rawan pangan", "Lantai tanah", "Dinding tidak permanen", "Tidak punya jamban sendiri", "Listrik 450 VA" };
        foreach (var question in new[] { "Tidak punya tempat tinggal" }.Concat(Tuntas.Domain.Verification.PovertyIndicatorNames.All.Select(i => Tuntas.Domain.Verification.PovertyIndicatorNames.ToIndonesian(i))))
        {
            var answer = yes.Any(y => question.StartsWith(y, StringComparison.Ordinal)) ? "ya" : "tidak";
            await phone.GetByRole(AriaRole.Group, new() { Name = question, Exact = true }).GetByLabel(answer, new() { Exact = true }).CheckAsync();
        }

        await phone.GetByLabel("Ada di rumah").FillAsync("1");

        await phone.GetByLabel("Perkiraan pengeluaran per orang per bulan").FillAsync("210000");
        await phone.GetByLabel("Foto rumah dan keluarga, atau dokumen").SetInputFilesAsync(new FilePayload { Name = "rumah.png", MimeType = "image/png", Buffer = Png });
        await phone.GetByLabel("Rekomendasi").SelectOptionAsync(new SelectOptionValue { Label = "Terverifikasi Miskin Ekstrem" });
        await phone.GetByLabel("Catatan").FillAsync("Rumah papan, lantai tanah.");
        await phone.ScreenshotAsync(new() { Path = Shot("visit-form-phone"), FullPage = true });
        await phone.GetByRole(AriaRole.Button, new() { Name = "Kirim hasil kunjungan" }).ClickAsync();
        await LiveApp.ArrivedAtAsync(phone, "**/keluarga/6474010101200001?pesan=kunjungan-terkirim");
        Assert.Contains("menunggu pemeriksaan Dinas Sosial", await phone.Locator("[role=status]").InnerTextAsync(), StringComparison.Ordinal);

        // Dinas Sosial reviews it, sees the photo, and approves.
        await desk.GotoAsync(live.BaseUrl + "/pemeriksaan");
        await desk.GetByRole(AriaRole.Link, new() { Name = "Periksa" }).ClickAsync();
        await LiveApp.ArrivedAtAsync(desk, "**/pemeriksaan/*");
        Assert.True(await desk.Locator("ul.evidence img").IsVisibleAsync());
        await desk.ScreenshotAsync(new() { Path = Shot("review"), FullPage = true });
        await desk.GetByRole(AriaRole.Button, new() { Name = "Setujui" }).ClickAsync();
        await LiveApp.ArrivedAtAsync(desk, "**/pemeriksaan?pesan=disetujui&kk=6474010101200001");
        Assert.Contains("Kunjungan keluarga No. KK 6474010101200001 disetujui", await desk.Locator("[role=status]").InnerTextAsync(), StringComparison.Ordinal);
        await desk.GotoAsync(live.BaseUrl + "/keluarga/6474010101200001");

        Assert.Equal("Terverifikasi Miskin Ekstrem", (await desk.Locator(".heading .status").InnerTextAsync()).Trim());
        var timeline = await desk.Locator("ol.timeline").InnerTextAsync();
        Assert.Contains("Kunjungan lapangan dikirim", timeline, StringComparison.Ordinal);
        Assert.Contains("Kunjungan disetujui Dinas Sosial", timeline, StringComparison.Ordinal);
        var history = await desk.Locator("table.data").Nth(1).InnerTextAsync();
        Assert.Contains(today.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("id-ID")), history, StringComparison.Ordinal);
        await desk.ScreenshotAsync(new() { Path = Shot("household-timeline"), FullPage = true });
    }
}
