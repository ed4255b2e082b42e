using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tuntas.Data;
using Tuntas.Data.Access;
using Tuntas.Data.Audit;
using Tuntas.Data.Verification;
using Tuntas.Domain.Access;
using Tuntas.Domain.Monitoring;
using Tuntas.Domain.Regions;
using Tuntas.Testing;
using Tuntas.Web.Tests.Pages;

namespace Tuntas.Web.Tests.Monitoring;

/// <summary>
/// "No data" is not zero, and a target says when it was missed: the province with one kabupaten/kota
/// loaded, and Kota Bontang's target of 0 KK by 31 December 2025, on every page and API that shows them.
/// </summary>
public class CompletenessAndTargetTests
{
    private static readonly RegionCode Bontang = RegionCode.From("64.74");

    /// <summary>
    /// Kota Bontang's two families (Bontang Kuala 1 KK, Bontang Baru 1 KK) listed on 10 January 2025 and a
    /// target of 0 KK by 31 December 2025. Kutai Timur's one family is loaded on 22 November 2026 and
    /// never listed: in 2025 Kutai Timur, like the province's eight other kabupaten/kota, has no data.
    /// </summary>
    private static async Task<TuntasWebFactory> AppAsync(TestProvider provider)
    {
        var app = await TuntasWebFactory.CreateAsync(provider);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<TuntasDbContext>();
            foreach (var family in await db.Households.Where(h => h.RegencyCode == Bontang).ToListAsync())
            {
                family.SetSpendingPerCapita(210_000);
            }

            db.Targets.Add(new Target(Bontang, new DateOnly(2025, 12, 31), 0, "admin", Families.Now));
            await db.SaveChangesAsync();
            var audit = scope.ServiceProvider.GetRequiredService<AuditTrail>();
            var summary = await audit.RunAsync(() => scope.ServiceProvider.GetRequiredService<ClassificationService>()
                .ClassifyAsync(db.Households.InRegion(Bontang), new DateOnly(2025, 1, 10), StatusChanges.SystemClassification, audit));
            Assert.Equal(2, summary.Listed);
        }

        await app.CreateUserAndTokenAsync("bappeda.kaltim", Role.Province, "64");
        await app.CreateUserAndTokenAsync("bappeda.bontang", Role.Analyst, "64.74");
        await app.CreateUserAndTokenAsync("dinsos.bontang", Role.Verifier, "64.74");
        return app;
    }

    private static async Task<PageSession> LoginAsync(TuntasWebFactory app, string user)
    {
        var session = PageSession.Open(app);
        Assert.Equal(HttpStatusCode.Redirect, (await session.LoginAsync(user, TuntasWebFactory.Password)).StatusCode);
        return session;
    }

    /// <summary>The text of a page without its tags and with single spaces, as a reader sees it.</summary>
    private static string Text(string html) =>
        Regex.Replace(WebUtility.HtmlDecode(Regex.Replace(html, "<[^>]+>", " ")), "\\s+", " ");

    /// <summary>The text of the table row that names <paramref name="name"/>.</summary>
    private static string Row(string html, string name) =>
        Text(Regex.Match(html, $"<tr>((?:(?!</tr>).)*>{Regex.Escape(name)}</a>(?:(?!</tr>).)*)</tr>", RegexOptions.Singleline).Groups[1].Value).Trim();

    [Theory, DatabaseData]
    public async Task Province_WithOneRegencyLoaded_ShowsTheOthersAsNoData_NotZero_AndStatesTheCompleteness(TestProvider provider)
    {
        await using var app = await AppAsync(provider);
        var anonymous = app.CreateClient();
        var api = await app.ClientForAsync(Role.Province, "64");
        var planner = await LoginAsync(app, "bappeda.kaltim");
        var visitor = PageSession.Open(app);

        var province = await anonymous.GetFromJsonAsync<JsonElement>("/api/v1/public/stats?region=64&at=2025-07-01");
        var kutim = await anonymous.GetFromJsonAsync<JsonElement>("/api/v1/public/stats?region=64.08&at=2025-07-01");
        var kutimSignedIn = await api.GetFromJsonAsync<JsonElement>("/api/v1/stats?region=64.08&at=2025-07-01");
        var (_, publicPage) = await visitor.GetAsync("/publik/64?at=2025-07-01");
        var (_, publicPageEn) = await visitor.GetAsync("/publik/64?at=2025-07-01&culture=en");
        var (_, dashboard) = await planner.GetAsync("/dasbor/64?at=2025-07-01");
        var (_, kutimDashboard) = await planner.GetAsync("/dasbor/64.08?at=2025-07-01");
        var (_, consolidation) = await planner.GetAsync("/laporan?region=64&at=2025-07-01");

        // The API: Kutai Timur's counts are null with the reason; the province's total says 1 of 10.
        Assert.Equal(2, province.GetProperty("extremePoor").GetProperty("households").GetInt32());
        var completeness = province.GetProperty("completeness");
        Assert.Equal(("regency", 1, 10), (completeness.GetProperty("level").GetString(), completeness.GetProperty("withData").GetInt32(), completeness.GetProperty("total").GetInt32()));
        var missing = completeness.GetProperty("missing").EnumerateArray().Select(m => m.GetString()).ToList();
        Assert.Equal(9, missing.Count);
        Assert.Contains("64.08", missing);
        Assert.DoesNotContain("64.74", missing);
        foreach (var figures in new[] { kutim, kutimSignedIn })
        {
            var poor = figures.GetProperty("extremePoor");
            Assert.Equal(JsonValueKind.Null, poor.GetProperty("households").ValueKind);
            Assert.Equal(JsonValueKind.Null, poor.GetProperty("people").ValueKind);
            Assert.Equal(JsonValueKind.Null, figures.GetProperty("exited").GetProperty("graduated").ValueKind);
            Assert.Contains("2026-11-22", figures.GetProperty("noData").GetProperty("reason").GetString(), StringComparison.Ordinal);
        }

        Assert.False(kutim.GetProperty("extremePoor").GetProperty("suppressed").GetBoolean());

        // The public page, in both languages: the count of kabupaten/kota with data, and a dash for the others.
        Assert.Contains("Data tersedia: 1 dari 10 kabupaten/kota", Text(publicPage), StringComparison.Ordinal);
        Assert.Equal("Kabupaten Kutai Timur – Belum ada data", Row(publicPage, "Kabupaten Kutai Timur"));
        Assert.Equal("Kota Bontang 2", Row(publicPage, "Kota Bontang"));
        Assert.Contains("Data available: 1 of 10 regencies/cities", Text(publicPageEn), StringComparison.Ordinal);
        Assert.Equal("Kabupaten Kutai Timur – No data yet", Row(publicPageEn, "Kabupaten Kutai Timur"));

        // The province's dashboard: the same, and Kutai Timur's own dashboard has no figure rather than 0 KK.
        Assert.Contains("Data tersedia: 1 dari 10 kabupaten/kota", Text(dashboard), StringComparison.Ordinal);
        Assert.Contains("Kabupaten Kutai Timur – Belum ada data", Row(dashboard, "Kabupaten Kutai Timur"), StringComparison.Ordinal);
        Assert.DoesNotContain("0 KK", Row(dashboard, "Kabupaten Kutai Timur"), StringComparison.Ordinal);
        Assert.DoesNotContain("0 KK", Row(dashboard, "Kabupaten Paser"), StringComparison.Ordinal);
        Assert.Contains("2 KK", Row(dashboard, "Kota Bontang"), StringComparison.Ordinal);
        Assert.Matches("data-figure=\"households\">–</span>", kutimDashboard);
        Assert.Contains("Belum ada data untuk wilayah ini per 1 Juli 2025", Text(kutimDashboard), StringComparison.Ordinal);

        // The province consolidation counts by the same rule.
        Assert.Contains("Data tersedia: 1 dari 10 kabupaten/kota", Text(consolidation), StringComparison.Ordinal);
    }

    [Theory, DatabaseData]
    public async Task PassedTarget_SaysItWasMissed_OnTheDashboardPublicPageApiAndReportPackage(TestProvider provider)
    {
        await using var app = await AppAsync(provider);
        var anonymous = app.CreateClient();
        var api = await app.ClientForAsync(Role.Analyst, "64.74");
        var analyst = await LoginAsync(app, "bappeda.bontang");
        var dinsos = await LoginAsync(app, "dinsos.bontang");
        var visitor = PageSession.Open(app);

        var (_, dashboard) = await analyst.GetAsync("/dasbor/64.74?at=2026-01-15");
        var (_, publicPage) = await visitor.GetAsync("/publik/64.74?at=2026-01-15");
        var (_, publicPageEn) = await visitor.GetAsync("/publik/64.74?at=2026-01-15&culture=en");
        var stats = await api.GetFromJsonAsync<JsonElement>("/api/v1/stats?region=64.74&at=2026-01-15");
        var publicStats = await anonymous.GetFromJsonAsync<JsonElement>("/api/v1/public/stats?region=64.74&at=2026-01-15");
        var package = await dinsos.Client.GetFromJsonAsync<JsonElement>("/laporan?handler=Package&region=64.74&at=2026-01-15");
        var workbook = await dinsos.Client.GetByteArrayAsync("/laporan?handler=Package&region=64.74&at=2026-01-15&format=xlsx");

        Assert.Contains("target terlewat: 2 KK pada 31 Desember 2025", Text(dashboard), StringComparison.Ordinal);
        Assert.DoesNotContain("Jarak ke target", Text(dashboard), StringComparison.Ordinal);
        Assert.Contains("target terlewat: 2 KK pada 31 Desember 2025", Text(publicPage), StringComparison.Ordinal);
        Assert.DoesNotContain("KK lagi menuju target", Text(publicPage), StringComparison.Ordinal);
        Assert.Contains("target missed: 2 KK on 31 December 2025", Text(publicPageEn), StringComparison.Ordinal);
        foreach (var target in new[] { stats.GetProperty("target"), publicStats.GetProperty("target"), package.GetProperty("content").GetProperty("headline").GetProperty("target") })
        {
            Assert.Equal("2025-12-31", target.GetProperty("date").GetString());
            Assert.Equal(0, target.GetProperty("households").GetInt32());
            Assert.True(target.GetProperty("passed").GetBoolean());
            Assert.True(target.GetProperty("missed").GetBoolean());
            Assert.Equal(2, target.GetProperty("householdsOnDate").GetInt32());
        }

        using var zip = new ZipArchive(new MemoryStream(workbook));
        var sheet = string.Concat(zip.Entries.Where(e => e.FullName.StartsWith("xl/worksheets/", StringComparison.Ordinal)).Select(e => new StreamReader(e.Open()).ReadToEnd()));
        Assert.Contains("target terlewat: 2 KK pada 31 Desember 2025", sheet, StringComparison.Ordinal);
    }

    [Theory, DatabaseData]
    public async Task InheritedTarget_IsShownOnADesasPublicPage_LikeOnItsDashboard_NamingTheRegency(TestProvider provider)
    {
        await using var app = await AppAsync(provider);
        var analyst = await LoginAsync(app, "bappeda.bontang");
        var visitor = PageSession.Open(app);

        var (_, desa) = await visitor.GetAsync("/publik/64.74.01.1002?at=2025-07-01");
        var (_, desaDashboard) = await analyst.GetAsync("/dasbor/64.74.01.1002?at=2025-07-01");
        var (_, desaLater) = await visitor.GetAsync("/publik/64.74.01.1002?at=2026-01-15");

        Assert.Matches("Target: paling banyak 0 KK pada 31 Desember 2025\\. \\( ?diwariskan dari target Kota Bontang ?\\)", Text(desa));
        Assert.DoesNotContain("Belum ada target untuk wilayah ini", Text(desa), StringComparison.Ordinal);
        Assert.Matches("0 KK pada 31 Desember 2025 \\( ?diwariskan dari target Kota Bontang ?\\)", Text(desaDashboard));

        // After the date: missed, the desa's own count of 1 KK withheld like its other small counts.
        Assert.Contains("target terlewat pada 31 Desember 2025 (jumlahnya dirahasiakan)", Text(desaLater), StringComparison.Ordinal);
        Assert.DoesNotContain("target terlewat: 1 KK", Text(desaLater), StringComparison.Ordinal);
    }
}
