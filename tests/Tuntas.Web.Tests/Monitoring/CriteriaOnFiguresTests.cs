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
using Tuntas.Domain.Regions;
using Tuntas.Testing;
using Tuntas.Web.Tests.Pages;

namespace Tuntas.Web.Tests.Monitoring;

/// <summary>
/// Every headline names the criteria it was computed with, and a region without a target of its own
/// shows the national one (0 KK by 31 December 2026, Inpres 8/2025) and says so.
/// </summary>
public class CriteriaOnFiguresTests
{
    private static readonly RegionCode Bontang = RegionCode.From("64.74");

    /// <summary>Kota Bontang's families listed on 10 January 2025; no target is set anywhere.</summary>
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

            await db.SaveChangesAsync();
            var audit = scope.ServiceProvider.GetRequiredService<AuditTrail>();
            await audit.RunAsync(() => scope.ServiceProvider.GetRequiredService<ClassificationService>()
                .ClassifyAsync(db.Households.InRegion(Bontang), new DateOnly(2025, 1, 10), StatusChanges.SystemClassification, audit));
        }

        await app.CreateUserAndTokenAsync("bappeda.bontang", Role.Analyst, "64.74");
        return app;
    }

    private static string Text(string html) =>
        Regex.Replace(WebUtility.HtmlDecode(Regex.Replace(html, "<[^>]+>", " ")), "\\s+", " ");

    [Theory, DatabaseData]
    public async Task StatsApiPublicApiDashboardAndPublicPage_NameTheCriteria_AndTheNationalTarget(TestProvider provider)
    {
        await using var app = await AppAsync(provider);
        var api = await app.ClientForAsync(Role.Analyst, "64.74");
        var anonymous = app.CreateClient();
        var analyst = PageSession.Open(app);
        Assert.Equal(HttpStatusCode.Redirect, (await analyst.LoginAsync("bappeda.bontang", TuntasWebFactory.Password)).StatusCode);
        var visitor = PageSession.Open(app);

        var stats = await api.GetFromJsonAsync<JsonElement>("/api/v1/stats?region=64.74&at=2025-04-09");
        var publicStats = await anonymous.GetFromJsonAsync<JsonElement>("/api/v1/public/stats?region=64.74&at=2025-04-09");
        var (_, dashboard) = await analyst.GetAsync("/dasbor/64.74?at=2025-04-09");
        var (_, publicPage) = await visitor.GetAsync("/publik/64.74?at=2025-04-09");
        var (_, publicPageEn) = await visitor.GetAsync("/publik/64.74?at=2025-04-09&culture=en");

        foreach (var figures in new[] { stats, publicStats })
        {
            var criteria = figures.GetProperty("criteria");
            Assert.Equal((2024, "bps-215-ppp2017", 391_000L), (criteria.GetProperty("year").GetInt32(), criteria.GetProperty("line").GetString(), criteria.GetProperty("linePerCapita").GetInt64()));
            Assert.Equal(JsonValueKind.Null, criteria.GetProperty("region").ValueKind);
            Assert.Contains("USD 2,15 PPP 2017", criteria.GetProperty("source").GetString(), StringComparison.Ordinal);

            var target = figures.GetProperty("target");
            Assert.Equal(("2026-12-31", 0, "nasional", "Inpres 8/2025"), (target.GetProperty("date").GetString(), target.GetProperty("households").GetInt32(),
                target.GetProperty("source").GetString(), target.GetProperty("basis").GetString()));
        }

        Assert.Contains("Dihitung dengan kriteria 2024 (nasional): garis bps-215-ppp2017, Rp391.000/orang/bulan", Text(dashboard), StringComparison.Ordinal);
        Assert.Contains("0 KK pada 31 Desember 2026 ( target nasional, Inpres 8/2025 )", Text(dashboard), StringComparison.Ordinal);
        Assert.Contains("Dihitung dengan kriteria 2024 (nasional): garis bps-215-ppp2017, Rp391.000/orang/bulan", Text(publicPage), StringComparison.Ordinal);
        Assert.Contains("target nasional, Inpres 8/2025", Text(publicPage), StringComparison.Ordinal);
        Assert.Contains("Computed with the 2024 criteria (national): line bps-215-ppp2017, Rp391.000 per person per month", Text(publicPageEn), StringComparison.Ordinal);
        Assert.Contains("national target, Inpres 8/2025", Text(publicPageEn), StringComparison.Ordinal);
    }

    [Theory, DatabaseData]
    public async Task GapsApiAndPage_ShowTheExclusionErrorPerProgramme_NamingTheRule(TestProvider provider)
    {
        await using var app = await AppAsync(provider);
        var api = await app.ClientForAsync(Role.Analyst, "64.74");
        var analyst = PageSession.Open(app);
        Assert.Equal(HttpStatusCode.Redirect, (await analyst.LoginAsync("bappeda.bontang", TuntasWebFactory.Password)).StatusCode);

        var gaps = await api.GetFromJsonAsync<JsonElement>("/api/v1/gaps?region=64.74&at=2025-04-09");
        var (_, page) = await analyst.GetAsync("/intervensi?region=64.74&at=2025-04-09");

        Assert.Contains("Kepmensos 79/HUK/2025", gaps.GetProperty("leakageRule").GetString(), StringComparison.Ordinal);
        Assert.Contains("Kepmensos 79/HUK/2025", gaps.GetProperty("exclusionRule").GetString(), StringComparison.Ordinal);
        var pkh = gaps.GetProperty("exclusionError").EnumerateArray().Single(e => e.GetProperty("programme").GetString() == "PKH");
        Assert.Equal(4, pkh.GetProperty("desilMax").GetInt32());
        Assert.Equal(pkh.GetProperty("eligible").GetInt32() - pkh.GetProperty("receiving").GetInt32(), pkh.GetProperty("excluded").GetInt32());
        Assert.Contains("Ketepatan sasaran menurut desil", Text(page), StringComparison.Ordinal);
        Assert.Contains("desil 1–4", Text(page), StringComparison.Ordinal);
        Assert.Contains("Aturan exclusion error: Kepmensos 79/HUK/2025", Text(page), StringComparison.Ordinal);
    }
}
